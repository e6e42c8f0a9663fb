using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
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
/// tracking number at once.
/// </summary>
[EnableRateLimiting(GongkaiWebExtensions.PortalApplyLimit)]
public sealed class ApplyModel(GongkaiDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ApplicantForm Form { get; set; } = new();

    [BindProperty]
    public int? AgencyId { get; set; }

    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(int? agency, CancellationToken ct)
    {
        await LoadAsync(ct);
        AgencyId = agency;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var agency = Agencies.FirstOrDefault(a => a.Id == AgencyId);
        if (agency is null)
        {
            ModelState.AddModelError(nameof(AgencyId), "请选择受理机关");
        }

        Form.AddObjectErrors(ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = Gongkai.Domain.Calendar.ChinaTime.Today(clock);
        var record = new CaseRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency!.Id,
            TrackingNumber = CaseService.NewTrackingNumber(agency, today.Year),
            Channel = ReceiptChannel.Online,
            SubmittedOn = today,
            Year = today.Year,
            ApplicantName = Form.ApplicantName!.Trim(),
            ApplicantKind = Form.ApplicantKind,
            Description = Form.Description!.Trim(),
            SubmissionJson = PortalSubmission.From(Form).ToJson(),
            AwaitingConfirmation = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Cases.Add(record);
        audit.Record("portal.apply", "case", record.Id, agency.Id, record.TrackingNumber);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Portal/Track?no={Uri.EscapeDataString(record.TrackingNumber)}&new=1");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
}
