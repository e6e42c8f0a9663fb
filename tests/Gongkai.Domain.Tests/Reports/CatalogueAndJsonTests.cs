using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public class CatalogueAndJsonTests
{
    [Fact]
    public void Catalogue_2021Table3_Has25RowsOf7Cells()
    {
        var t3 = FormatCatalogue.Default.LayoutFor("2021", "table3");

        Assert.Equal(25, t3.Rows.Length);
        Assert.All(t3.Rows, r => Assert.Equal(7, r.Columns.Length));
        Assert.Equal(175, t3.Cells().Count());
    }

    [Fact]
    public void Catalogue_2019Table3_HasOneOtherRowAnd23Rows()
    {
        var t3 = FormatCatalogue.Default.LayoutFor("2019", "table3");

        Assert.Equal(23, t3.Rows.Length);
        Assert.NotNull(t3.Row("other"));
        Assert.Null(t3.Row("other_other"));
    }

    [Fact]
    public void Catalogue_Table2_Has10CellsIn2021And22In2019()
    {
        Assert.Equal(10, FormatCatalogue.Default.LayoutFor("2021", "table2").Cells().Count());
        Assert.Equal(22, FormatCatalogue.Default.LayoutFor("2019", "table2").Cells().Count());
    }

    [Theory]
    [InlineData(2019, "2019")]
    [InlineData(2020, "2019")]
    [InlineData(2021, "2021")]
    [InlineData(2025, "2021")]
    public void FormatForYear_PicksTheLayoutInForce(int year, string format) =>
        Assert.Equal(format, FormatCatalogue.Default.FormatForYear(year).Id);

    [Theory]
    [InlineData("（七）总计", "七总计")]
    [InlineData("(七) 合计", "七总计")]
    [InlineData("3.危及\"三安全一稳定\"", "3危及三安全一稳定")]
    [InlineData("商业 企业", "商业企业")]
    [InlineData("政府資訊公開", "政府资讯公开")]
    [InlineData("本年增/减", "本年增减")]
    public void Normalize_FoldsTheVariantsSeenInTheWild(string label, string expected) =>
        Assert.Equal(expected, LabelText.Normalize(label));

    [Fact]
    public void ReportJson_RoundTrips()
    {
        var report = RuleEngineTests.Consistent().Set("table2", "fees", 0, 7730.28m).Build();

        var json = ReportJson.Serialize(report);
        var back = ReportJson.Parse(json);

        Assert.Contains("\"fees\": 7730.28", json, StringComparison.Ordinal);
        foreach (var (cell, value) in report.Cells)
        {
            Assert.Equal(value.Value, back[cell].Value);
        }
    }

    [Fact]
    public void ReportJson_NullCell_IsWrittenAsNull()
    {
        var report = RuleEngineTests.Consistent().Set(new CellRef("table2", "penalty", 0), Cell.Blank()).Build();

        Assert.Contains("\"penalty\": null", ReportJson.Serialize(report), StringComparison.Ordinal);
    }
}
