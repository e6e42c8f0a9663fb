using System.Text;
using Gongkai.Import.Readers;
using Gongkai.Import.Readers.Rtf;

namespace Gongkai.Import.Tests.Readers;

/// <summary>
/// Rich Text Format as Word, WPS and sites' "导出 Word" write it: GBK bytes as <c>\'hh</c> under
/// <c>\ansicpg936</c>, Unicode as <c>\uN</c> with a fallback to skip, tables as <c>\cell</c> and
/// <c>\row</c>, destinations that are not text skipped.
/// </summary>
public sealed class RtfSourceReaderTests
{
    private static SourceDocument Read(string rtf) => RtfSourceReader.Read(Encoding.ASCII.GetBytes(rtf), "report.rtf");

    private static string[][] Texts(SourceDocument doc) => [.. doc.Lines.Select(l => l.Cells.Select(c => c.Text).ToArray())];

    [Fact]
    public void Read_GbkBytesUnicodeAndATable_ParagraphsAndRowsOfCells()
    {
        var doc = Read(
            @"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}{\*\generator Msftedit 5.41;}" +
            @"{\header\pard \'b9\'ab\'bf\'aa\par}" +
            @"\pard\plain \'b9\'ab\'bf\'aa\par" + "\r\n" +
            @"\trowd\cellx2000\cellx4000\cellx6000\pard\intbl\cell \'b1\'be\'c4\'ea\'d0\'c2\'d6\'c6\'d7\'f7\'ca\'fd\'c1\'bf\cell\row" +
            @"\trowd\cellx2000\cellx4000\pard\intbl \'b9\'e6\'d5\'c2\cell 1\{2\}\cell\row" +
            @"\pard\uc1\u25919\'3f{\field{\*\fldinst PAGE}{\fldrslt 3}}\par}");

        Assert.Empty(doc.Diagnostics);
        Assert.Equal([["公开"], ["本年新制作数量"], ["规章", "1{2}"], ["政3"]], Texts(doc));
        Assert.Equal((1, 2, 2), (doc.Lines[2].Cells[0].Location.Table, doc.Lines[2].Cells[0].Location.Row, doc.Lines[1].Cells[0].Location.Cell));
    }

    [Fact]
    public void Read_CellOfTwoParagraphs_IsOneCell()
    {
        var doc = Read(@"{\rtf1\ansi\trowd\pard\intbl first\par second\cell 7\cell\row\pard after\par}");

        Assert.Equal([["first second", "7"], ["after"]], Texts(doc));
    }

    /// <summary>A picture's binary data (<c>\bin3</c>) holding braces is skipped by its length, not parsed (the text after it would have been read).</summary>
    [Fact]
    public void Read_BinaryData_IsSkippedByItsLength()
    {
        var doc = Read(@"{\rtf1\ansi {\pict\bin3 }}x}visible\par}");

        Assert.Equal([["visible"]], Texts(doc));
    }

    [Fact]
    public void Detect_RtfNamedDoc_IsRtf() =>
        Assert.Equal(SourceKind.Rtf, SourceDetector.Detect(@"{\rtf1\ansi hello}"u8, "report.doc"));
}
