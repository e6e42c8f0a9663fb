namespace Gongkai.Data.Entities;

/// <summary>A line of the audit trail: who did what, when, to which entity of which agency. Append-only.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public int? AgencyId { get; set; }

    /// <summary>e.g. <c>case.register</c>, <c>case.supplement</c>, <c>report.upload</c>.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Detail { get; set; }
}
