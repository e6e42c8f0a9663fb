using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// The public online application form. Validated on the server, protected by antiforgery and a
/// per-address rate limit on submissions. The application waits for the office to confirm receipt
/// (Art. 31: online applications are received the day both sides confirm); the citizen gets a
/// tracking number and a 查询码 at once, on the 回执 page.
/// </summary>
[EnableRateLimiting(GongkaiWebExtensions.PortalApplyLimit)]
public sealed class ApplyModel(GongkaiDbContext db, CaseService cases) : PageModel
{
    [BindProperty]
    public ApplicantForm Form { get; set; } = new();

    [BindProperty]
    public int? AgencyId { get; set; }

    /// <summary>The form's idempotency key (<see cref="SubmissionKeys"/>): submitting the same form twice gives one tracking number.</summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(int? agency, CancellationToken ct)
    {
        await LoadAsync(ct);
        AgencyId = agency;
        SubmissionKey = SubmissionKeys.New();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var agency = Agencies.FirstOrDefault(a => a.Id == AgencyId);
        if (agency is null)
        {
            ModelState.AddModelError(nameof(AgencyId), FormCodes.Zh(FormCodes.ReceivingAgencyRequired));
        }

        Form.AddObjectErrors(ModelState, nameof(Form));
        SubmissionKey ??= SubmissionKeys.New();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A second submission of the same form (double click, reload, retry) answers with the first one's tracking number.
        // The 查询码 exists in clear only now: the 回执 page shows it once (a repeated submission has none to show).
        var (record, _, accessCode) = await cases.SubmitPortalAsync(agency!, Form, SubmissionKey, ct);
        if (accessCode is not null)
        {
            TempData[AccessCodeReceipt.TempDataKey] = AccessCodeReceipt.Carry(record.TrackingNumber, accessCode);
        }

        return Redirect($"/Portal/Receipt?no={Uri.EscapeDataString(record.TrackingNumber)}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
}
