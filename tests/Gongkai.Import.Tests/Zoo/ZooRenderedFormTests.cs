using System.Globalization;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>
/// A fact needing an external program (<c>pdftotext</c>, <c>soffice</c>): skipped with the reason on a
/// machine without it, and run (so failing) under CI (<c>CI=true</c>), as the PostgreSQL variants are.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!underCi && !ZooRenderedForms.OnPath(tool))
        {
            Skip = $"{tool} is not installed (apt: {tool switch { "soffice" => "libreoffice-writer", "pdf2txt" => "python3-pdfminer", _ => "poppler-utils" }}); CI=true makes this a failure";
        }
    }
}

/// <summary>
/// The zoo over the forms that need a renderer or a converter (<see cref="ZooRenderedForms"/>):
/// <see cref="CasesPerForm"/> seeded reports per form, each imported back exactly. A long run:
/// <c>GONGKAI_ZOO_RENDERED_CASES=&lt;n&gt;</c>; one case: <c>GONGKAI_ZOO_SEED=&lt;seed&gt;</c> (docs/import-zoo.md).
/// </summary>
public sealed class ZooRenderedFormTests
{
    /// <summary>Per form, in CI.</summary>
    public const int CasesPerForm = 100;

    [Fact]
    public void Docx_ProjectRenderer_ReadsBackExactly() => Check("docx");

    [Fact]
    public void Pdf_ProjectRenderer_ReadsBackExactly() => Check("pdf");

    [ToolFact("pdftotext")]
    public void PdfToTextLayout_ReadsBackExactly() => Check("pdftotext-layout");

    [ToolFact("pdftotext")]
    public void PdfToTextRaw_ReadsBackExactly() => Check("pdftotext-raw");

    [ToolFact("pdftotext")]
    public void PdfToTextDefault_ReadsBackExactly() => Check("pdftotext-default");

    [ToolFact("w3m")]
    public void W3mDumpFromHtml_ReadsBackExactly() => Check("w3m-from-html");

    [ToolFact("lynx")]
    public void LynxDumpFromHtml_ReadsBackExactly() => Check("lynx-from-html");

    [ToolFact("pandoc")]
    public void PandocMarkdownFromHtml_ReadsBackExactly() => Check("pandoc-md-from-html");

    [ToolFact("pandoc")]
    public void PandocGfmFromHtml_ReadsBackExactly() => Check("pandoc-gfm-from-html");

    [ToolFact("pandoc")]
    public void PandocPlainFromHtml_ReadsBackExactly() => Check("pandoc-plain-from-html");

    [ToolFact("w3m")]
    public void W3mDumpFromWordHtml_ReadsBackExactly() => Check("w3m-from-word-html");

    [ToolFact("pandoc")]
    public void PandocMarkdownFromWordHtml_ReadsBackExactly() => Check("pandoc-md-from-word-html");

    [ToolFact("soffice")]
    public void LibreOfficePdfFromDocx_ReadsBackExactly() => Check("lo-pdf-from-docx");

    [ToolFact("soffice")]
    public void LibreOfficeDocxFromHtml_ReadsBackExactly() => Check("lo-docx-from-html");

    [ToolFact("soffice")]
    public void LibreOfficePdfFromHtml_ReadsBackExactly() => Check("lo-pdf-from-html");

    [ToolFact("soffice")]
    public void LibreOfficeDocFromDocx_ReadsBackExactly() => Check("lo-doc-from-docx");

    [ToolFact("soffice")]
    public void LibreOfficeDocFromHtml_ReadsBackExactly() => Check("lo-doc-from-html");

    [ToolFact("soffice")]
    public void LibreOfficeRtfFromDocx_ReadsBackExactly() => Check("lo-rtf-from-docx");

    [ToolFact("pandoc")]
    public void PandocMarkdownFromDocx_ReadsBackExactly() => Check("pandoc-md-from-docx");

    [ToolFact("pandoc")]
    public void PandocGfmFromDocx_ReadsBackExactly() => Check("pandoc-gfm-from-docx");

    [ToolFact("pandoc")]
    public void PandocPlainFromDocx_ReadsBackExactly() => Check("pandoc-plain-from-docx");

    [ToolFact("soffice")]
    public void LibreOfficeHtmlFromDocx_ReadsBackExactly() => Check("lo-html-from-docx");

    [ToolFact("soffice")]
    public void LibreOfficeTextFromDocx_ReadsBackExactly() => Check("lo-txt-from-docx");

    [ToolFact("soffice")]
    public void PdfToTextLayoutOfLibreOfficePdf_ReadsBackExactly() => Check("pdftotext-layout-from-lo-pdf");

    [ToolFact("soffice")]
    public void PdfToTextRawOfLibreOfficePdf_ReadsBackExactly() => Check("pdftotext-raw-from-lo-pdf");

    [ToolFact("soffice")]
    public void PdfToTextDefaultOfLibreOfficePdf_ReadsBackExactly() => Check("pdftotext-default-from-lo-pdf");

    [ToolFact("pdf2txt")]
    public void PdfMinerOfProjectPdf_ReadsBackExactly() => Check("pdfminer");

    [ToolFact("pdf2txt")]
    public void PdfMinerOfLibreOfficePdf_ReadsBackExactly() => Check("pdfminer-from-lo-pdf");

