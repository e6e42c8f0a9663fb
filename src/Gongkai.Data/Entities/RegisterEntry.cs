namespace Gongkai.Data.Entities;

/// <summary>
/// One line of a Table 2 register: a rule or normative document issued or repealed, a licensing,
/// penalty or coercion decision, or fees collected. <see cref="Register"/> is the domain's register key.
/// </summary>
public sealed class RegisterEntry
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The register: e.g. <c>rules.issued</c>, <c>normative_documents.repealed</c>, <c>licensing</c>, <c>penalty</c>, <c>coercion</c>, <c>fees</c>.</summary>
    public required string Register { get; set; }

    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    /// <summary>文号 or decision number.</summary>
    public string? Reference { get; set; }

    /// <summary>For fees: the amount in 元.</summary>
    public decimal? Amount { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}
