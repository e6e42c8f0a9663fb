namespace Gongkai.Data.Entities;

/// <summary>Where a notice stands (the outbox's states).</summary>
public enum NoticeStatus
{
    /// <summary>Recorded with the step that caused it; not yet tried.</summary>
    Pending,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>The last try failed; it is tried again at <see cref="CaseNotice.NextAttemptAt"/>.</summary>
    Retrying,

    /// <summary>Every try failed; given up.</summary>
    Failed,

    /// <summary>Not sent because no SMTP server is configured.</summary>
    Skipped,
}

/// <summary>
/// One e-mail notice (通知) about a case: to the applicant (received, 补正, fee, decision) or to a member of
/// staff (due within 3 working days, overdue). Written in the same transaction as the step that caused it
/// (an outbox), sent after commit, and kept with its outcome so the case page shows what was sent or failed.
/// <see cref="DedupKey"/> is unique: the same notice is never recorded, hence never sent, twice.
/// </summary>
public sealed class CaseNotice
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The notice's code, e.g. <c>applicant.decision</c>, <c>staff.overdue</c> (<c>NoticeKinds</c>).</summary>
    public required string Kind { get; set; }

    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>What makes the notice one of a kind (e.g. <c>applicant.decision:case:7</c>); unique.</summary>
    public required string DedupKey { get; set; }

    public NoticeStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The code of the last failure (<c>smtp.connect</c>, <c>smtp.auth</c> …), shown in Chinese.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The last failure's technical text (from the mail library), for administrators and logs.</summary>
    public string? Error { get; set; }
}
