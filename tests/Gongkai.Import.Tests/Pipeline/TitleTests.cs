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

    [Fact]
    public void TitleWithoutAgency_AndNoAgencyLine_LeavesAgencyUnread()
    {
        var report = ImportWithTitle("2021年政府信息公开工作年度报告");

        Assert.Null(report.Agency);
        Assert.Equal(2021, report.Year);
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
