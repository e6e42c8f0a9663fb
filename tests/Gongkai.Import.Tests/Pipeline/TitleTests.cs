using System.Text;

namespace Gongkai.Import.Tests.Pipeline;

/// <summary>
/// The agency and year of a report whose title is not one line naming both: sample 000 with its
/// title (<c>兰陵县卫健局2021年政府信息公开工作 年度报告</c>) set over lines as Word documents centre it.
/// </summary>
public sealed class TitleTests
{
    private const string SampleTitle = "兰陵县卫健局2021年政府信息公开工作 年度报告";

    private static Domain.Reports.Report ImportWithTitle(string title)
    {
        var text = File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("reports"), "sample-000-tabs", "input.txt"));
        Assert.Contains(SampleTitle, text, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.Replace(SampleTitle, title, StringComparison.Ordinal)));
        return ReportImporter.Import(stream, "report.txt");
    }

    [Theory]
    [InlineData("兰陵县卫健局\n2021年政府信息公开工作年度报告")]
    [InlineData("2021年政府信息公开工作年度报告\n兰陵县卫健局")]
    [InlineData("政府信息公开工作年度报告\n（2021年度）\n兰陵县卫健局")]
    [InlineData("兰陵县卫健局\n政府信息公开工作年度报告\n（2021年度）")]
    [InlineData("兰陵县卫健局\n政府信息公开工作2021年度报告")]
    [InlineData("兰陵县卫健局政府信息公开工作2021年度报告")]
    [InlineData("兰陵县卫健局二〇二一年政府信息公开工作年度报告")]
    [InlineData("兰陵县卫健局\n二○二一年政府信息公开工作年度报告")]
    [InlineData("政府信息公开工作年度报告\n（二零二一年度）\n兰陵县卫健局")]
    public void TitleOverLines_AgencyAndYearRead(string title)
    {
        var report = ImportWithTitle(title);

        Assert.Equal("兰陵县卫健局", report.Agency);
        Assert.Equal(2021, report.Year);
    }

    /// <summary>
    /// A title without a year leaves the agency to the title's own lines. Until
    /// 2026-12-07 the first paragraph was taken for a title run together with prose, and its
    /// <c>本年度工作报告根据《…》、《…关于做好</c> read as the agency.
    /// </summary>
    [Fact]
    public void ProseNamingANotice_IsNotTheAgency()
    {
        var report = ImportWithTitle("兰陵县卫健局\n政务公开工作报告");

        Assert.DoesNotContain("根据", report.Agency ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("《", report.Agency ?? string.Empty, StringComparison.Ordinal);
    }

    private const string SampleYearsWork = "和2021年度兰陵县卫健局政府信息公开情况进行编制";
    private const string SampleOverview = "2021年，兰陵县卫生健康局政府信息公开工作";

    /// <summary>
    /// A title that does not name the agency, the report unsigned: the sample's own opening names it
    /// (<c>…和2021年度兰陵县卫健局政府信息公开情况进行编制</c>, <c>2021年，兰陵县卫生健康局政府信息公开工作在…</c>),
    /// as do other reports' (<c>本报告由…编制</c>, <c>现将…年度报告公布如下</c>). Until 2026-12-07 left unread.
    /// </summary>
    [Theory]
    [InlineData(SampleYearsWork, true, "兰陵县卫健局")]
    [InlineData("和本机关2021年度政府信息公开情况进行编制", true, "兰陵县卫生健康局")] // the overview's first sentence
    [InlineData("和本机关2021年度政府信息公开情况进行编制。本报告由兰陵县卫生健康局办公室根据《条例》编制", false, "兰陵县卫生健康局办公室")]
    [InlineData("和本机关2021年度政府信息公开情况进行编制。现将兰陵县卫生健康局2021年政府信息公开工作年度报告公布如下", false, "兰陵县卫生健康局")]
    public void TitleWithoutAgency_AgencyFromTheOpening(string yearsWork, bool overviewNamesIt, string agency)
    {
        var report = ImportWithOpening(yearsWork, overviewNamesIt ? SampleOverview : "2021年，本机关政府信息公开工作");

        Assert.Equal(agency, report.Agency);
        Assert.Equal(2021, report.Year);
    }

    /// <summary>Nor the opening: 我局 and 本机关 are no body's name; the agency is left unread.</summary>
    [Fact]
    public void TitleWithoutAgency_OpeningNamesNoBody_LeavesAgencyUnread()
    {
        var report = ImportWithOpening("和我局2021年度政府信息公开情况进行编制", "2021年，我局政府信息公开工作");

        Assert.Null(report.Agency);
        Assert.Equal(2021, report.Year);
    }

    /// <summary>Sample 000, its title naming no agency, with its opening's two sentences that name the body replaced.</summary>
    private static Domain.Reports.Report ImportWithOpening(string yearsWork, string overview)
    {
        var text = File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("reports"), "sample-000-tabs", "input.txt"));
        Assert.Contains(SampleYearsWork, text, StringComparison.Ordinal);
        Assert.Contains(SampleOverview, text, StringComparison.Ordinal);
        text = text.Replace(SampleTitle, "2021年政府信息公开工作年度报告", StringComparison.Ordinal)
            .Replace(SampleYearsWork, yearsWork, StringComparison.Ordinal)
            .Replace(SampleOverview, overview, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return ReportImporter.Import(stream, "report.txt");
    }

    /// <summary>A title that does not name the agency, the report signed at its end as official documents close.</summary>
    [Theory]
    [InlineData("2021年政府信息公开工作年度报告", "2022年1月20日")]
    [InlineData("二〇二一年政府信息公开工作年度报告", "二〇二二年一月二十日")] // Chinese numerals, as offices printed dates before GB/T 9704-2012
    public void TitleWithoutAgency_SignedReport_AgencyFromSignature(string title, string date)
    {
        var text = File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("reports"), "sample-000-tabs", "input.txt"))
            .Replace(SampleTitle, title, StringComparison.Ordinal).TrimEnd() + $"\n\n兰陵县卫生健康局\n{date}\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var report = ReportImporter.Import(stream, "report.txt");

        Assert.Equal("兰陵县卫生健康局", report.Agency);
        Assert.Equal(2021, report.Year);
    }
}
