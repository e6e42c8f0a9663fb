using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Workspace.Review;

/// <summary>The supervisor's list: annual reports of the supervised agencies, submitted ones first.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class IndexModel(GongkaiDbContext db, CurrentStaff staff, AnnualReportStore store) : PageModel
{
    public AnnualReportStore Store => store;

    public List<AnnualReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var ids = await staff.SupervisedAgencyIdsAsync(ct);
        var query = db.AnnualReports.AsNoTracking().Include(r => r.Agency).Where(r => ids.Contains(r.AgencyId));
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        Reports = (await query.ToListAsync(ct))
            .OrderBy(r => AnnualReportStore.ToWorkflow(r).State == ReportState.Submitted ? 0 : 1)
            .ThenByDescending(r => r.Year)
            .ThenBy(r => r.Agency?.Name, StringComparer.Ordinal)
            .ToList();
    }
}
