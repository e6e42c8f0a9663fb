using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Casework;
using Gongkai.Render.Letters;
using static Gongkai.Render.Tests.Letters.LetterCases;

namespace Gongkai.Render.Tests.Letters;

public sealed class LetterWriterTests
{
    /// <summary>A case that has every letter: receipt, 补正, consultation, extension, fee, the 答复 and the Art. 32 notice.</summary>
    private static ApplicationCase Full() => Registered()
        .Then(new SupplementRequested(D(2026, 3, 3), By(D(2026, 3, 3)), "请写明合同编号", D(2026, 3, 10)))
        .Then(new SupplementReceived(D(2026, 3, 5), By(D(2026, 3, 5))))
        .Then(new ConsultationStarted(D(2026, 3, 6), By(D(2026, 3, 6)), ConsultationParty.ThirdParty, "兰陵医疗器械有限公司"))
        .Then(new ConsultationEnded(D(2026, 3, 13), By(D(2026, 3, 13)), ConsultationReply.Objected))
        .Then(new Extended(D(2026, 3, 16), By(D(2026, 3, 16)), 10, "李主任", "需调取存档资料"))
        .Then(new FeeNotified(D(2026, 3, 17), By(D(2026, 3, 17)), FeeMethod.PerPage, 150, 0, 1700m))
        .Then(new FeePaid(D(2026, 3, 18), By(D(2026, 3, 18)), 1700m))
        .Then(new Decided(D(2026, 3, 20), By(D(2026, 3, 20)), ApplicationOutcome.PartiallyGranted, "第三十七条", "withheld.third-party", "合同中的报价明细属于商业秘密"));

    public static TheoryData<int, LetterKind> Letters()
    {
        var data = new TheoryData<int, LetterKind>();
        var c = Full();
        for (var s = 1; s <= c.Events.Length; s++)
        {
            foreach (var kind in LetterComposer.KindsFor(c, s))
            {
                data.Add(s, kind);
            }
        }

        return data;
    }

    [Fact]
    public void FullCase_HasEveryLetterKind() =>
        Assert.Equal(Enum.GetValues<LetterKind>().Order(), Letters().Select(row => (LetterKind)row[1]).Order());

    [Theory]
    [MemberData(nameof(Letters))]
    public void Docx_IsValidOpenXml_InTheOfficialLayout(int sequence, LetterKind kind)
    {
        var letter = Letter(Full(), kind, sequence);
        var bytes = DocxLetterWriter.Write(letter);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        foreach (var line in letter.Lines())
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }

        var margin = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal(2098, margin.Top!.Value);     // 37 mm
        Assert.Equal(1984, margin.Bottom!.Value);  // 35 mm
        Assert.Equal(1587U, margin.Left!.Value);   // 28 mm
        Assert.Equal(1474U, margin.Right!.Value);  // 26 mm
        var title = body.Elements<Paragraph>().Single(p => p.InnerText == letter.Title);
        Assert.Equal("44", title.Descendants<FontSize>().Single().Val!.Value); // 二号
        Assert.Equal(DocxLetterWriter.TitleFont, title.Descendants<RunFonts>().Single().EastAsia!.Value);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Pdf_TextLayerHoldsTheChineseText(int sequence, LetterKind kind)
    {
        var letter = Letter(Full(), kind, sequence);
        var bytes = PdfLetterWriter.Write(letter);
        if (Environment.GetEnvironmentVariable("GONGKAI_LETTER_SAMPLES") is { Length: > 0 } samples)
        {
            // Sample letters for docs/letters.md (GONGKAI_LETTER_SAMPLES=/some/dir).
            Directory.CreateDirectory(samples);
            File.WriteAllBytes(Path.Combine(samples, $"{kind.Code()}.pdf"), bytes);
            File.WriteAllBytes(Path.Combine(samples, $"{kind.Code()}.docx"), DocxLetterWriter.Write(letter));
        }

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
        var text = PdfToText(bytes);
        // pdftotext breaks lines where the layout does, and a page number may fall inside a
        // paragraph: compare without whitespace and page numbers.
        var lines = text.Split('\n').Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l.Trim(), "^—\\s*\\d+\\s*—$"));
        var flat = new string(string.Concat(lines).Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        Assert.Contains("—1—", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var line in new[] { letter.Issuer, letter.DocumentNumber, letter.Title, letter.DateZh }.Concat(letter.Paragraphs))
        {
            Assert.Contains(new string(line.Where(ch => !char.IsWhiteSpace(ch)).ToArray()), flat, StringComparison.Ordinal);
        }
    }

    private static string PdfToText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
