using Gongkai.Domain.Reports;
using Gongkai.Import;

namespace Gongkai.Web.AnnualReports;

/// <summary>Reading an uploaded report file: never throws; says plainly when the file could not be read.</summary>
public static class ReportUploads
{
    private static readonly HashSet<string> s_fatal =
    [
        DiagnosticCodes.SourceUnreadable,
        DiagnosticCodes.SourceNotReport,
        DiagnosticCodes.SourceUnsupported,
        DiagnosticCodes.SourceTooLarge,
    ];

    /// <summary>The report read from <paramref name="stream"/>, with every rule's findings.</summary>
    public static Report Import(Stream stream, string name)
    {
        try
        {
            return ReportImporter.Import(stream, name);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException or ArgumentException)
        {
            return new ReportBuilder("2021") { SourceName = name }
                .Add(DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, "文件内容无法识别或已损坏。", null))
                .Build();
        }
    }

    /// <summary>The reason the file could not be read as a report, or null when it was read.</summary>
    public static string? Unreadable(Report report) =>
        report.Diagnostics.FirstOrDefault(d => s_fatal.Contains(d.Code))?.Message;
}
