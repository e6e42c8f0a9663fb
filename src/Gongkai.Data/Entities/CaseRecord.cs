using Gongkai.Domain.Casework;

namespace Gongkai.Data.Entities;

/// <summary>
/// One application for government information (政府信息公开申请): the row that identifies it plus
/// query caches. What happened to it is in its <see cref="CaseEvent"/>s (the domain's
/// <see cref="ApplicationEvent"/>s, never changed); <see cref="State"/>, <see cref="DueOn"/>,
/// <see cref="Outcome"/> … are derived from them by <see cref="ApplicationCase"/> and stored only so
/// lists and dashboards can filter and sort in the database. An application submitted on the portal
/// waits for the office to confirm receipt (Art. 31) with <see cref="AwaitingConfirmation"/> set and no events.
/// </summary>
public sealed class CaseRecord
{
    /// <summary>The domain's <see cref="Application.Id"/>.</summary>
    public Guid Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The number the applicant tracks the case by; unique.</summary>
    public required string TrackingNumber { get; set; }

    public ReceiptChannel Channel { get; set; }

    /// <summary>The day the applicant handed in or sent the application.</summary>
    public DateOnly SubmittedOn { get; set; }

    /// <summary>Date of receipt (Art. 31); null while a portal application awaits confirmation.</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>The year the case counts in (the year of receipt, or of submission while unconfirmed).</summary>
    public int Year { get; set; }

    public required string ApplicantName { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    /// <summary>The information requested (copied for search).</summary>
    public required string Description { get; set; }

    /// <summary>A portal application's form as JSON, until the office registers it.</summary>
    public string? SubmissionJson { get; set; }

    // ---- caches derived from the events ----

    public bool AwaitingConfirmation { get; set; }

    /// <summary>The domain state (null while awaiting confirmation).</summary>
    public ApplicationState? State { get; set; }

    /// <summary>Whether an extension was granted.</summary>
    public bool IsExtended { get; set; }

    /// <summary>The current answer deadline as derived by the domain (null while paused or concluded).</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The Table 3 outcome row key once decided (e.g. <c>granted</c>).</summary>
    public string? Outcome { get; set; }

    /// <summary>The day of the decision or abandonment.</summary>
    public DateOnly? ConcludedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The idempotency key of the form that created the case (scoped by form and agency; unique):
    /// a second submission of the same form finds this case instead of creating another. Null for
    /// cases created without one (the demo seed, API clients that send no key).
    /// </summary>
    public string? SubmissionKey { get; set; }

    /// <summary>
    /// The 承办人: the user name of the staff member handling the case. Whoever registered or confirmed the
    /// case, until an <see cref="Assigned"/> event names someone else; cleared by a transfer (转办).
    /// </summary>
    public string? Handler { get; set; }

    /// <summary>
    /// The 查询码's salted hash (<c>pbkdf2-sha256$iterations$salt$hash</c>): the applicant's secret, separate from the
    /// tracking number, shown once when the application is made; with both the applicant sees the whole case.
    /// Null for cases made before 查询码 existed (the office can issue one).
    /// </summary>
    public string? AccessCodeHash { get; set; }

    /// <summary>The 查询码's first two characters (e.g. <c>K7******</c>), so staff can tell which code an applicant holds.</summary>
    public string? AccessCodeHint { get; set; }

    /// <summary>Optimistic concurrency token: incremented by every change of the case.</summary>
    public int Version { get; set; }

    public List<CaseEvent> Events { get; } = [];
}
