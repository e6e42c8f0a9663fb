using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Casework;

/// <summary>
/// The two kinds of document counted in table 2, Art. 20(1). Proactive disclosure's <see cref="DocumentKind"/> has the
/// same two plus <see cref="DocumentKind.Other"/>; <see cref="DocumentRegister.ToRegisterKind"/> converts.
/// </summary>
public enum RegulatoryDocumentKind
{
    /// <summary>规章.</summary>
    Rule,

    /// <summary>行政规范性文件.</summary>
    NormativeDocument,
}

/// <summary>
/// A register entry for a 规章 or 行政规范性文件: issued (制发) on <see cref="IssuedOn"/>, repealed (废止) on
/// <see cref="RepealedOn"/> if it has been. It is in force from the day issued up to, but not including, the day repealed.
/// </summary>
public sealed record RegulatoryDocument(
    Guid Id,
    RegulatoryDocumentKind Kind,
    string Title,
    string? DocumentNumber,
    DateOnly IssuedOn,
    DateOnly? RepealedOn = null)
{
    /// <summary>In force on <paramref name="date"/>: issued on or before it and not repealed on or before it.</summary>
    public bool IsInForceOn(DateOnly date) => IssuedOn <= date && (RepealedOn is not { } r || r > date);

    public bool IssuedIn(int year) => IssuedOn.Year == year;

    public bool RepealedIn(int year) => RepealedOn?.Year == year;
}

/// <summary>Counts over a register of <see cref="RegulatoryDocument"/>s (table 2, Art. 20(1)).</summary>
public static class DocumentRegister
{
    /// <summary>The register kind of a disclosed document, or null for <see cref="DocumentKind.Other"/>.</summary>
    public static RegulatoryDocumentKind? ToRegisterKind(this DocumentKind kind) => kind switch
    {
        DocumentKind.Rule => RegulatoryDocumentKind.Rule,
        DocumentKind.NormativeDocument => RegulatoryDocumentKind.NormativeDocument,
        _ => null,
    };

    public static int IssuedIn(IEnumerable<RegulatoryDocument> register, RegulatoryDocumentKind kind, int year) =>
        register.Count(d => d.Kind == kind && d.IssuedIn(year));

    public static int RepealedIn(IEnumerable<RegulatoryDocument> register, RegulatoryDocumentKind kind, int year) =>
        register.Count(d => d.Kind == kind && d.RepealedIn(year));

    public static int InForceOn(IEnumerable<RegulatoryDocument> register, RegulatoryDocumentKind kind, DateOnly date) =>
        register.Count(d => d.Kind == kind && d.IsInForceOn(date));
}

/// <summary>
/// One month's table 2 figures: 行政许可, 行政处罚 and 行政强制 decisions (Art. 20(5), (6)) and 行政事业性收费
/// collected (Art. 20(8)) in 万元.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="Month">1–12.</param>
/// <param name="Licensing">行政许可 decisions.</param>
/// <param name="Penalty">行政处罚 decisions.</param>
/// <param name="Coercion">行政强制 decisions.</param>
/// <param name="FeesTenThousandYuan">收费金额, 万元 (decimal).</param>
public sealed record MonthlyCount(int Year, int Month, int Licensing, int Penalty, int Coercion, decimal FeesTenThousandYuan);
