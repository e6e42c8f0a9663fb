using Gongkai.Data;
using Gongkai.Domain.Reports;
using Gongkai.Web.Api;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Supervisor;

/// <summary>One supervised agency's report: its tables and the rule engine's findings.</summary>
public sealed class ReportModel(GongkaiDbContext db, CurrentStaff staff) : PageModel
{
    public string AgencyName { get; private set; } = string.Empty;

    public Report Report { get; private set; } = null!;

    public IReadOnlyList<Diagnostic> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var ids = await staff.SupervisedAgencyIdsAsync(ct);
        var row = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == id && ids.Contains(r.AgencyId), ct);
        if (row is null)
        {
            return NotFound();
        }

        AgencyName = row.Agency!.Name;
        Report = ReportJson.Parse(row.Json);
        Checks = ReportApi.Checks(row.Json);
        return Page();
    }
}
