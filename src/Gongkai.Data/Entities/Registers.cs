using Gongkai.Domain.Casework;

namespace Gongkai.Data.Entities;

/// <summary>A stored <see cref="RegulatoryDocument"/>: a 规章 or 行政规范性文件 of the agency (Table 2 register).</summary>
public sealed class RegulatoryDocumentRecord
{
    public Guid Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public RegulatoryDocumentKind Kind { get; set; }

    public required string Title { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? RepealedOn { get; set; }

    public RegulatoryDocument ToDomain() => new(Id, Kind, Title, DocumentNumber, IssuedOn, RepealedOn);
}

/// <summary>A stored <see cref="MonthlyCount"/>: one month's licensing, penalty and coercion decisions and fees (Table 2 register).</summary>
public sealed class MonthlyCountRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public int Licensing { get; set; }

    public int Penalty { get; set; }

    public int Coercion { get; set; }

    /// <summary>收费金额 in 万元.</summary>
    public decimal FeesTenThousandYuan { get; set; }

    public MonthlyCount ToDomain() => new(Year, Month, Licensing, Penalty, Coercion, FeesTenThousandYuan);
}
