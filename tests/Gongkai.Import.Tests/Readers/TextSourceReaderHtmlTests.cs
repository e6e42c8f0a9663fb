using Gongkai.Import.Readers;

namespace Gongkai.Import.Tests.Readers;

/// <summary>An HTML table inside Markdown (MinerU, marker) is read as HTML; the prose around it as text.</summary>
public sealed class TextSourceReaderHtmlTests
{
    [Fact]
    public void Read_HtmlTableInMarkdown_ReadsItsRowsAsCells()
    {
        var text = "# 标题\n\n一、总体情况\n\n<table><tr><td rowspan=\"2\">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>\n<tr><td>（七）总计</td><td>7</td></tr></table>\n\n五、存在的主要问题\n";
        var doc = TextSourceReader.Read(text, "report.md");

        var lines = doc.Lines.Select(l => string.Join("|", l.Cells.Select(c => c.Text))).ToList();
        Assert.Equal(["# 标题", "一、总体情况", "三、本年度办理结果|（一）予以公开|5", "（七）总计|7", "五、存在的主要问题"], lines);
        Assert.Equal(5, doc.Lines[2].Cells[0].Location.Line);
        Assert.Equal(6, doc.Lines[3].Cells[0].Location.Line);
        Assert.Equal(8, doc.Lines[4].Cells[0].Location.Line);
    }

    [Fact]
    public void Read_TableTagNeverClosed_IsReadAsText()
    {
        var doc = TextSourceReader.Read("<table> 规章 | 5 | 0 | 5\n\n六、其他\n", "report.md");

        Assert.Equal(2, doc.Lines.Length);
        Assert.Equal("<table> 规章", doc.Lines[0].Cells[0].Text);
    }
}
