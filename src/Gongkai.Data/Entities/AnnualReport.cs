using Gongkai.Domain.AnnualReports;

namespace Gongkai.Data.Entities;

/// <summary>An agency's 政府信息公开工作年度报告 for a year: the workflow (<c>ReportWorkflowJson</c>, canonical report JSON at the top level) and its state, mirrored for queries.</summary>
public sealed class AnnualReport
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int Year { get; set; }

    public ReportState Status { get; set; }

    /// <summary>The report in canonical JSON (report-json.md).</summary>
    public required string Json { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public int Version { get; set; }

    public List<AnnualReportRevision> Revisions { get; } = [];
}

/// <summary>A saved state of a report (every change and every status change adds one; never changed).</summary>
public sealed class AnnualReportRevision
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public AnnualReport? Report { get; set; }

    public int Number { get; set; }

    public ReportState Status { get; set; }

    public required string Json { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public string? Note { get; set; }
}