    /// <summary>
    /// Forms not yet read exactly, with the share of cases allowed to fail (measured over the 100 CI
    /// cases; a ratchet as in <see cref="ZooTextFormTests"/>). See docs/import-zoo.md.
    /// </summary>
    private static readonly Dictionary<string, double> s_knownFailureRate = new()
    {
        // None: pdftotext-layout (was 15 %) and pdftotext-raw (was 10 %) read 0 of 300 wrong since
        // 2026-12-06 (layout: blanks placed by column; raw: a row whose blank vanished left unread).
        // lo-pdf-from-html (LibreOffice's HTML-to-PDF, a table without rules) reads 0 of 300 wrong
        // since 2026-12-06 (was 100 % when added, then 55, 18, 8, 3 and 2 of 100; last 4 of 300 under
        // a 4 % ratchet): table-2 rows with a blank under captions run together into one run, or
        // centred in a column reaching the table's edge. See docs/import-zoo.md.

        // pdftotext-default (table 2 printed column by column, table 3's 总计 column as a block after a
        // page's rows): 100 of 100 when added, 28 of 100 under a ratchet from 2026-12-06; 0 of 500 since
        // 2026-12-07, a column's cells that its blanks leave truly ambiguous being left unread alone
        // (the property allows them: ZooRenderedForm.ColumnsApart). See docs/import-zoo.md.

        // pdftotext's default order of LibreOffice's PDF of the project's DOCX (a Word-made PDF as a
        // scraper extracts it; added 2026-12-07, session 11): 100 of 100 failed when added (≈ 59 % of
        // cells unread, 26 read wrong); 87 of 100 after session 11's fixes, none read wrong; 0 of 100
        // since session 12 (table 4 read past the headings 五/六, a page's first row's stray cells
        // settled by the columns' arithmetic, table 2's rows out of order and blocks printed apart;
        // the property allows a block holding a blank to be unread: ZooRenderedForm.BlocksApart).
        // See docs/import-zoo.md.

        // pdfminer.six's text (pdf2txt, pdfplumber: text boxes in its own order, tables mostly column
        // by column and table 3 in fragments; added 2026-12-07, session 12): when added, 10 of 10
        // cases read cells wrong (table-2 blocks read row by row where pdfminer goes column by
        // column, labels read blank); now none read wrong in 300, most of table 3 left unread
        // (≈ 88 % of all cells), tables 2 and 4 mostly read. See docs/import-zoo.md.
        ["pdfminer"] = 1.0,
        ["pdfminer-from-lo-pdf"] = 1.0,
    };

    /// <summary>
    /// Forms in which some cases still read a cell wrong, with the share of cases allowed to (every
    /// other form: none). pdfminer's text (session 12): 10 of 10 when added; after the fixes 2 of the
    /// 100 CI cases of LibreOffice's PDF and none of the project's (within these shares at 300 cases
    /// too): a table-3 row of zeros after its label where the text's order puts another row's cells. See docs/import-zoo.md.
    /// </summary>
    private static readonly Dictionary<string, double> s_knownWrongRate = new()
    {
        ["pdfminer"] = 0.02,
        ["pdfminer-from-lo-pdf"] = 0.03,
    };

    private static void Check(string name)
    {
        var form = ZooRenderedForms.All.Single(f => f.Name == name);
        var seeds = ZooProperty.Seed is { } one
            ? [one]
            : Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_ZOO_RENDERED_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : CasesPerForm).ToList();
        var dir = Directory.CreateTempSubdirectory($"zoo-{name}-");
        try
        {
            var sources = seeds.Select(s => ZooReport.Generate(new Random(s), form.Kinds)).ToList();
            var files = form.WriteAll(sources, dir.FullName);
            var failures = new List<(int Seed, List<string> Diffs)>();
            var zooForm = new ZooForm(form.Name, form.Kinds, false, form.FileName, (_, _) => []);
            for (var i = 0; i < sources.Count; i++)
            {
                var read = ZooProperty.Import(zooForm, files[i]);
                var diffs = ZooProperty.Differences(sources[i].Report, read, glued: false, sources[i].Text, form.BlanksVanish, form.ColumnsApart, form.BlocksApart);
                if (diffs.Count > 0 || ZooTextFormTests.SaveAll)
                {
                    failures.AddRange(diffs.Count > 0 ? [(seeds[i], diffs)] : []);
                    ZooTextFormTests.Save(zooForm, seeds[i], sources[i], files[i], form.BlanksVanish, columnsApart: form.ColumnsApart, blocksApart: form.BlocksApart);
                }
            }

            // A ratchet allows cells left unread; cells read wrong (a value, agency or year) only in the
            // forms known to, at their measured share of cases.
            var wrong = failures.Where(f => f.Diffs.Any(d => !d.Contains(", read null (Missing", StringComparison.Ordinal))).ToList();
            var wrongAllowed = ZooProperty.Seed is null ? (int)(s_knownWrongRate.GetValueOrDefault(name) * seeds.Count) : 0;
            Assert.True(wrong.Count <= wrongAllowed, "read wrong: " + ZooTextFormTests.Report(zooForm, wrong));
            var allowed = ZooProperty.Seed is null ? (int)(s_knownFailureRate.GetValueOrDefault(name) * seeds.Count) : 0;
            Assert.True(failures.Count <= allowed, ZooTextFormTests.Report(zooForm, failures));
        }
        finally
        {
            // GONGKAI_ZOO_KEEP=1 keeps the rendered files (documents, PDFs, texts) to look into.
            if (Environment.GetEnvironmentVariable("GONGKAI_ZOO_KEEP") != "1")
            {
                dir.Delete(recursive: true);
            }
        }
    }
}
