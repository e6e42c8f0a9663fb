using Gongkai.Domain.Reports;
using Gongkai.Import.Readers.Pdf;

namespace Gongkai.Import.Tests.Pdf;

public class PdfSourceReaderTests
{
    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static SourceDocument ReadFixture(params string[] parts)
    {
        using var stream = File.OpenRead(Fixture(parts));
        return PdfSourceReader.Read(stream, parts[^1]);
    }

    private static string[] Texts(SourceLine line) => [.. line.Cells.Select(c => c.Text)];

    private static SourceLine LineWith(SourceDocument doc, string text) =>
        doc.Lines.First(l => l.Cells.Any(c => c.Text.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(text, StringComparison.Ordinal)));

    [Fact]
    public void Read_Hzq2023_NewReceivedRowIsLabelThenSevenNumbers()
    {
        var doc = ReadFixture("pdf", "hzq2023", "input.pdf");
        var line = LineWith(doc, "一、本年新收政府信息公开申请数量");
        Assert.Equal(["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "21"], Texts(line));
        Assert.Equal(3, line.Cells[1].Location.Page);
        Assert.NotNull(line.Cells[1].Location.X);
    }

    [Fact]
    public void Read_Hzq2023_WrappedLabelCellIsOneFragmentBeforeItsNumbers()
    {
        // "（二）部分公开（区分处理的，只计这一情 形，不 计其他情形）" wraps over two lines in its cell
        // with the numbers on a line of their own.
        var doc = ReadFixture("pdf", "hzq2023", "input.pdf");
        var line = LineWith(doc, "（二）部分公开");
        Assert.Equal(8, line.Cells.Length);
        Assert.Contains("不计其他情形）", line.Cells[0].Text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(["4", "0", "0", "0", "0", "0", "4"], Texts(line)[1..]);
    }

    [Fact]
    public void Read_Hzq2023_StackedHeadersDoNotLeakIntoRowsAndPageNumbersAreDropped()
    {
        var doc = ReadFixture("pdf", "hzq2023", "input.pdf");
        Assert.Contains(doc.Lines, l => Texts(l).Contains("商业企业"));
        Assert.DoesNotContain(doc.Lines, l => l.Cells.Any(c => c.Text.Trim() is "-1-" or "-2-" or "-3-" or "-4-"));
        var total = LineWith(doc, "（七）总计");
        Assert.Equal(["（七）总计", "21", "0", "0", "0", "0", "0", "21"], Texts(total));
        Assert.Equal(4, total.Cells[0].Location.Page);
    }

    [Fact]
    public void Read_Hzq2023_TableFourIsOneLineOfFifteenNumbers()
    {
        var doc = ReadFixture("pdf", "hzq2023", "input.pdf");
        var line = doc.Lines.Single(l => l.Cells.Length == 15 && l.Cells.All(c => int.TryParse(c.Text, out _)));
        Assert.Equal(["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"], Texts(line));
    }

    [Fact]
    public void Import_Hzq2023_ReportsBothPrintedTableFourTotals()
    {
        var report = ReportImporter.Import(Fixture("pdf", "hzq2023", "input.pdf"));
        Assert.Equal(2, report.Diagnostics.Count(d => d.Code == DiagnosticCodes.T4Total));
        Assert.Equal(0m, report[new CellRef("table4", "reconsideration", 4)].Value);
    }

    [Fact]
    public void Read_SplitTable_RowsOnBothPagesAreComplete()
    {
        var doc = ReadFixture("pdf", "sample-001-split", "input.pdf");
        var pages = doc.Lines.Where(l => l.Cells.Length == 8 && l.Cells.Skip(1).All(c => int.TryParse(c.Text, out _)))
            .Select(l => l.Cells[0].Location.Page).Distinct().ToArray();
        Assert.True(pages.Length >= 2, "table 3 spans two pages");
    }

    [Fact]
    public void Read_DigitsDrawnOneByOne_AreOneNumber()
    {
        var pdf = new MiniPdf().Page()
            .Text(50, 700, "Row label")
            .Text(200, 700, "1").Text(205.56, 700, "0")
            .Text(260, 700, "2").Text(265.56, 700, "5").Text(271.12, 700, "0")
            .Text(320, 700, "7");
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "digits.pdf");
        Assert.Equal(["Row label", "10", "250", "7"], Texts(Assert.Single(doc.Lines)));
    }

    [Fact]
    public void Read_RuledTable_WrappedLabelAndEmptyCellStayInTheRow()
    {
        // Two rows; the first label wraps over two lines, the numbers sit lower in the cell; the
        // second row has an empty cell.
        var pdf = new MiniPdf().Page()
            .Grid([50, 200, 250, 300, 350], [700, 660, 640])
            .Text(55, 688, "Partly granted (count")
            .Text(55, 676, "only this case)")
            .Text(220, 666, "4").Text(270, 666, "0").Text(320, 666, "4")
            .Text(55, 646, "Second").Text(220, 646, "1").Text(320, 646, "1");
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "ruled.pdf");
        Assert.Equal(2, doc.Lines.Length);
        Assert.Equal(["Partly granted (count only this case)", "4", "0", "4"], Texts(doc.Lines[0]));
        Assert.Equal(["Second", "1", string.Empty, "1"], Texts(doc.Lines[1]));
    }

    [Fact]
    public void Read_TableRuledOnlyAcross_ColumnsStaySeparate()
    {
        // Horizontal rules between rows and a frame, but no column rules.
        var pdf = new MiniPdf().Page()
            .Grid([50, 350], [700, 680, 660])
            .Text(55, 686, "First").Text(220, 686, "12").Text(270, 686, "0").Text(320, 686, "12")
            .Text(55, 666, "Second").Text(220, 666, "3").Text(270, 666, "1").Text(320, 666, "4");
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "across.pdf");
        Assert.Equal(["First", "12", "0", "12"], Texts(doc.Lines[0]));
        Assert.Equal(["Second", "3", "1", "4"], Texts(doc.Lines[1]));
    }

