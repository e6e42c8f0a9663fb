using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Gongkai.Domain.Reports;

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A finding about a report: a stable code, its severity, a message in Chinese and where.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation? Location, ImmutableArray<CellRef> Cells = default)
{
    /// <summary>The finding as a line: <c>path:line: CODE message</c>.</summary>
    public string ToLine(string? fallbackPath = null)
    {
        var where = Location?.ToString();
        if (string.IsNullOrEmpty(where))
        {
            where = fallbackPath ?? "-";
        }
        else if (Location!.File is null && fallbackPath is not null)
        {
            where = $"{fallbackPath}:{where}";
        }

        return $"{where}: {Code} {Message}";
    }
}

/// <summary>The diagnostic codes, their severities, and message templates (one catalogue keyed by code).</summary>
public static class DiagnosticCodes
{
    public const string T3Balance = "T3.balance";
    public const string T3RowTotal = "T3.row-total";
    public const string T3OutcomeTotal = "T3.outcome-total";
    public const string T4Total = "T4.total";
    public const string CellBlank = "CELL.blank";
    public const string CellNonNumeric = "CELL.non-numeric";
    public const string CellNegative = "CELL.negative";
    public const string CellMissing = "CELL.missing";
    public const string CellAmbiguous = "CELL.ambiguous";
    public const string CrossCarryOver = "X.carry-over";
    public const string CrossInForce = "X.in-force";
    public const string FormatMixed = "FORMAT.mixed";
    public const string SourceUnreadable = "SOURCE.unreadable";
    public const string SourceNotReport = "SOURCE.not-a-report";
    public const string SourceUnsupported = "SOURCE.unsupported";
    public const string SourceTooLarge = "SOURCE.too-large";
    public const string SourceTooDeep = "SOURCE.too-deep";
    public const string SourceTooSlow = "SOURCE.too-slow";
    public const string MetaAgency = "META.agency";
    public const string MetaYear = "META.year";

    private static readonly FrozenDictionary<string, Severity> s_severity = new Dictionary<string, Severity>
    {
        [T3Balance] = Severity.Error,
        [T3RowTotal] = Severity.Error,
        [T3OutcomeTotal] = Severity.Error,
        [T4Total] = Severity.Error,
        [CellBlank] = Severity.Warning,
        [CellNonNumeric] = Severity.Warning,
        [CellNegative] = Severity.Error,
        [CellMissing] = Severity.Error,
        [CellAmbiguous] = Severity.Warning,
        [CrossCarryOver] = Severity.Warning,
        [CrossInForce] = Severity.Warning,
        [FormatMixed] = Severity.Warning,
        [SourceUnreadable] = Severity.Error,
        [SourceNotReport] = Severity.Error,
        [SourceUnsupported] = Severity.Error,
        [SourceTooLarge] = Severity.Error,
        [SourceTooDeep] = Severity.Error,
        [SourceTooSlow] = Severity.Error,
        [MetaAgency] = Severity.Info,
        [MetaYear] = Severity.Info,
    }.ToFrozenDictionary();

    /// <summary>
    /// The codes that mean a file could not be read as a report at all (the one definition of
    /// "unreadable" for the CLI's exit code 3, a batch's failed file and the web's refusal).
    /// </summary>
    public static FrozenSet<string> Refusals { get; } = new[]
    {
        SourceUnreadable, SourceNotReport, SourceUnsupported, SourceTooLarge, SourceTooDeep, SourceTooSlow,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static Severity SeverityOf(string code) => s_severity.TryGetValue(code, out var s) ? s : Severity.Warning;

    public static Diagnostic Create(string code, string message, SourceLocation? location, params CellRef[] cells) =>
        new(code, SeverityOf(code), message, location, [.. cells]);
}
