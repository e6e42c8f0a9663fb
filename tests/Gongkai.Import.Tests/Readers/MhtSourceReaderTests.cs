using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Import.Readers;
using Gongkai.Import.Readers.Mht;

namespace Gongkai.Import.Tests.Readers;

/// <summary>
/// Web archives (MHTML) as Word (单个文件网页, GB2312 quoted-printable) and browsers (Chrome's
/// <c>Saved by Blink</c>) write them: the page part read as a page.
/// </summary>
public sealed class MhtSourceReaderTests
{
    private static string Rich() => File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("docx"), "rich-split", "source.html"));

    /// <summary>Word's shape, written by hand: GB2312 in quoted-printable, soft line breaks, <c>=3D</c>.</summary>
    private static byte[] WordMht(string html)
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(html);
        var qp = new StringBuilder();
        var line = 0;
        foreach (var b in bytes)
        {
            var piece = b is >= 33 and <= 126 && b != '=' ? ((char)b).ToString() : b == '\n' ? "\r\n" : $"={b:X2}";
            if (piece == "\r\n")
            {
                qp.Append(piece);
                line = 0;
                continue;
            }

            if (line + piece.Length > 75)
            {
                qp.Append("=\r\n");
                line = 0;
            }

            qp.Append(piece);
            line += piece.Length;
        }

        var text = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DB6B2A.6C5B7E40\"\r\n\r\n"
            + "此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n"
            + "------=_NextPart_01DB6B2A.6C5B7E40\r\nContent-Location: file:///C:/6C5B7E40/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
            + qp + "\r\n\r\n------=_NextPart_01DB6B2A.6C5B7E40--\r\n";
        return [.. Encoding.GetEncoding("GB18030").GetBytes(text)];
    }

    static MhtSourceReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Import_WordSingleFileWebPage_ReadsAsThePage()
    {
        var html = Rich();
        var page = ReportImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(html)), "report.html");

        var archived = ReportImporter.Import(new MemoryStream(WordMht(html)), "report.doc");

        Assert.Null(ReportImporter.Refusal(archived));
        Assert.Equal(page.Agency, archived.Agency);
        Assert.Equal(page.Year, archived.Year);
        var cells = page.TableLayouts().SelectMany(l => l.Cells()).ToList();
        Assert.True(cells.Count > 150);
        Assert.All(cells, c => Assert.Equal(page[c].Value, archived[c].Value));
    }

    [Fact]
    public void Detect_BrowserSavedPage_IsMht() =>
        Assert.Equal(SourceKind.Mht, SourceDetector.Detect(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/a.html\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n"u8,
            "page.mhtml"));

    [Fact]
    public void Read_ArchiveWithoutPage_SaysSo()
    {
        var bytes = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"u8.ToArray();

        var doc = MhtSourceReader.Read(bytes, "empty.mht");

        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticCodes.SourceUnreadable, d.Code);
        Assert.Contains("没有网页正文", d.Message, StringComparison.Ordinal);
    }
}
