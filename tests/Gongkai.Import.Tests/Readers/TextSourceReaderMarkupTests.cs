using Gongkai.Import.Readers;

namespace Gongkai.Import.Tests.Readers;

/// <summary>
/// What converters put around a table's cells in text: box-drawn and ASCII grid tables (w3m, text
/// table tools), pandoc's attributed spans, links, bold and div fences. The cells come out as printed.
/// </summary>
public sealed class TextSourceReaderMarkupTests
{
    private static List<string> Lines(string text) =>
        [.. TextSourceReader.Read(text, "report.md").Lines.Select(l => string.Join("|", l.Cells.Select(c => c.Text)))];

    [Fact]
    public void BoxDrawnTable_RulesDropped_VerticalsSeparateCells()
    {
        var text = "┌────┬───┐\n│ 规章 │ 5 │\n├────┼───┤\n│行政许可│   │\n└────┴───┘\n";
        Assert.Equal(["规章|5", "行政许可|"], Lines(text));
        Assert.False(TextSourceReader.Read(text, "a.txt").Lines[0].SpaceSeparated);
    }

    [Fact]
    public void AsciiGridRules_AreDropped_ButALoneDashCellIsKept()
    {
        Assert.Equal(["规章|5", "---", "-"], Lines("+------+---+\n| 规章 | 5 |\n+======+===+\n---\n-\n"));
    }

    [Fact]
    public void PandocSpans_KeepTheirText_AndWhereTheCellStarts()
    {
        // Laid out as pandoc does: each column starts at the same display column (CJK two wide).
        static string Row(params string[] cells) => "  " + string.Concat(cells.Select(c => c + new string(' ', 60 - c.Sum(ch => ch >= '\u2e80' ? 2 : 1))));
        var text = Row("[规章]{lang=\"EN-US\"}", "[0]{lang=\"EN-US\" style=\"x\"}", "[1904]{style=\"font-family:宋体\"}") + "\n"
            + Row("[规范]{style=\"font-family:宋体\"}[性文件]{lang=\"EN-US\"}", "[3]{style=\"font-family:宋体\"}", "[2]{lang=\"EN-US\"}") + "\n";
        var doc = TextSourceReader.Read(text, "report.md");

        Assert.Equal(["规章|0|1904", "规范性文件|3|2"], Lines(text));
        // Each number keeps the display column pandoc gave it (the markup's width, a Chinese font name two a character).
        Assert.Equal(doc.Lines[0].Spans[1].WideStart, doc.Lines[1].Spans[1].WideStart);
        Assert.Equal(doc.Lines[0].Spans[2].WideStart, doc.Lines[1].Spans[2].WideStart);
    }

    [Fact]
    public void LinksBoldFencesAndHeadingIds_AreText()
    {
        var text = "::: WordSection1\n## 一、总体情况 {#section-1 .section}\n| **（七）总计** | [5](http://x/y) |\n:::\n";
        Assert.Equal(["## 一、总体情况", "（七）总计|5"], Lines(text));
    }

    [Fact]
    public void FrontMatter_OnlyTheTitleIsRead_OnItsLine()
    {
        var text = "---\ntitle: \"某县交通运输局2024年政府信息公开工作年度报告\"\ndate: 2025-01-20\ntags:\n  - 年报\n---\n\n# 一、总体情况\n";
        var doc = TextSourceReader.Read(text, "report.md");

        Assert.Equal(["某县交通运输局2024年政府信息公开工作年度报告", "# 一、总体情况"], Lines(text));
        Assert.Equal(2, doc.Lines[0].Cells[0].Location.Line);
    }

    [Fact]
    public void FrontMatter_FoldedTitle_IsJoined()
    {
        Assert.Equal(["某县交通运输局2024年政府信息公开工作年度报告", "正文"], Lines("---\ntitle: >-\n  某县交通运输局2024年\n  政府信息公开工作年度报告\nlayout: post\n...\n正文\n"));
    }

    [Fact]
    public void RuleThenText_IsNotFrontMatter()
    {
        // A rule followed by prose with a colon, then a table: read as printed.
        Assert.Equal(["---", "说明: 本表只填报数字", "规章|5"], Lines("---\n说明: 本表只填报数字\n规章\t5\n"));
    }

    [Fact]
    public void PandocMultilineTableRules_AreDropped_ButPlaceholderDashesAreKept()
    {
        // pandoc -t plain: the table's top and bottom rules and the header's column rules; a cell of
        // dashes (a placeholder) stays.
        var text = "  ------------------------------------\n  规章          4       \n  --------- ------- ------\n  行政许可   ---   5\n  ====   ====\n---\n  ------------------------------------\n";
        Assert.Equal(["规章|4", "行政许可|---|5", "---"], Lines(text));
    }
}
