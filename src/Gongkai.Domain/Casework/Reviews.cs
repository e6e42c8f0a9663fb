using Gongkai.Domain.Results;

namespace Gongkai.Domain.Casework;

/// <summary>The table 4 group: how a dispute about the agency's OGI work was brought.</summary>
public enum ReviewRoute
{
    /// <summary>行政复议.</summary>
    Reconsideration,

    /// <summary>行政诉讼，未经复议直接起诉.</summary>
    LitigationDirect,

    /// <summary>行政诉讼，复议后起诉.</summary>
    LitigationAfterReconsideration,
}

/// <summary>The table 4 result column once decided.</summary>
public enum ReviewOutcome
{
    /// <summary>结果维持.</summary>
    Upheld,

    /// <summary>结果纠正.</summary>
    Corrected,

    /// <summary>其他结果.</summary>
    Other,
}

/// <summary>
/// An administrative reconsideration (行政复议) or lawsuit (行政诉讼) about an application. It counts in table 4
/// of the year it was filed; while <see cref="DecidedOn"/> is empty or after the year's end it is 尚未审结.
/// </summary>
/// <param name="Id">The review's id.</param>
/// <param name="ApplicationId">The application it concerns, if recorded here.</param>
/// <param name="Route">复议; 直接起诉; 复议后起诉.</param>
/// <param name="FiledOn">The day it was filed (立案/受理).</param>
/// <param name="Body">复议机关 or court.</param>
/// <param name="CaseNumber">The body's case number.</param>
/// <param name="Outcome">维持, 纠正 or 其他, once decided.</param>
/// <param name="DecidedOn">The day of the decision or judgment.</param>
/// <param name="PrecedingReviewId">For 复议后起诉: the reconsideration it follows.</param>
public sealed record ReviewCase(
    Guid Id,
    Guid? ApplicationId,
    ReviewRoute Route,
    DateOnly FiledOn,
    string Body,
    string? CaseNumber = null,
    ReviewOutcome? Outcome = null,
    DateOnly? DecidedOn = null,
    Guid? PrecedingReviewId = null)
{
    /// <summary>A reconsideration (行政复议) of <paramref name="applicationId"/>.</summary>
    public static ReviewCase Reconsideration(Guid id, Guid? applicationId, DateOnly filedOn, string body, string? caseNumber = null) =>
        new(id, applicationId, ReviewRoute.Reconsideration, filedOn, body, caseNumber);

    /// <summary>A lawsuit (行政诉讼): after <paramref name="precedingReconsideration"/> if given, otherwise directly.</summary>
    public static ReviewCase Litigation(Guid id, Guid? applicationId, DateOnly filedOn, string court, string? caseNumber = null, ReviewCase? precedingReconsideration = null) =>
        new(id, applicationId, precedingReconsideration is null ? ReviewRoute.LitigationDirect : ReviewRoute.LitigationAfterReconsideration,
            filedOn, court, caseNumber, PrecedingReviewId: precedingReconsideration?.Id);

    /// <summary>This case decided on <paramref name="on"/> with <paramref name="outcome"/>; refuses a date before filing.</summary>
    public ReviewCase Decide(ReviewOutcome outcome, DateOnly on) =>
        on < FiledOn
            ? throw new ProblemException(CaseworkCodes.Problem(CaseworkCodes.ReviewDecidedBeforeFiled))
            : this with { Outcome = outcome, DecidedOn = on };

    /// <summary>The outcome as it stood at the end of <paramref name="asOf"/>: null means 尚未审结.</summary>
    public ReviewOutcome? OutcomeAsOf(DateOnly asOf) => DecidedOn is { } d && d <= asOf ? Outcome : null;
}
