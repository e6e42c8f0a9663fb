using Gongkai.Data;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Office;

/// <summary>The desk's dashboard: open applications by deadline state, each with its due date and why.</summary>
public sealed class IndexModel(GongkaiDbContext db, CaseService cases, DeadlineExplanations explanations, CurrentStaff staff) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await Dashboard.BuildAsync(db, cases, explanations, staff.DeskAgencyId, ct);
}
