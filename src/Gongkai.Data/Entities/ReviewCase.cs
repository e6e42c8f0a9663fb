namespace Gongkai.Data.Entities;

/// <summary>Table 4 groups.</summary>
public enum ReviewKind
{
    /// <summary>行政复议.</summary>
    Reconsideration,

    /// <summary>行政诉讼, 未经复议直接起诉.</summary>
    LitigationDirect,

    /// <summary>行政诉讼, 复议后起诉.</summary>
    LitigationAfterReconsideration,
}

/// <summary>Table 4 result columns.</summary>
public enum ReviewResult
{
    /// <summary>尚未审结.</summary>
    Pending,

    /// <summary>结果维持.</summary>
    Upheld,

    /// <summary>结果纠正.</summary>
    Corrected,

    /// <summary>其他结果.</summary>
    Other,
}

/// <summary>An administrative reconsideration or lawsuit arising from the agency's OGI work.</summary>
public sealed class ReviewCase
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The application it concerns, if recorded here.</summary>
    public long? CaseId { get; set; }

    public CaseRecord? Case { get; set; }

    public ReviewKind Kind { get; set; }

    public DateOnly FiledOn { get; set; }

    public ReviewResult Result { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>复议机关 or court, and case number.</summary>
    public string? Body { get; set; }

    public string? Notes { get; set; }

    public int Version { get; set; }
}
