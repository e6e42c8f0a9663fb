using System.Diagnostics;
using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Render;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>
/// A form that needs a renderer or a converter: the batch of cases is written at once (LibreOffice is
/// slow to start, so one <c>soffice</c> run converts the whole batch), then each file is imported.
/// <paramref name="Tool"/> is the program the form needs besides the project's renderers, or null.
/// </summary>
public sealed record ZooRenderedForm(string Name, CellKinds Kinds, string FileName, string? Tool, Func<IReadOnlyList<ZooReport>, string, IReadOnlyList<byte[]>> WriteAll)
{
    /// <summary>
    /// Whether an empty cell leaves no trace in this form (plain text cut at spaces, its positions not
    /// kept): a row that held a blank may then be left unread.
    /// </summary>
    public bool BlanksVanish => FileName.EndsWith(".txt", StringComparison.Ordinal) && !Aligned && !EmptyCellLines;

    /// <summary>Text printed one cell per line, an empty cell an empty line (LibreOffice's text export): a blank cell is read as blank, exactly.</summary>
    public bool EmptyCellLines { get; init; }

    /// <summary>
    /// Text laid out in columns (<c>pdftotext -layout</c>): each number's position tells its column,
    /// so a blank cell is read as blank, exactly.
    /// </summary>
    public bool Aligned { get; init; }

    /// <summary>
    /// A table printed column by column (<c>pdftotext</c>'s default order): where a column's blank
    /// left no trace, which row of its block was blank may be truly ambiguous, those cells unread.
    /// </summary>
    public bool ColumnsApart { get; init; }