    [Fact]
    public void Read_UnruledTable_LabelOnTheLineAboveIsJoinedToItsNumbers()
    {
        var pdf = new MiniPdf().Page()
            .Text(50, 700, "Partly granted, counted")
            .Text(50, 688, "only here")
            .Text(220, 676, "4").Text(270, 676, "0").Text(320, 676, "4")
            .Text(50, 650, "Next row").Text(220, 650, "1").Text(270, 650, "0").Text(320, 650, "1");
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "unruled.pdf");
        Assert.Equal(["Partly granted, countedonly here", "4", "0", "4"], Texts(doc.Lines[0]));
        Assert.Equal(["Next row", "1", "0", "1"], Texts(doc.Lines[1]));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(270)]
    public void Read_RotatedText_ReadsInTextOrder(int degrees)
    {
        // A landscape table printed on a portrait page: text runs up (90) or down (270) the page.
        var pdf = new MiniPdf().Page();
        if (degrees == 90)
        {
            pdf.Text(300, 100, "Row one", 90).Text(300, 250, "12", 90).Text(300, 300, "3", 90)
               .Text(320, 100, "Row two", 90).Text(320, 250, "4", 90).Text(320, 300, "56", 90);
        }
        else
        {
            pdf.Text(320, 700, "Row one", 270).Text(320, 550, "12", 270).Text(320, 500, "3", 270)
               .Text(300, 700, "Row two", 270).Text(300, 550, "4", 270).Text(300, 500, "56", 270);
        }

        var doc = PdfSourceReader.Read(pdf.ToBytes(), "rotated.pdf");
        Assert.Equal(["Row one", "12", "3"], Texts(doc.Lines[0]));
        Assert.Equal(["Row two", "4", "56"], Texts(doc.Lines[1]));
    }

    [Fact]
    public void Read_PageRotatedByRotateKey_ReadsTheSame()
    {
        var pdf = new MiniPdf().Page(rotate: 90).Text(50, 700, "Row").Text(200, 700, "42");
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "rotate-key.pdf");
        Assert.Equal(["Row", "42"], Texts(Assert.Single(doc.Lines)));
    }

    [Fact]
    public void Read_PageNumberLines_AreDropped()
    {
        var pdf = new MiniPdf().Page().Text(50, 800, "Body text").Text(290, 40, "-2-")
            .Page().Text(50, 800, "More text").Text(280, 40, "- 3 -");
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "footer.pdf");
        Assert.Equal(["Body text", "More text"], doc.Lines.Select(l => l.Text).ToArray());
    }

    [Fact]
    public void Read_PdfWithoutText_IsAScanAndUnreadable()
    {
        var pdf = new MiniPdf().Page().Rectangle(50, 50, 400, 600).Page().Rectangle(10, 10, 20, 20);
        var doc = PdfSourceReader.Read(pdf.ToBytes(), "scan.pdf");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticCodes.SourceUnreadable, d.Code);
        Assert.Contains("无文本层", d.Message, StringComparison.Ordinal);
        Assert.Empty(doc.Lines);
    }

    [Fact]
    public void Import_ScannedPdf_GivesSourceUnreadable()
    {
        var pdf = new MiniPdf().Page().Rectangle(50, 50, 400, 600);
        using var stream = new MemoryStream(pdf.ToBytes());
        var report = ReportImporter.Import(stream, "scan.pdf");
        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.SourceUnreadable);
    }

    [Fact]
    public void Read_TooManyPages_IsTooLarge()
    {
        var pdf = new MiniPdf();
        for (var i = 0; i <= ImportLimits.MaxPdfPages; i++)
        {
            pdf.Page().Text(50, 700, "x");
        }

        var doc = PdfSourceReader.Read(pdf.ToBytes(), "long.pdf");
        Assert.Equal(DiagnosticCodes.SourceTooLarge, Assert.Single(doc.Diagnostics).Code);
    }

    [Fact]
    public void Read_GarbageAfterHeader_IsUnreadableNotAnException()
    {
        var doc = PdfSourceReader.Read("%PDF-1.7\n garbage garbage"u8.ToArray(), "broken.pdf");
        Assert.Equal(DiagnosticCodes.SourceUnreadable, Assert.Single(doc.Diagnostics).Code);
    }

    [Theory]
    [InlineData("\uE012", true)]
    [InlineData("\u0003", true)]
    [InlineData("\uFFFD", true)]
    [InlineData("政", false)]
    [InlineData("7", false)]
    public void IsUndecodable_PrivateUseAndControlCharacters(string glyph, bool undecodable) =>
        Assert.Equal(undecodable, PdfSourceReader.IsUndecodable(glyph));
}
