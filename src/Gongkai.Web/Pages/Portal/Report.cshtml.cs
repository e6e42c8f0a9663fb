using Gongkai.Domain.AnnualReports;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Render;
using Gongkai.Web.AnnualReports;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// A published report as HTML, rendered by the Render project's HTML renderer: the latest published
/// version, written sections and tables (while a correction is prepared, the version still public).
/// </summary>
public sealed class ReportModel(GongkaiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var row = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == id && r.Status == ReportState.Published, ct);
        if (row is null || AnnualReportStore.ToWorkflow(row).Current is not { } published)
        {
            return NotFound();
        }

        var html = ReportRenderers.Render(published.ToReport(), "html");
        return File(html, "text/html; charset=utf-8");
    }
}
