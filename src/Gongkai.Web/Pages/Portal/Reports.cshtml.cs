using Gongkai.Domain.AnnualReports;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>The published annual reports, by year.</summary>
public sealed class ReportsModel(GongkaiDbContext db) : PageModel
{
    public sealed record Row(long Id, string Agency, int Year, DateTime? PublishedAt);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportState.Published)
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId)
            .Select(r => new Row(r.Id, r.Agency!.Name, r.Year, r.PublishedAt)).ToListAsync(ct);
}
