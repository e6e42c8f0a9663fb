namespace Gongkai.Web.Notices;

/// <summary>The codes of the e-mail notices (通知); the pages show them through <see cref="NoticeText"/>.</summary>
public static class NoticeKinds
{
    /// <summary>To the applicant: the application was received (with the date of receipt and the answer deadline).</summary>
    public const string Received = "applicant.received";

    /// <summary>To the applicant: 补正告知 (what to supplement).</summary>
    public const string Supplement = "applicant.supplement";

    /// <summary>To the applicant: 收费通知 (amount and payment deadline).</summary>
    public const string Fee = "applicant.fee";

    /// <summary>To the applicant: the decision.</summary>
    public const string Decision = "applicant.decision";

    /// <summary>To the agency's staff: a case due within <see cref="CaseNotices.DueSoonWorkingDays"/> working days.</summary>
    public const string DueSoon = "staff.due-soon";

    /// <summary>To the agency's staff: a case past its answer deadline.</summary>
    public const string Overdue = "staff.overdue";

    public static IReadOnlyList<string> All { get; } = [Received, Supplement, Fee, Decision, DueSoon, Overdue];
}
