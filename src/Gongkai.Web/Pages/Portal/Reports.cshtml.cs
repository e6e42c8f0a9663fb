using Gongkai.Domain.AnnualReports;
using Gongkai.Data;
using Gongkai.Web.AnnualReports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>The published annual reports, by year.</summary>
public sealed class ReportsModel(GongkaiDbContext db, AnnualReportStore store) : PageModel
{
    /// <summary>A published report: first published on <paramref name="PublishedAt"/>, <paramref name="Late"/> when after the Art. 49 deadline (逾期).</summary>
    public sealed record Row(long Id, string Agency, int Year, DateTimeOffset PublishedAt, bool Late);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).Where(r => r.Status == ReportState.Published)
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).ToListAsync(ct);
        foreach (var r in rows)
        {
            if (AnnualReportStore.ToWorkflow(r) is { Current: { } current } w)
            {
                Rows.Add(new Row(r.Id, r.Agency!.Name, r.Year, current.PublishedAt, store.PublishedLate(w) == true));
            }
        }
    }
}
