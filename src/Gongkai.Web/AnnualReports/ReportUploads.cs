using Gongkai.Domain.Reports;
using Gongkai.Import;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.AnnualReports;

/// <summary>
/// Reading an uploaded report file with the import pipeline (<see cref="ReportImporter.Pipeline"/>),
/// within the same <see cref="ImportLimits"/> as the CLI: a file over a budget or unreadable comes
/// back as a report with a refusal (<see cref="Unreadable"/>), never as an exception.
/// </summary>
public static class ReportUploads
{
    /// <summary>The report read from <paramref name="stream"/>, with every rule's findings.</summary>
    /// <param name="stream">The uploaded file.</param>
    /// <param name="name">Its file name.</param>
    /// <param name="logger">Where an importer defect is logged (<see cref="ImportResult.Defect"/>).</param>
    /// <param name="cancellationToken">The request's token.</param>
    public static Report Import(Stream stream, string name, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var result = ReportImporter.Pipeline.Import(stream, name, cancellationToken: cancellationToken);
        if (result.Defect is { } defect)
        {
            if (logger is not null)
            {
                Log.UploadImportFailed(logger, defect, name);
            }
        }

        return result.ToReport();
    }

    /// <summary>The reason the file could not be read as a report (<see cref="ImportResult.RefusalOf"/>), or null when it was read.</summary>
    public static string? Unreadable(Report report) => ImportResult.RefusalOf(report)?.Message;
}
