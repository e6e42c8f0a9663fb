using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Workspace;

/// <summary>The desk's annual reports: one line per year, and a link to start or open a year's workspace.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class IndexModel(GongkaiDbContext db, CurrentStaff staff, AnnualReportStore store) : PageModel
{
    public AnnualReportStore Store => store;

    public Agency? Agency { get; private set; }

    public List<AnnualReport> Reports { get; private set; } = [];

    public int DefaultYear => store.DefaultYear;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencyId = staff.DeskAgencyId;
        Agency = await store.AgencyAsync(agencyId, ct);
        Reports = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agencyId).OrderByDescending(r => r.Year).ToListAsync(ct);
    }
}
