using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

public class HtmlReportRendererTests
{
    private static IHtmlDocument Render(Report report) =>
        new HtmlParser().ParseDocument(new HtmlReportRenderer().RenderToString(report));

    [Theory]
    [InlineData(Samples.Lanling, "兰陵县卫健局2021年政府信息公开工作年度报告")]
    [InlineData(Samples.Zhoucun, "周村区卫生健康局2022年政府信息公开工作年度报告")]
    public void Render_Sample_IsAStandaloneChineseDocumentWithTitleAndSixSections(string sample, string title)
    {
        var html = new HtmlReportRenderer().RenderToString(Samples.Load(sample));
        var document = new HtmlParser().ParseDocument(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal(title, document.Title);
        Assert.Equal(title, document.QuerySelector("h1")!.TextContent);
        Assert.Equal(FormatCatalogue.Default.Sections.Select(s => s.Heading), document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("size: A4", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("link, script, img"));
        Assert.Contains(document.QuerySelectorAll("#section-1 p"), p => p.TextContent.StartsWith("20", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Samples.Lanling)]
    [InlineData(Samples.Zhoucun)]
    public void Render_Sample_PrintsEveryNumberInItsCell(string sample)
    {
        var report = Samples.Load(sample);
        var document = Render(report);

        var cells = document.QuerySelectorAll("td[data-cell]").ToDictionary(td => td.GetAttribute("data-cell")!, td => td.TextContent);
        Assert.Equal(10 + 175 + 15, cells.Count);
        Assert.Equal(sample == Samples.Lanling ? "105" : "0", cells["table2.penalty[0]"]);
        foreach (var (cell, text) in Samples.Values(report))
        {
            Assert.Equal(text, cells[cell.ToString()]);
        }
    }

    [Fact]
    public void Render_Table2Of2021_HasFourCaptionRowsSpanningFourColumns()
    {
        var table = Render(Samples.Load(Samples.Lanling)).QuerySelector("table.table2")!;

        Assert.Equal("table2-2021", table.GetAttribute("data-layout"));
        Assert.Equal(14, table.QuerySelectorAll("tr").Length);
        var captions = table.QuerySelectorAll("th.caption");
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], captions.Select(c => c.TextContent));
        Assert.All(captions, c => Assert.Equal("4", c.GetAttribute("colspan")));
        Assert.Equal(4, table.QuerySelectorAll("th").Count(th => th.TextContent == "信息内容"));
        Assert.Equal("3", Cell(table, "本年收费金额（单位：万元）").GetAttribute("colspan"));
        Assert.Equal(4, table.QuerySelectorAll("col").Length);
        AssertRectangular(table, 4);
    }

    [Fact]
    public void Render_Table2Of2019_FollowsThe2019Layout()
    {
        var table = Render(Samples.Format2019()).QuerySelector("table.table2")!;

        Assert.Equal("table2-2019", table.GetAttribute("data-layout"));
        Assert.Equal(18, table.QuerySelectorAll("tr").Length);
        Assert.Equal(5, table.QuerySelectorAll("th.caption").Length);
        Assert.Equal("第二十条第（九）项", table.QuerySelectorAll("th.caption")[^1].TextContent);
        Assert.Equal(3, table.QuerySelectorAll("th").Count(th => th.TextContent == "上一年项目数量"));
        Assert.Equal("2", Cell(table, "采购总金额").GetAttribute("colspan"));
        AssertRectangular(table, 4);
    }

    [Theory]
    [InlineData(false, "22", 25)]
    [InlineData(true, "20", 23)]
    public void Render_Table3_HasTheThreeRowHeaderAndMergedLabels(bool format2019, string outcomeSpan, int dataRows)
    {
        var report = format2019 ? Samples.Format2019() : Samples.Load(Samples.Lanling);
        var table = Render(report).QuerySelector("table.table3")!;

        Assert.Equal(3, table.QuerySelectorAll("thead tr").Length);
        Assert.Equal(dataRows, table.QuerySelectorAll("tbody tr").Length);
        var note = table.QuerySelector("th.note")!;
        Assert.Equal(OfficialTables.Table3Note, note.TextContent);
        Assert.Equal(("3", "3"), (note.GetAttribute("rowspan"), note.GetAttribute("colspan")));
        Assert.Equal("7", Cell(table, "申请人情况").GetAttribute("colspan"));
        Assert.Equal("2", Cell(table, "自然人").GetAttribute("rowspan"));
        Assert.Equal("5", Cell(table, "法人或其他组织").GetAttribute("colspan"));
        Assert.Equal("2", table.QuerySelectorAll("thead th").Single(th => th.TextContent == "总计").GetAttribute("rowspan"));
        Assert.Equal(outcomeSpan, Cell(table, "三、本年度办理结果").GetAttribute("rowspan"));
        Assert.Equal("8", Cell(table, "（三）不予公开").GetAttribute("rowspan"));
        Assert.Equal("3", Cell(table, "（四）无法提供").GetAttribute("rowspan"));
        Assert.Equal("5", Cell(table, "（五）不予处理").GetAttribute("rowspan"));
        Assert.Equal(format2019 ? null : "3", Cell(table, "（六）其他处理").GetAttribute("rowspan"));
        Assert.Equal("3", Cell(table, "一、本年新收政府信息公开申请数量").GetAttribute("colspan"));
        Assert.Equal("2", Cell(table, "（七）总计").GetAttribute("colspan"));
        AssertRectangular(table, 10);
    }

    [Fact]
    public void Render_Table4_HasTheTwoHeaderLevelsAndOneDataRow()
    {
        var table = Render(Samples.Load(Samples.Zhoucun)).QuerySelector("table.table4")!;

        Assert.Equal(3, table.QuerySelectorAll("thead tr").Length);
        Assert.Equal("5", Cell(table, "行政复议").GetAttribute("colspan"));
        Assert.Equal("10", Cell(table, "行政诉讼").GetAttribute("colspan"));
        Assert.Equal("5", Cell(table, "未经复议直接起诉").GetAttribute("colspan"));
        Assert.Equal("5", Cell(table, "复议后起诉").GetAttribute("colspan"));
        Assert.Equal(5, table.QuerySelectorAll("thead th[rowspan='2']").Length);
        Assert.Equal(15, table.QuerySelectorAll("tbody td").Length);
        Assert.Equal(3, table.QuerySelectorAll("thead th").Count(th => th.TextContent == "总计"));
        AssertRectangular(table, 15);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData(Samples.Lanling)]
    public void Render_Report_PrintsEveryLabelOfTheCatalogue(string name)
    {
        var report = name == "2019" ? Samples.Format2019() : Samples.Load(name);
        var text = Render(report).Body!.TextContent;

        foreach (var layout in report.TableLayouts())
        {
            foreach (var row in layout.Rows)
            {
                foreach (var part in row.Label.Split(['（', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.Contains(part, text, StringComparison.Ordinal);
                }

                Assert.All(row.Columns, c => Assert.Contains(c.Label, text, StringComparison.Ordinal));
            }
        }

        foreach (var (_, value) in Samples.Values(report))
        {
            Assert.Contains(value, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_BlankCell_IsAnEmptyCell()
    {
        var blank = new CellRef("table4", "reconsideration", 4);
        var document = Render(Samples.Format2019(blank, new CellRef("table2", "fees", 0)));

        Assert.Equal(string.Empty, document.QuerySelector("td[data-cell='table4.reconsideration[4]']")!.TextContent);
        Assert.Equal(string.Empty, document.QuerySelector("td[data-cell='table2.fees[0]']")!.TextContent);
    }

    [Fact]
    public void Render_HostileText_IsEncoded()
    {
        var report = Samples.Format2019() with
        {
            Agency = "<script>alert('x')</script>局&",
            Sections = [new ReportSection(1, "一、总体情况", "<img src=x onerror=alert(1)> \"引号\"")],
        };
        var document = Render(report);

        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.StartsWith("<script>alert('x')</script>局&2020年", document.Title, StringComparison.Ordinal);
        Assert.Equal("<img src=x onerror=alert(1)> \"引号\"", document.QuerySelector("#section-1 p")!.TextContent);
    }

    private static IElement Cell(IElement table, string text) =>
        table.QuerySelectorAll("th, td").Single(e => e.TextContent == text);

    /// <summary>Resolves rowspans and colspans as a browser does and checks that every row is <paramref name="columns"/> wide.</summary>
    private static void AssertRectangular(IElement table, int columns)
    {
        var carry = new int[columns];
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            var column = 0;
            foreach (var cell in row.Children)
            {
                while (column < columns && carry[column] > 0)
                {
                    column++;
                }

                var colspan = int.Parse(cell.GetAttribute("colspan") ?? "1", CultureInfo.InvariantCulture);
                var rowspan = int.Parse(cell.GetAttribute("rowspan") ?? "1", CultureInfo.InvariantCulture);
                for (var c = column; c < column + colspan; c++)
                {
                    Assert.Equal(0, carry[c]);
                    carry[c] = rowspan;
                }

                column += colspan;
            }

            for (var c = 0; c < columns; c++)
            {
                Assert.True(carry[c] > 0, $"row {row.Index()} leaves column {c} empty");
                carry[c]--;
            }
        }

        Assert.All(carry, n => Assert.Equal(0, n));
    }
}
