using Gongkai.Domain.AnnualReports;
using static Gongkai.Domain.Tests.AnnualReports.Drafts;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.AnnualReports;

/// <summary>The dates the statute cares about: no report for year Y before Y ends; 逾期 after the Art. 49 deadline.</summary>
public class ReportDatesTests
{
    /// <summary>31 December 2024, noon in Beijing: the last day of the report's year.</summary>
    private static readonly FixedClock s_lastMinute = FixedClock.OnChinaDay(2024, 12, 31);

    [Fact]
    public void Submit_BeforeYearEnds_RefusedWithYearNotEnded()
    {
        var w = ReportWorkflow.Start(Complete(), Officer, T0.AddYears(-1));
        var result = w.Submit(Officer, null, s_lastMinute);

        Assert.Equal(AnnualReportCodes.YearNotEnded, result.Code);
        Assert.Contains("2024年度报告须在2025年1月1日起报送", result.Problem!.MessageZh, StringComparison.Ordinal);
        Assert.True(w.Submit(Officer, null, EarlyJanuary).IsSuccess);
    }

    [Fact]
    public void Publish_BeforeYearEnds_Refused_OnFirstJanuaryBeijing_Allowed()
    {
        var accepted = ReportWorkflow.Start(Complete(), Officer, T0).Submit(Officer, null, EarlyJanuary).Value.Accept(Supervisor, T0).Value;

        // 15:59 UTC on 31 December is 23:59 in Beijing (still 2024); 16:00 UTC is midnight, 1 January 2025.
        Assert.Equal(AnnualReportCodes.YearNotEnded, accepted.Publish(Approver, new DateTimeOffset(2024, 12, 31, 15, 59, 0, TimeSpan.Zero)).Code);
        Assert.True(accepted.Publish(Approver, new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero)).IsSuccess);
    }

    [Theory]
    [InlineData(2025, 1, 31, false)]
    [InlineData(2025, 2, 1, true)]
    public void Standing_PublishedAfter31January_Late(int year, int month, int day, bool late)
    {
        var at = new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(8));
        var published = ReportWorkflow.Start(Complete(), Officer, T0).Submit(Officer, null, EarlyJanuary).Value
            .Accept(Supervisor, T0).Value.Publish(Approver, at).Value;

        var standing = ReportStanding.Of(published, AgencyKind.Department, 2024, new DateOnly(2025, 3, 1));
        Assert.Equal(ReportStandingKind.Published, standing.Kind);
        Assert.Equal(late, standing.Late);
        Assert.Equal(late ? "已公开（逾期）" : "已公开", standing.Label);
    }

    [Fact]
    public void Standing_EachState_ItsLabel()
    {
        var today = new DateOnly(2025, 1, 20);
        var started = ReportWorkflow.Start(Complete(), Officer, T0);
        var submitted = started.Submit(Officer, null, EarlyJanuary).Value;
        Assert.Equal("未提交", ReportStanding.Of(null, AgencyKind.Department, 2024, today).Label);
        Assert.Equal("未提交", ReportStanding.Of(started, AgencyKind.Department, 2024, today).Label);
        Assert.Equal("待审核", ReportStanding.Of(submitted, AgencyKind.Department, 2024, today).Label);
        Assert.Equal("已退回", ReportStanding.Of(submitted.Return(Supervisor, "请补充", T0).Value, AgencyKind.Department, 2024, today).Label);
        Assert.Equal("未提交（逾期）", ReportStanding.Of(null, AgencyKind.Department, 2024, new DateOnly(2025, 2, 1)).Label);
        Assert.Equal("未提交", ReportStanding.Of(null, AgencyKind.Government, 2024, new DateOnly(2025, 2, 1)).Label); // governments: 31 March
    }
}