    /// <summary>
    /// With <see cref="ColumnsApart"/>: a block's columns after the first printed apart from their
    /// labels in row or column order (pdftotext's default order of LibreOffice's PDF), so where a blank
    /// left no trace any cell of its block may be truly ambiguous, those cells unread.
    /// </summary>
    public bool BlocksApart { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// The forms made by the project's renderers (DOCX, PDF), by <c>pdftotext</c> from those PDFs and by
/// LibreOffice from the project's HTML and DOCX. The renderers print a cell's number (a placeholder or
/// a unit is not kept), so these forms carry blanks and decimals besides numbers.
/// </summary>
public static class ZooRenderedForms
{
    private const CellKinds RenderedKinds = CellKinds.Blanks | CellKinds.Decimals;

    /// <summary>What a page saved from Word carries (<see cref="ZooForms.WordHtml"/>): every kind of cell.</summary>
    private const CellKinds WordKinds = CellKinds.All;

    /// <summary>The case laid out as the zoo's official page and saved as Word HTML (mso classes, rowspan/colspan, nested spans).</summary>
    private static string WordPage(ZooReport report, int i)
    {
        var random = new Random(i);
        return ZooForms.WordHtml(new ZooPage(report, random), random);
    }

    public static IReadOnlyList<ZooRenderedForm> All { get; } =
    [
        new("docx", RenderedKinds, "report.docx", null, (cases, _) => Render(cases, "docx")),
        new("pdf", RenderedKinds, "report.pdf", null, (cases, _) => Render(cases, "pdf")),
        new("pdftotext-layout", RenderedKinds, "report.txt", "pdftotext", (cases, dir) => PdfToText(cases, dir, "-layout")) { Aligned = true },
        new("pdftotext-raw", RenderedKinds, "report.txt", "pdftotext", (cases, dir) => PdfToText(cases, dir, "-raw")),
        new("pdftotext-default", RenderedKinds, "report.txt", "pdftotext", (cases, dir) => PdfToText(cases, dir, null)) { ColumnsApart = true },
        new("lo-pdf-from-docx", RenderedKinds, "report.pdf", "soffice", (cases, dir) => LibreOffice(cases, dir, "docx", "pdf")),
        new("lo-docx-from-html", RenderedKinds, "report.docx", "soffice", (cases, dir) => LibreOffice(cases, dir, "html", "docx:MS Word 2007 XML")),
        new("w3m-from-html", RenderedKinds, "report.txt", "w3m", (cases, dir) => FromHtml(cases, dir, "w3m", ["-dump", "-cols", "200", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"])),
        new("lynx-from-html", RenderedKinds, "report.txt", "lynx", (cases, dir) => FromHtml(cases, dir, "lynx", ["-dump", "-nolist", "-width=200", "-assume_charset=utf-8", "-display_charset=utf-8"])),
        new("pandoc-md-from-html", RenderedKinds, "report.md", "pandoc", (cases, dir) => FromHtml(cases, dir, "pandoc", ["-f", "html", "-t", "markdown"])),
        new("pandoc-gfm-from-html", RenderedKinds, "report.md", "pandoc", (cases, dir) => FromHtml(cases, dir, "pandoc", ["-f", "html", "-t", "gfm"])),
        new("pandoc-plain-from-html", RenderedKinds, "report.txt", "pandoc", (cases, dir) => FromHtml(cases, dir, "pandoc", ["-f", "html", "-t", "plain"])),
        new("w3m-from-word-html", WordKinds, "report.txt", "w3m", (cases, dir) => FromHtml(cases, dir, "w3m", ["-dump", "-cols", "200", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"], word: true)),
        new("pandoc-md-from-word-html", WordKinds, "report.md", "pandoc", (cases, dir) => FromHtml(cases, dir, "pandoc", ["-f", "html", "-t", "markdown"], word: true)),
        new("lo-pdf-from-html", RenderedKinds, "report.pdf", "soffice", (cases, dir) => LibreOffice(cases, dir, "html", "pdf:writer_web_pdf_Export")),
        // Word 97-2003 files, as many offices still publish (.doc; WPS's .wps is the same format).
        new("lo-doc-from-docx", RenderedKinds, "report.doc", "soffice", (cases, dir) => LibreOffice(cases, dir, "docx", "doc:MS Word 97")),
        new("lo-doc-from-html", RenderedKinds, "report.doc", "soffice", (cases, dir) => LibreOffice(cases, dir, "html", "doc:MS Word 97")),
        // Rich Text Format, what sites' "导出 Word" buttons give (often named .doc).
        new("lo-rtf-from-docx", RenderedKinds, "report.rtf", "soffice", (cases, dir) => LibreOffice(cases, dir, "docx", "rtf")),
        new("pandoc-md-from-docx", RenderedKinds, "report.md", "pandoc", (cases, dir) => FromDocx(cases, dir, "pandoc", ["-s", "-f", "docx", "-t", "markdown"])),
        new("pandoc-gfm-from-docx", RenderedKinds, "report.md", "pandoc", (cases, dir) => FromDocx(cases, dir, "pandoc", ["-s", "-f", "docx", "-t", "gfm"])),
        new("pandoc-plain-from-docx", RenderedKinds, "report.txt", "pandoc", (cases, dir) => FromDocx(cases, dir, "pandoc", ["-s", "-f", "docx", "-t", "plain"])),
        new("lo-html-from-docx", RenderedKinds, "report.html", "soffice", (cases, dir) => LibreOffice(cases, dir, "docx", "html")),
        new("lo-txt-from-docx", RenderedKinds, "report.txt", "soffice", (cases, dir) => LibreOffice(cases, dir, "docx", "txt:Text (encoded):UTF8")) { EmptyCellLines = true },
        new("pdftotext-layout-from-lo-pdf", RenderedKinds, "report.txt", "soffice", (cases, dir) => PdfToText(LibreOffice(cases, dir, "docx", "pdf"), dir, "-layout")) { Aligned = true },
        new("pdftotext-raw-from-lo-pdf", RenderedKinds, "report.txt", "soffice", (cases, dir) => PdfToText(LibreOffice(cases, dir, "docx", "pdf"), dir, "-raw")),
        new("pdftotext-default-from-lo-pdf", RenderedKinds, "report.txt", "soffice", (cases, dir) => PdfToText(LibreOffice(cases, dir, "docx", "pdf"), dir, null)) { ColumnsApart = true, BlocksApart = true },
        new("pdfminer", RenderedKinds, "report.txt", "pdf2txt", (cases, dir) => PdfMiner(Render(cases, "pdf"), dir)),
        new("pdfminer-from-lo-pdf", RenderedKinds, "report.txt", "pdf2txt", (cases, dir) => PdfMiner(LibreOffice(cases, dir, "docx", "pdf"), dir)),
    ];

    private static List<byte[]> Render(IReadOnlyList<ZooReport> cases, string format) =>
        [.. cases.Select(c => ReportRenderers.Render(c.Report, format))];

    /// <summary>Each case's PDF from the project's renderer, as <c>pdftotext</c> gives its text.</summary>
    /// <remarks>A null <paramref name="mode"/> is pdftotext's default reading order (no mode flag).</remarks>
    private static List<byte[]> PdfToText(IReadOnlyList<ZooReport> cases, string dir, string? mode) =>
        PdfToText([.. cases.Select(c => ReportRenderers.Render(c.Report, "pdf"))], dir, mode);

    /// <summary>Each PDF as <c>pdftotext</c> gives its text (a null <paramref name="mode"/>: its default reading order).</summary>
    private static List<byte[]> PdfToText(List<byte[]> pdfs, string dir, string? mode)
    {
        var texts = new List<byte[]>(pdfs.Count);
        for (var i = 0; i < pdfs.Count; i++)
        {
            var pdf = Path.Combine(dir, Name(i, "pdftotext.pdf"));
            var txt = Path.Combine(dir, Name(i, "txt"));
            File.WriteAllBytes(pdf, pdfs[i]);
            Run("pdftotext", mode is null ? ["-enc", "UTF-8", pdf, txt] : [mode, "-enc", "UTF-8", pdf, txt], TimeSpan.FromSeconds(60));
            texts.Add(File.ReadAllBytes(txt));
        }

        return texts;
    }

    /// <summary>
    /// Each PDF as pdfminer.six gives its text (<c>pdf2txt</c>'s default layout analysis, which
    /// pdfplumber and many Python scrapers share): text boxes in its own reading order, an empty line
    /// after each. One Python process (the interpreter <c>pdf2txt</c> runs with) reads them all.
    /// </summary>
    private static List<byte[]> PdfMiner(List<byte[]> pdfs, string dir)
    {
        var paths = new List<string>(pdfs.Count);
        for (var i = 0; i < pdfs.Count; i++)
        {
            var pdf = Path.Combine(dir, Name(i, "pdfminer.pdf"));
            File.WriteAllBytes(pdf, pdfs[i]);
            paths.Add(pdf);
        }

        const string script = "import sys\nfrom pdfminer.high_level import extract_text\nfor p in sys.argv[1:]:\n    open(p + '.txt', 'w', encoding='utf-8').write(extract_text(p))\n";
        Run(PdfMinerPython(), ["-c", script, .. paths], TimeSpan.FromMinutes(10));
        return [.. paths.Select(p => File.ReadAllBytes(p + ".txt"))];
    }

    /// <summary>The Python that <c>pdf2txt</c> runs with (its first line), which has pdfminer.</summary>
    private static string PdfMinerPython()
    {
        var script = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "pdf2txt")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pdf2txt is not installed (apt: python3-pdfminer)");
        var first = File.ReadLines(script).First();
        return first.StartsWith("#!", StringComparison.Ordinal) ? first[2..].Trim().Split(' ')[0] : "python3";
    }

    /// <summary>Each case's HTML from the project's renderer, as <paramref name="program"/> turns it into text or Markdown (its standard output).</summary>
    private static List<byte[]> FromHtml(IReadOnlyList<ZooReport> cases, string dir, string program, string[] options, bool word = false)
    {
        var texts = new List<byte[]>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var html = Path.Combine(dir, Name(i, "html"));
            File.WriteAllBytes(html, word ? ZooForms.Utf8(WordPage(cases[i], i)) : ReportRenderers.Render(cases[i].Report, "html"));
            texts.Add(System.Text.Encoding.UTF8.GetBytes(Run(program, [.. options, html], TimeSpan.FromSeconds(60))));
        }

        return texts;
    }

    /// <summary>Each case's DOCX from the project's renderer, as <paramref name="program"/> turns it into text or Markdown (its standard output).</summary>
    private static List<byte[]> FromDocx(IReadOnlyList<ZooReport> cases, string dir, string program, string[] options)
    {
        var texts = new List<byte[]>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var docx = Path.Combine(dir, Name(i, "docx"));
            File.WriteAllBytes(docx, ReportRenderers.Render(cases[i].Report, "docx"));
            texts.Add(System.Text.Encoding.UTF8.GetBytes(Run(program, [.. options, docx], TimeSpan.FromSeconds(60))));
        }

        return texts;
    }

    /// <summary>
    /// Each case rendered by the project as <paramref name="from"/>, then converted by one LibreOffice
    /// run (a private profile, so it neither meets nor waits for another instance).
    /// </summary>
    private static List<byte[]> LibreOffice(IReadOnlyList<ZooReport> cases, string dir, string from, string to)
    {
        // The same cases converted the same way (lo-pdf-from-docx and the pdftotext forms of its
        // PDFs) are converted once a test run: LibreOffice takes minutes a batch.
        var key = $"{from}>{to}:" + string.Join(",", cases.Select(c => ReportJson.Serialize(c.Report, includeExtras: false).GetHashCode(StringComparison.Ordinal)));
        lock (s_converted)
        {
            if (s_converted.TryGetValue(key, out var done))
            {
                return done;
            }
        }

        var converted = ConvertWithLibreOffice(cases, dir, from, to);
        lock (s_converted)
        {
            s_converted[key] = converted;
        }

        return converted;
    }

    private static readonly Dictionary<string, List<byte[]>> s_converted = new(StringComparer.Ordinal);

    private static List<byte[]> ConvertWithLibreOffice(IReadOnlyList<ZooReport> cases, string dir, string from, string to)
    {
        var inputs = new List<string>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var path = Path.Combine(dir, Name(i, from));
            File.WriteAllBytes(path, ReportRenderers.Render(cases[i].Report, from));
            inputs.Add(path);
        }

        var outDir = Path.Combine(dir, "out");
        var profile = new Uri(Path.Combine(dir, "profile")).AbsoluteUri;
        Run("soffice", [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, .. inputs], TimeSpan.FromMinutes(10));
        var extension = to.Split(':')[0];
        // A long batch (300 HTML files to PDF) may stop short with exit code 0 (seen 2026-12-06 at
        // the 247th; at 600 cases the run of those left stopped short too): the files left
        // unconverted are converted again in runs of their own, up to three.
        for (var pass = 0; pass < 3; pass++)
        {
            var left = inputs.Where((_, i) => !File.Exists(Path.Combine(outDir, Name(i, extension)))).ToList();
            if (left.Count == 0)
            {
                break;
            }

            Run("soffice", [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, .. left], TimeSpan.FromMinutes(10));
        }

        return [.. inputs.Select((_, i) => File.ReadAllBytes(Path.Combine(outDir, Name(i, extension))))];
    }

    private static string Name(int i, string extension) => $"case{i.ToString("D4", CultureInfo.InvariantCulture)}.{extension}";

    private static string Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran longer than {timeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        return stdout.Result;
    }

    /// <summary>Whether <paramref name="program"/> is on the PATH.</summary>
    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, program)));
}
