using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>
/// The site's root: for visitors the public portal's front page (in the portal's layout); for
/// signed-in staff their start page in the staff layout: the areas of their role with what waits
/// there, and a link to the public portal.
/// </summary>
public sealed class IndexModel(GongkaiDbContext db, AnnualReportStore store, CurrentStaff staff, TimeProvider clock) : PageModel
{
    /// <summary>What waits for a member of staff: applications in hand and overdue, 主动公开 items in review, reports to review.</summary>
    public sealed record Waiting(int InHand, int Overdue, int ItemsInReview, int ReportsToReview);

    public bool IsStaff => User.Identity?.IsAuthenticated == true;

    /// <summary>The portal's front page, for visitors.</summary>
    public PortalFront? Front { get; private set; }

    /// <summary>What waits, for staff.</summary>
    public Waiting Work { get; private set; } = new(0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!IsStaff)
        {
            Front = await PortalFront.LoadAsync(db, store, ct);
            return;
        }

        int inHand = 0, overdue = 0, items = 0, reports = 0;
        if (staff.IsDesk && staff.AgencyId is { } agency)
        {
            var today = ChinaTime.Today(clock);
            var mine = db.Cases.AsNoTracking().Where(c => c.AgencyId == agency);
            inHand = await mine.CountAsync(c => c.State == ApplicationState.Open || c.State == ApplicationState.AwaitingSupplement
                || c.State == ApplicationState.Consulting || c.State == ApplicationState.AwaitingFee || (c.State == null && c.AwaitingConfirmation), ct);
            overdue = await mine.CountAsync(c => c.State == ApplicationState.Open && c.DueOn < today, ct);
            items = await db.Set<DisclosureRecord>().AsNoTracking().CountAsync(r => r.AgencyId == agency
                && (r.State == nameof(DisclosureState.SecrecyReview) || r.State == nameof(DisclosureState.LegalityReview)), ct);
        }

        if (staff.IsSupervisor)
        {
            var ids = await staff.SupervisedAgencyIdsAsync(ct);
            reports = await db.AnnualReports.AsNoTracking().CountAsync(r => ids.Contains(r.AgencyId) && r.Status == ReportState.Submitted, ct);
        }

        Work = new Waiting(inHand, overdue, items, reports);
    }
}
