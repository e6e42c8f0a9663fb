using Gongkai.Data;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Office;

/// <summary>The desk's dashboard: open applications by deadline state, each with its due date and why.</summary>
public sealed class IndexModel(GongkaiDbContext db, CaseService cases, DeadlineExplanations explanations, CurrentStaff staff) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    /// <summary>Only the cases the signed-in user handles (承办).</summary>
    public bool Mine { get; private set; }

    public async Task OnGetAsync(int? mine, CancellationToken ct)
    {
        Mine = mine == 1;
        View = await Dashboard.BuildAsync(db, cases, explanations, staff.DeskAgencyId, ct, Mine ? staff.UserName : null);
    }
}
