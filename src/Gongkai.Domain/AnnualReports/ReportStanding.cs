namespace Gongkai.Domain.AnnualReports;

/// <summary>Where an agency's report for a year stands, as its supervisor lists it.</summary>
public enum ReportStandingKind
{
    /// <summary>未提交: no report, or a draft not yet submitted.</summary>
    NotSubmitted,

    /// <summary>待审核: submitted, waiting for the supervisor.</summary>
    AwaitingReview,

    /// <summary>已退回: returned with comments.</summary>
    Returned,

    /// <summary>已审核待公开: accepted, not yet published.</summary>
    Accepted,

    /// <summary>已公开: published (a correction may be in preparation).</summary>
    Published,
}

/// <summary>
/// A report's standing and whether it is 逾期: published after the Art. 49 deadline (departments
/// 31 January, governments 31 March of the next year, <see cref="DeadlinePolicy"/>), or not yet
/// published when the deadline has passed.
/// </summary>
public sealed record ReportStanding(ReportStandingKind Kind, bool Late)
{
    /// <summary>The Chinese label, with 逾期 when late.</summary>
    public string Label => (Kind switch
    {
        ReportStandingKind.NotSubmitted => "未提交",
        ReportStandingKind.AwaitingReview => "待审核",
        ReportStandingKind.Returned => "已退回",
        ReportStandingKind.Accepted => "已审核待公开",
        _ => "已公开",
    }) + (Late ? "（逾期）" : string.Empty);

    /// <summary>The standing of <paramref name="workflow"/> (null: no report) of a body of <paramref name="kind"/> for <paramref name="year"/> on <paramref name="today"/> (China date).</summary>
    public static ReportStanding Of(ReportWorkflow? workflow, AgencyKind kind, int year, DateOnly today, DeadlinePolicy? policy = null)
    {
        var p = policy ?? DeadlinePolicy.Default;
        if (workflow?.PublishedLate(p) is { } late)
        {
            return new(ReportStandingKind.Published, late);
        }

        var overdue = today > p.DeadlineFor(kind, year);
        var standing = workflow?.State switch
        {
            ReportState.Submitted => ReportStandingKind.AwaitingReview,
            ReportState.Returned => ReportStandingKind.Returned,
            ReportState.Accepted => ReportStandingKind.Accepted,
            _ => ReportStandingKind.NotSubmitted,
        };
        return new(standing, overdue);
    }
}
