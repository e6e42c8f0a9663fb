using AngleSharp.Html.Parser;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

/// <summary>Whatever an importer may have put in a report, every renderer writes a valid document.</summary>
public class HostileInputTests
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char['\0', '\u001F'], 0, 20],
        Gen.Const("\uD800孤立\uDC00代理\uFFFE\u0000\f\v\t<&>\"'"),
        Gen.String[Gen.Char["中文，。、（）“”⼯ \n"], 0, 3000]);

    private static readonly Gen<Cell> s_cell = Gen.OneOf(
        Gen.Decimal.Select(d => Cell.Of(d)),
        Gen.Int[-1000, 100000].Select(i => Cell.Of(i)),
        Gen.Const(Cell.Blank()),
        Gen.Const(Cell.Missing),
        Gen.Const(Cell.NonNumeric("/")),
        Gen.Const(Cell.Ambiguous([1m, 11m], "11")));

    private static readonly Gen<Report> s_report =
        Gen.Select(Gen.OneOf(Gen.Const("2019"), Gen.Const("2021")), s_text, s_text, Gen.Int[0, 99999].Array[200], s_cell.Array[200])
            .Select((format, agency, text, seeds, cells) =>
            {
                var builder = new ReportBuilder(format) { Agency = agency, Year = seeds[0] % 3 == 0 ? null : 2000 + (seeds[1] % 30) };
                var i = 0;
                foreach (var table in new[] { "table2", "table3", "table4" })
                {
                    foreach (var cell in builder.LayoutOf(table).Cells())
                    {
                        builder.Set(cell, cells[i++ % cells.Length]);
                    }
                }

                builder.AddSection(new ReportSection(1 + (seeds[2] % 6), "一、总体情况", text));
                return builder.Build();
            });

    [Fact]
    public void Render_AnyReport_GivesValidHtmlDocxAndCsv()
    {
        s_report.Sample(
            report =>
            {
                var html = new HtmlParser().ParseDocument(new HtmlReportRenderer().RenderToString(report));
                Assert.EndsWith("政府信息公开工作年度报告", html.Title, StringComparison.Ordinal);
                Assert.Empty(html.QuerySelectorAll("script, img"));

                using var docx = WordprocessingDocument.Open(new MemoryStream(ReportRenderers.Render(report, "docx")), false);
                Assert.Empty(new OpenXmlValidator().Validate(docx));

                Assert.NotEmpty(ReportRenderers.Render(report, "csv"));
            },
            iter: 40);
    }

    [Fact]
    public void Render_AnyReport_GivesAPdf()
    {
        s_report.Sample(
            report =>
            {
                var pdf = ReportRenderers.Render(report, "pdf");
                using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
                Assert.True(document.NumberOfPages >= 1);
            },
            iter: 10);
    }

    [Theory]
    [InlineData("正常文本", "正常文本")]
    [InlineData("a\u0000b\u0001c", "abc")]
    [InlineData("列\t表\f页", "列 表 页")]
    [InlineData("行一\r\n行二", "行一\r\n行二")]
    [InlineData("𠀀", "𠀀")]
    public void Clean_Text_DropsWhatXmlCannotHold(string text, string expected) =>
        Assert.Equal(expected, ReportOutline.Clean(text));

    [Fact]
    public void Clean_UnpairedSurrogates_AreDropped() =>
        Assert.Equal("x", ReportOutline.Clean(new string(['\uD800', 'x', '\uDC00'])));
}
