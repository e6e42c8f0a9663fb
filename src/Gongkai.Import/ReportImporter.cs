using Gongkai.Domain.Reports;
using Gongkai.Import.Readers;

namespace Gongkai.Import;

/// <summary>
/// The static facade of <see cref="ReportImportPipeline.Default"/> for callers that keep one
/// <see cref="Report"/> per file: an unreadable file gives an empty report carrying the refusal
/// (<see cref="ImportResult.ToReport"/>, <see cref="Refusal"/>). Callers that want the
/// <see cref="ImportResult"/> itself use <see cref="Pipeline"/>.
/// </summary>
public static class ReportImporter
{
    /// <summary>The pipeline behind this facade.</summary>
    public static ReportImportPipeline Pipeline => ReportImportPipeline.Default;

    /// <summary>The diagnostic that says the report could not be read at all (<see cref="ImportResult.RefusalOf"/>), or null when it was read.</summary>
    public static Diagnostic? Refusal(Report report) => ImportResult.RefusalOf(report);

    public static Report Import(string path, CancellationToken cancellationToken = default) =>
        Import(path, previousYear: null, cancellationToken);

    /// <inheritdoc cref="ReportImportPipeline.Import(string, Report?, CancellationToken)"/>
    public static Report Import(string path, Report? previousYear, CancellationToken cancellationToken = default) =>
        Pipeline.Import(path, previousYear, cancellationToken).ToReport();

    public static Report Import(Stream stream, string name, CancellationToken cancellationToken = default) =>
        Import(stream, name, previousYear: null, cancellationToken);

    /// <inheritdoc cref="ReportImportPipeline.Import(Stream, string, Report?, CancellationToken)"/>
    public static Report Import(Stream stream, string name, Report? previousYear, CancellationToken cancellationToken = default) =>
        Pipeline.Import(stream, name, previousYear, cancellationToken).ToReport();

    /// <inheritdoc cref="ReportImportPipeline.Import(Stream, string, ImportBudget, Report?)"/>
    public static Report Import(Stream stream, string name, ImportBudget budget, Report? previousYear = null) =>
        Pipeline.Import(stream, name, budget, previousYear).ToReport();

    /// <inheritdoc cref="ReportImportPipeline.Read"/>
    public static SourceDocument Read(Stream stream, string name, ImportBudget? budget = null) =>
        Pipeline.Read(stream, name, budget);

    /// <inheritdoc cref="SourceDetector.Detect"/>
    public static SourceKind Detect(ReadOnlySpan<byte> bytes, string name) => SourceDetector.Detect(bytes, name);
}
