using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Annual;

/// <summary>Annual reports of agencies: save a draft, move through submitted → accepted → published; every change keeps a revision.</summary>
public sealed class ReportStore(GongkaiDbContext db, CurrentStaff staff, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Which status changes are allowed.</summary>
    public static bool CanMove(ReportStatus from, ReportStatus to) => (from, to) switch
    {
        (ReportStatus.Draft or ReportStatus.Returned, ReportStatus.Submitted) => true,
        (ReportStatus.Submitted, ReportStatus.Returned or ReportStatus.Accepted) => true,
        (ReportStatus.Accepted, ReportStatus.Published) => true,
        _ => false,
    };

    public static string Label(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已报送",
        ReportStatus.Returned => "已退回",
        ReportStatus.Accepted => "已审核",
        ReportStatus.Published => "已公开",
        _ => status.ToString(),
    };

    public async Task<AnnualReport> SaveDraftAsync(int agencyId, int year, Report report, string note, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = ReportJson.Serialize(report with { Year = year });
        var row = await db.AnnualReports.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, ct);
        if (row is null)
        {
            row = new AnnualReport { AgencyId = agencyId, Year = year, Status = ReportStatus.Draft, Json = json, UpdatedAt = now };
            db.AnnualReports.Add(row);
        }
        else
        {
            if (row.Status is ReportStatus.Published or ReportStatus.Accepted or ReportStatus.Submitted)
            {
                throw new InvalidOperationException("报告已报送，不能再修改草稿。");
            }

            row.Json = json;
            row.Status = ReportStatus.Draft;
            row.UpdatedAt = now;
            row.Version++;
        }

        await AddRevisionAsync(row, note, now, ct);
        audit.Record("report.save", "report", $"{agencyId}/{year}", agencyId, note);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task MoveAsync(AnnualReport row, ReportStatus to, string? note, CancellationToken ct = default)
    {
        if (!CanMove(row.Status, to))
        {
            throw new InvalidOperationException($"报告状态不能从“{Label(row.Status)}”改为“{Label(to)}”。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = to;
        row.UpdatedAt = now;
        row.Version++;
        if (to == ReportStatus.Published)
        {
            row.PublishedAt = now;
        }

        await AddRevisionAsync(row, note ?? Label(to), now, ct);
        audit.Record($"report.{to.ToString().ToLowerInvariant()}", "report", row.Id, row.AgencyId, note);
        await db.SaveChangesAsync(ct);
    }

    private async Task AddRevisionAsync(AnnualReport row, string note, DateTime now, CancellationToken ct)
    {
        var last = row.Id == 0 ? 0 : await db.AnnualReportRevisions.Where(v => v.ReportId == row.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        db.AnnualReportRevisions.Add(new AnnualReportRevision
        {
            Report = row,
            Number = last + 1,
            Status = row.Status,
            Json = row.Json,
            CreatedAt = now,
            CreatedBy = staff.UserName,
            Note = note,
        });
    }
}
