using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Portal;

/// <summary>A published annual report as the portal lists it: <paramref name="Late"/> when first published after the Art. 49 deadline (逾期).</summary>
public sealed record PublishedReportRow(long Id, string Agency, int Year, DateTimeOffset PublishedAt, bool Late);

/// <summary>
/// The public portal's front page (/Portal, and / for visitors): the site's agency, the latest
/// 主动公开 items and the latest published annual reports.
/// </summary>
public sealed record PortalFront(string SiteName, IReadOnlyList<DisclosureRecord> RecentItems, IReadOnlyList<PublishedReportRow> RecentReports)
{
    /// <summary>How many items and reports the front page lists.</summary>
    public const int RecentCount = 8;

    public static async Task<PortalFront> LoadAsync(GongkaiDbContext db, AnnualReportStore store, CancellationToken ct)
    {
        var items = await DisclosureDesk.Catalogue(db, null, null, null, null).Take(RecentCount).ToListAsync(ct);
        var reports = await PublishedReportsAsync(db, store, ct);
        return new PortalFront(await SiteNameAsync(db, ct), items, [.. reports.Take(RecentCount)]);
    }

    /// <summary>The agency the portal belongs to: the root of the agency tree (the government), or a neutral name before any agency exists.</summary>
    public static async Task<string> SiteNameAsync(GongkaiDbContext db, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.ParentId == null).OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct)
        ?? "政府信息公开";

    /// <summary>Every published report, newest year first, then by agency.</summary>
    public static async Task<List<PublishedReportRow>> PublishedReportsAsync(GongkaiDbContext db, AnnualReportStore store, CancellationToken ct)
    {
        var rows = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).Where(r => r.Status == ReportState.Published)
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).ToListAsync(ct);
        var result = new List<PublishedReportRow>();
        foreach (var r in rows)
        {
            if (AnnualReportStore.ToWorkflow(r) is { Current: { } current } w)
            {
                result.Add(new PublishedReportRow(r.Id, r.Agency!.Name, r.Year, current.PublishedAt, store.PublishedLate(w) == true));
            }
        }

        return result;
    }

    /// <summary>The agencies whose items and applications the portal takes, top first (the order of the tree's ids).</summary>
    public static Task<List<Agency>> AgenciesAsync(GongkaiDbContext db, CancellationToken ct) =>
        db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
}
