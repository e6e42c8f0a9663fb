using Gongkai.Data;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Disclosure;

/// <summary>The officer drafts or edits an item, and submits it for review.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class EditModel(GongkaiDbContext db, CurrentStaff staff, TimeProvider time, IConfiguration configuration, Gongkai.Domain.Calendar.WorkingDayCalendar calendar) : PageModel
{
    private readonly DisclosureDesk _desk = new(db, time, configuration, calendar);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    public string? Error { get; private set; }

    private Actor Me => new(staff.UserId!, staff.DisplayName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var w = await _desk.LoadAsync(id, staff.DeskAgencyId, ct);
            if (w is null)
            {
                return NotFound();
            }

            if (w.State != DisclosureState.Draft)
            {
                return RedirectToPage("Review", new { id });
            }

            Input = DraftForm.From(w.Item);
        }
        else
        {
            Input.Publisher = await db.Agencies.AsNoTracking().Where(a => a.Id == staff.DeskAgencyId).Select(a => a.Name).FirstAsync(ct);
            Input.WrittenOn = _desk.Today;
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agency = staff.DeskAgencyId;
        string? error;
        var id = Id ?? Guid.NewGuid();
        var item = Input.ToItem(id);
        if (item.Validate() is { IsEmpty: false } problems)
        {
            Error = string.Join("；", problems.Select(DisclosureCodes.MessageOf));
            return Page();
        }

        if (Id is null)
        {
            (_, error) = await _desk.CreateAsync(agency, item, Me, ct);
        }
        else
        {
            error = await _desk.EditAsync(id, agency, Me, item, ct);
        }

        if (error is null && submit)
        {
            error = await _desk.SubmitAsync(id, agency, Me, ct);
        }

        if (error is not null)
        {
            Id = id;
            Error = DisclosureCodes.MessageOf(error);
            return Page();
        }

        return RedirectToPage("Review", new { id });
    }
}
