using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Reports;
using Gongkai.Render;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>A published report as HTML, rendered by the Render project's HTML renderer.</summary>
public sealed class ReportModel(GongkaiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var row = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status == ReportStatus.Published, ct);
        if (row is null)
        {
            return NotFound();
        }

        var html = ReportRenderers.Render(ReportJson.Parse(row.Json), "html");
        return File(html, "text/html; charset=utf-8");
    }
}
