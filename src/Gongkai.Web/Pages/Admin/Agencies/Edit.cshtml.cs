using Gongkai.Data.Entities;
using Gongkai.Web.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Admin.Agencies;

/// <summary>
/// One agency of the administrator's tree: its name and contacts, and its 指南 text as the portal
/// shows it. An agency outside the administrator's tree is a 404.
/// </summary>
public sealed class EditModel(AgencyAdmin admin) : PageModel
{
    public Agency Agency { get; private set; } = null!;

    public List<AuditEntry> History { get; private set; } = [];

    [BindProperty]
    public AgencyDetailsForm Details { get; set; } = new();

    [BindProperty]
    public string? GuideText { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Details = new AgencyDetailsForm
        {
            Name = Agency.Name,
            ReceivingOffice = Agency.ReceivingOffice,
            Address = Agency.Address,
            OfficeHours = Agency.OfficeHours,
            Phone = Agency.Phone,
            Email = Agency.Email,
        };
        GuideText = Agency.GuideText ?? Gongkai.Web.Agencies.GuideText.Default;
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Remove(nameof(GuideText));
        GuideText = Agency.GuideText ?? Gongkai.Web.Agencies.GuideText.Default;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await admin.SaveDetailsAsync(id, Details, ct) is { } refused)
        {
            ModelState.AddModelError(AgencyCodes.FieldOf(refused.Code) is { Length: > 0 } field ? $"{nameof(Details)}.{field}" : "", refused.MessageZh);
            return Page();
        }

        TempData.Notify(AgencyCodes.Messages.Notice(AgencyCodes.DoneSaved));
        return Redirect($"/Admin/Agencies/{id}");
    }

    public async Task<IActionResult> OnPostGuideAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await admin.SaveGuideAsync(id, GuideText, ct) is { } refused)
        {
            ModelState.AddModelError(nameof(GuideText), refused.MessageZh);
            return Page();
        }

        TempData.Notify(AgencyCodes.Messages.Notice(AgencyCodes.DoneGuideSaved));
        return Redirect($"/Admin/Agencies/{id}");
    }

    /// <summary>The field's errors, for the span beside it.</summary>
    public string Err(string field) =>
        ModelState.TryGetValue(field, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await admin.FindAsync(id, ct) is not { } agency)
        {
            return false;
        }

        Agency = agency;
        History = await admin.HistoryAsync(id, ct);
        return true;
    }
}
