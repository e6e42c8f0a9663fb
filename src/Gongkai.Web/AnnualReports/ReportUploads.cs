using Gongkai.Domain.Reports;
using Gongkai.Import;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.AnnualReports;

/// <summary>
/// Reading an uploaded report file with <see cref="ReportImporter"/>, within the same
/// <see cref="ImportLimits"/> as the CLI: a file over a budget or unreadable comes back as a report
/// with a refusal (<see cref="Unreadable"/>), never as an exception.
/// </summary>
public static class ReportUploads
{
    /// <summary>The report read from <paramref name="stream"/>, with every rule's findings.</summary>
    /// <param name="stream">The uploaded file.</param>
    /// <param name="name">Its file name.</param>
    /// <param name="logger">Where a defect is logged (the importer is meant never to throw).</param>
    /// <param name="cancellationToken">The request's token.</param>
    public static Report Import(Stream stream, string name, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return ReportImporter.Import(stream, name, cancellationToken);
        }
#pragma warning disable CA1031 // The last resort: the importer answers bad input with a diagnostic; anything escaping it is a defect, logged, and the person still gets a plain answer.
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
#pragma warning restore CA1031
        {
            if (logger is not null)
            {
                Log.UploadImportFailed(logger, e, name);
            }

            return new ReportBuilder("2021") { SourceName = name }
                .Add(DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, "文件内容无法识别或已损坏。", null))
                .Build();
        }
    }

    /// <summary>The reason the file could not be read as a report (<see cref="ReportImporter.Refusal"/>), or null when it was read.</summary>
    public static string? Unreadable(Report report) => ReportImporter.Refusal(report)?.Message;
}
