using Gongkai.Data;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>The public portal's front page.</summary>
public sealed class IndexModel(GongkaiDbContext db, AnnualReportStore store) : PageModel
{
    public PortalFront Front { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Front = await PortalFront.LoadAsync(db, store, ct);
}
