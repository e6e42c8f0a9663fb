using Gongkai.Domain.Reports;
using UglyToad.PdfPig;

namespace Gongkai.Render.Tests;

public class PdfReportRendererTests
{
    private static PdfDocument Open(Report report) => PdfDocument.Open(ReportRenderers.Render(report, "pdf"));

    /// <summary>The text of each page in drawing order with all whitespace removed (a label wrapped in its cell reads as one).</summary>
    private static List<string> PageTexts(PdfDocument pdf) =>
        pdf.GetPages().Select(p => Squeeze(p.Text)).ToList();

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    [InlineData(Samples.Lanling, "兰陵县卫健局2021年政府信息公开工作年度报告")]
    [InlineData(Samples.Zhoucun, "周村区卫生健康局2022年政府信息公开工作年度报告")]
    public void Render_Sample_HasARealChineseTextLayer(string sample, string title)
    {
        using var pdf = Open(Samples.Load(sample));
        var text = string.Concat(PageTexts(pdf));

        Assert.StartsWith(title, text, StringComparison.Ordinal);
        Assert.Equal(title, pdf.Information.Title);
        foreach (var section in FormatCatalogue.Default.Sections)
        {
            Assert.Contains(Squeeze(section.Heading), text, StringComparison.Ordinal);
        }

        foreach (var label in new[] { "第二十条第（一）项", "行政规范性文件", "本年收费金额（单位：万元）", "申请人情况", "法人或其他组织", "三、本年度办理结果", "（三）不予公开", "5.要求行政机关确认或重新出具已获取信息", "四、结转下年度继续办理", "未经复议直接起诉", "复议后起诉" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Report_IsA4()
    {
        using var pdf = Open(Samples.Load(Samples.Lanling));

        Assert.All(pdf.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
    }

    [Fact]
    public void Render_Format2019_PrintsEveryLabelAndNumber()
    {
        var report = Samples.Format2019();
        using var pdf = Open(report);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        var text = string.Concat(PageTexts(pdf));

        foreach (var layout in report.TableLayouts())
        {
            foreach (var row in layout.Rows)
            {
                foreach (var part in row.Label.Split(['（', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.Contains(Squeeze(part), text, StringComparison.Ordinal);
                }
            }
        }

        Assert.Contains("第二十条第（九）项", text, StringComparison.Ordinal);
        Assert.Contains("其他对外管理服务事项", text, StringComparison.Ordinal);
        foreach (var (cell, value) in Samples.Values(report))
        {
            Assert.True(words.Contains(value), $"{cell} = {value} not found as a word");
        }
    }

    [Fact]
    public void Render_TableAcrossPages_RepeatsTheHeaderAndKeepsRowsWhole()
    {
        // A long overview pushes table 3 so that it starts low on a page and must continue.
        var filler = string.Join('\n', Enumerable.Range(1, 31).Select(i => $"第{i}段：本机关认真落实政府信息公开条例，持续加强主动公开、依申请公开和平台建设，确保信息公开工作规范有序。"));
        var report = Samples.Format2019() with { Sections = [new ReportSection(1, "一、总体情况", filler)] };
        using var pdf = Open(report);
        var pages = PageTexts(pdf);

        var first = pages.FindIndex(t => t.Contains("（一）予以公开", StringComparison.Ordinal));
        var last = pages.FindIndex(t => t.Contains("四、结转下年度继续办理", StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first, $"table 3 should continue on a later page ({first}, {last})");
        for (var i = first; i <= last; i++)
        {
            Assert.Contains("申请人情况", pages[i], StringComparison.Ordinal);
            Assert.Contains("法人或其他组织", pages[i], StringComparison.Ordinal);
        }

        // Every number of table 3 is printed, and the seven numbers of each row on one page: no
        // row was lost or cut at the break. (Table 3's numbers, 23 and up, are unique here.)
        var pageOf = pdf.GetPages()
            .SelectMany(p => p.GetWords().Select(w => (w.Text, p.Number)))
            .GroupBy(w => w.Text)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Number).ToList());
        foreach (var row in report.LayoutOf("table3").Rows)
        {
            var pagesOfRow = Enumerable.Range(0, 7)
                .Select(c => OfficialTables.FormatValue(report["table3", row.Key, c]))
                .Select(v => Assert.Single(pageOf.GetValueOrDefault(v) ?? []))
                .Distinct();
            Assert.Single(pagesOfRow);
        }
    }

    [Fact]
    public void Render_FontPathWithoutChinese_ThrowsNamingFontsNotoCjk()
    {
        var renderer = new PdfReportRenderer(new PdfRenderOptions(FontPath: "/nonexistent/font.ttf"));

        var error = Assert.Throws<CjkFontNotFoundException>(() => renderer.Render(Samples.Format2019(), Stream.Null));
        Assert.Contains("fonts-noto-cjk", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/font.ttf", error.Message, StringComparison.Ordinal);
    }
}
