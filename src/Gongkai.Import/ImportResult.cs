using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// What one import gives (<see cref="ReportImportPipeline"/>): the report read, with every finding
/// of the readers, the normalisers and the rules, or, when the file could not be read as a report
/// at all, no report and the refusal. "Unreadable" is defined here once
/// (<see cref="IsRefusal"/>): the CLI's exit code 3, a batch's failed file and the web's refusal
/// all ask this type.
/// </summary>
/// <param name="Report">The report, or null when the file is unreadable.</param>
/// <param name="Diagnostics">The report's diagnostics, or the refusal (and what the reader found before it).</param>
/// <param name="IsReadable">Whether the file was read as a report (no refusal among the diagnostics).</param>
public sealed record ImportResult(Report? Report, ImmutableArray<Diagnostic> Diagnostics, bool IsReadable)
{
    /// <summary>The file the result is for.</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// An exception that escaped a reader or a normaliser: a defect of the importer (bad input is
    /// answered with a diagnostic), recorded so that a caller can log it; the result is then a
    /// <c>SOURCE.unreadable</c> refusal.
    /// </summary>
    public Exception? Defect { get; init; }

    /// <summary>The diagnostic that says the file could not be read as a report, or null when it was read.</summary>
    public Diagnostic? Refusal => Diagnostics.FirstOrDefault(IsRefusal);

    /// <summary>Whether <paramref name="diagnostic"/> says a file could not be read as a report at all (one of <see cref="DiagnosticCodes.Refusals"/>, as an error).</summary>
    public static bool IsRefusal(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Severity == Severity.Error && DiagnosticCodes.Refusals.Contains(diagnostic.Code);
    }

    /// <summary>The refusal among a report's diagnostics (a report made by <see cref="ToReport"/>), or null when it was read.</summary>
    public static Diagnostic? RefusalOf(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Diagnostics.FirstOrDefault(IsRefusal);
    }

    /// <summary>The result of a normalised report: unreadable when a normaliser refused it (no table found).</summary>
    public static ImportResult Of(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var readable = RefusalOf(report) is null;
        return new ImportResult(readable ? report : null, report.Diagnostics, readable) { SourceName = report.SourceName };
    }

    /// <summary>The result of a file refused with <paramref name="refusal"/>.</summary>
    public static ImportResult Refused(string name, Diagnostic refusal, Exception? defect = null) =>
        new(null, [refusal], false) { SourceName = name, Defect = defect };

    /// <summary>
    /// The report, or for an unreadable file an empty report (no cells read) carrying the refusal,
    /// for callers that keep one <see cref="Domain.Reports.Report"/> per file (a batch, the web's upload).
    /// </summary>
    public Report ToReport()
    {
        if (Report is not null)
        {
            return Report;
        }

        var builder = new ReportBuilder(FormatCatalogue.Default.FormatForYear(null).Id) { SourceName = SourceName };
        foreach (var d in Diagnostics)
        {
            builder.Add(d);
        }

        return builder.Build();
    }
}
