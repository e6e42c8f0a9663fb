using Gongkai.Data;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>The published annual reports, by year.</summary>
public sealed class ReportsModel(GongkaiDbContext db, AnnualReportStore store) : PageModel
{
    public List<PublishedReportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await PortalFront.PublishedReportsAsync(db, store, ct);
}
