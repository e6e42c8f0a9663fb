using Gongkai.Data;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// The site's root: for visitors the public portal's front page (in the portal's layout); for
/// signed-in staff their start page in the staff layout, with the areas of their role and a link to
/// the public portal.
/// </summary>
public sealed class IndexModel(GongkaiDbContext db, AnnualReportStore store) : PageModel
{
    public bool IsStaff => User.Identity?.IsAuthenticated == true;

    /// <summary>The portal's front page, for visitors.</summary>
    public PortalFront? Front { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!IsStaff)
        {
            Front = await PortalFront.LoadAsync(db, store, ct);
        }
    }
}
