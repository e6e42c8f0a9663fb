namespace Gongkai.Data.Entities;

/// <summary>How the application reached the agency (Art. 29/31), which fixes its date of receipt.</summary>
public enum ReceiptChannel
{
    /// <summary>当面提交: received the day submitted.</summary>
    InPerson,

    /// <summary>邮寄: the day the agency signs for it.</summary>
    Post,

    /// <summary>网络 (online form or e-mail): the day both sides confirm.</summary>
    Online,

    /// <summary>传真.</summary>
    Fax,

    /// <summary>口头 (recorded by the office, Art. 29¶1).</summary>
    Oral,
}

/// <summary>The applicant's Table 3 column.</summary>
public enum ApplicantKind
{
    NaturalPerson,
    CommercialEnterprise,
    ResearchInstitution,
    PublicInterestOrganisation,
    LegalServiceProvider,
    OtherOrganisation,
}

/// <summary>
/// Where a case stands, cached from its events for queries (the events are the truth; this is
/// recomputed whenever one is appended).
/// </summary>
public enum CaseState
{
    /// <summary>Received online, not yet accepted by the office.</summary>
    Submitted,

    /// <summary>Within the answer period.</summary>
    Open,

    /// <summary>Paused waiting for the applicant's 补正.</summary>
    AwaitingSupplement,

    /// <summary>Paused for a third party's or another agency's views (time not counted).</summary>
    Consulting,

    /// <summary>Waiting for the applicant to pay a 信息处理费.</summary>
    AwaitingFee,

    /// <summary>Answer period extended (Art. 33).</summary>
    Extended,

    /// <summary>Decided: the reply has been given.</summary>
    Closed,
}

/// <summary>
/// One application for government information (政府信息公开申请): the row that identifies it, plus
/// query caches. What happened to it is in <see cref="CaseEvent"/>s, which are never changed;
/// <see cref="DueOn"/> and <see cref="State"/> are derived from them by the domain and kept here
/// only so lists and dashboards can filter and sort in the database.
/// </summary>
public sealed class CaseRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The number the applicant tracks the case by (e.g. <c>LLWJ-2026-00017</c>); unique.</summary>
    public required string TrackingNumber { get; set; }

    public ReceiptChannel Channel { get; set; }

    /// <summary>Date of receipt (Art. 31).</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The year the case counts in (the year of receipt).</summary>
    public int Year { get; set; }

    public required string ApplicantName { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    /// <summary>证件 type and number (身份证明).</summary>
    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantPhone { get; set; }

    public string? ApplicantEmail { get; set; }

    public string? ApplicantAddress { get; set; }

    /// <summary>The information requested: name, 文号 or description.</summary>
    public required string InformationRequested { get; set; }

    /// <summary>Purpose (optional since 2019).</summary>
    public string? Purpose { get; set; }

    /// <summary>Form of provision requested (纸质/电子邮件/光盘/当面查阅 …).</summary>
    public string? DeliveryForm { get; set; }

    // ---- caches derived from the events ----

    public CaseState State { get; set; }

    /// <summary>The current answer deadline as computed by the domain (null while paused or closed).</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The Table 3 outcome row key once decided (e.g. <c>granted</c>).</summary>
    public string? Outcome { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token: incremented by every change of the case.</summary>
    public int Version { get; set; }

    public List<CaseEvent> Events { get; } = [];
}
