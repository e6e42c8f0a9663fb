using Gongkai.Domain.Casework;

namespace Gongkai.Data.Entities;

/// <summary>A stored <see cref="Gongkai.Domain.Casework.ReviewCase"/>: an administrative reconsideration or lawsuit about an agency's OGI work.</summary>
public sealed class ReviewRecord
{
    public Guid Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The application it concerns, if recorded here.</summary>
    public Guid? CaseId { get; set; }

    public ReviewRoute Route { get; set; }

    public DateOnly FiledOn { get; set; }

    /// <summary>复议机关 or court.</summary>
    public required string Body { get; set; }

    public string? CaseNumber { get; set; }

    public ReviewOutcome? Outcome { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public Guid? PrecedingReviewId { get; set; }

    public int Version { get; set; }

    public ReviewCase ToDomain() => new(Id, CaseId, Route, FiledOn, Body, CaseNumber, Outcome, DecidedOn, PrecedingReviewId);
}
