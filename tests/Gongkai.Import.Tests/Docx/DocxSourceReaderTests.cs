using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;
using Gongkai.Import.Readers.Docx;

namespace Gongkai.Import.Tests.Docx;

public class DocxSourceReaderTests
{
    private static string[] Texts(SourceLine line) => [.. line.Cells.Select(c => c.Text)];

    /// <summary>Builds a DOCX in memory from body elements.</summary>
    internal static byte[] Docx(params OpenXmlElement[] blocks)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(blocks));
        }

        return ms.ToArray();
    }

    private static Paragraph P(params string[] runs) => new([.. runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve }))]);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? vmerge = null, bool continuation = false)
    {
        var props = new TableCellProperties();
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (vmerge is not null)
        {
            props.Append(new VerticalMerge { Val = vmerge });
        }
        else if (continuation)
        {
            props.Append(new VerticalMerge());
        }

        return new TableCell(props, P(text));
    }

    private static SourceDocument Read(byte[] bytes) => DocxSourceReader.Read(new MemoryStream(bytes), "t.docx");

    [Fact]
    public void Read_Paragraph_RunsAreJoined()
    {
        var doc = Read(Docx(P("某市", "2023年政府信息公开", "工作年度报告")));
        var line = Assert.Single(doc.Lines);
        Assert.Equal("某市2023年政府信息公开工作年度报告", line.Cells[0].Text);
        Assert.Equal(1, line.Cells[0].Location.Line);
    }

    [Fact]
    public void Read_MergedCells_AppearOnceAndContinuationLabelsAreSkipped()
    {
        var table = new Table(
            new TableRow(Cell("三、本年度办理结果", vmerge: MergedCellValues.Restart), Cell("（一）予以公开", span: 2), Cell("5"), Cell("1"), Cell("6")),
            new TableRow(Cell(string.Empty, continuation: true), Cell("（三）不予公开", vmerge: MergedCellValues.Restart), Cell("1.属于国家秘密"), Cell("0"), Cell(string.Empty), Cell("0")),
            new TableRow(Cell(string.Empty, continuation: true), Cell(string.Empty, continuation: true), Cell("2.其他法律行政法规禁止公开"), Cell("10"), Cell("0"), Cell("10")));
        var doc = Read(Docx(table));
        Assert.Equal(3, doc.Lines.Length);
        Assert.Equal(["三、本年度办理结果", "（一）予以公开", "5", "1", "6"], Texts(doc.Lines[0]));
        Assert.Equal(["（三）不予公开", "1.属于国家秘密", "0", string.Empty, "0"], Texts(doc.Lines[1]));
        Assert.Equal(["2.其他法律行政法规禁止公开", "10", "0", "10"], Texts(doc.Lines[2]));
        var location = doc.Lines[2].Cells[1].Location;
        Assert.Equal((1, 3, 4), (location.Table, location.Row, location.Cell));
    }

    [Fact]
    public void Read_ContinuationAmongValues_IsBlank()
    {
        var table = new Table(
            new TableRow(Cell("行"), Cell("1"), Cell("7", vmerge: MergedCellValues.Restart), Cell("2")),
            new TableRow(Cell("列"), Cell("3"), Cell(string.Empty, continuation: true), Cell("4")));
        var doc = Read(Docx(table));
        Assert.Equal(["列", "3", string.Empty, "4"], Texts(doc.Lines[1]));
    }

    [Fact]
    public void Read_NestedTableAndTextBox_FollowAsLinesOfTheirOwn()
    {
        var nested = new Table(new TableRow(Cell("内表"), Cell("42")));
        var outer = new Table(new TableRow(new TableCell(P("外表"), nested, P(string.Empty)), Cell("1")));
        var box = new Paragraph(
            "<w:p xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:v=\"urn:schemas-microsoft-com:vml\">"
            + "<w:r><w:t>正文</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框中的文字</w:t></w:r></w:p>"
            + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>");
        var doc = Read(Docx(outer, box));
        Assert.Equal(["外表", "1"], Texts(doc.Lines[0]));
        Assert.Equal(["内表", "42"], Texts(doc.Lines[1]));
        Assert.Equal(["正文"], Texts(doc.Lines[2]));
        Assert.Equal(["文本框中的文字"], Texts(doc.Lines[3]));
    }

    /// <summary>A Word 97-2003 file named .docx is read as what it is.</summary>
    [Fact]
    public void Read_OldBinaryDoc_IsReadAsOne()
    {
        var doc = Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "doc", "sample-000", "input.doc")));

        Assert.Empty(doc.Diagnostics);
        Assert.Contains(doc.Lines, l => l.Cells.Length >= 4 && l.Cells[0].Text.Contains("规章", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Ofd_IsUnsupported()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("OFD.xml").Open());
            w.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
        }

        Assert.Equal(DiagnosticCodes.SourceUnsupported, Assert.Single(Read(ms.ToArray()).Diagnostics).Code);
    }

    [Fact]
    public void Read_ZipBomb_IsTooLarge()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var s = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 80; i++)
            {
                s.Write(zeros);
            }
        }

        Assert.True(ms.Length < 1 << 20, "the bomb is small");
        var d = Assert.Single(Read(ms.ToArray()).Diagnostics);
        Assert.Equal(DiagnosticCodes.SourceTooLarge, d.Code);
    }

    [Fact]
    public void Read_TooManyZipEntries_IsTooLarge()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i <= ImportLimits.MaxZipEntries; i++)
            {
                zip.CreateEntry($"word/e{i}.xml", CompressionLevel.NoCompression);
            }
        }

        Assert.Equal(DiagnosticCodes.SourceTooLarge, Assert.Single(Read(ms.ToArray()).Diagnostics).Code);
    }

    [Fact]
    public void Read_ZipThatIsNotADocx_IsUnsupportedAndBrokenZipUnreadable()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("readme.txt").Open().Dispose();
        }

        Assert.Equal(DiagnosticCodes.SourceUnsupported, Assert.Single(Read(ms.ToArray()).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.SourceUnreadable, Assert.Single(Read("PK\x03\x04 broken"u8.ToArray()).Diagnostics).Code);
    }

    [Fact]
    public void Import_DocxFixture_ThroughTheDispatcher()
    {
        var report = ReportImporter.Import(Path.Combine(AppContext.BaseDirectory, "Fixtures", "docx", "rich-split", "input.docx"));
        Assert.Equal(18m, report[new CellRef("table3", "new_received", 6)].Value);
        Assert.Empty(report.Diagnostics.Where(d => d.Severity == Severity.Error));
    }
}
