using Gongkai.Data;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Office;

/// <summary>Registers an application received in person, by post, fax, online or orally. Nothing is saved unless every check passes.</summary>
public sealed class RegisterModel(GongkaiDbContext db, CaseService cases, CurrentStaff staff) : PageModel
{
    [BindProperty]
    public RegistrationForm Form { get; set; } = new();

    /// <summary>The form's idempotency key (<see cref="SubmissionKeys"/>), rendered as a hidden field and kept when the form is shown again.</summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    public DateOnly Today => cases.Today;

    public void OnGet()
    {
        Form.SubmittedOn = cases.Today;
        SubmissionKey = SubmissionKeys.New();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = cases.Today;
        foreach (var (name, date) in new[] { ("SubmittedOn", Form.SubmittedOn), ("SignedForOn", Form.SignedForOn), ("ConfirmedOn", Form.ConfirmedOn) })
        {
            if (date > today)
            {
                ModelState.AddModelError($"Form.{name}", FormCodes.Zh(FormCodes.DateInFuture));
            }
        }

        Form.AddObjectErrors(ModelState, nameof(Form));
        SubmissionKey ??= SubmissionKeys.New();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agency = await db.Agencies.FindAsync([staff.DeskAgencyId], ct);
        var registered = await cases.RegisterAsync(agency!, Form.ToApplication, SubmissionKey, ct);
        if (registered.Problem is { } error)
        {
            var field = error.Code switch
            {
                CaseworkCodes.ReceiptMissingDate or CaseworkCodes.ReceiptBeforeSubmission => Form.Channel == ReceiptChannel.Post && error.Code == CaseworkCodes.ReceiptMissingDate ? "Form.SignedForOn"
                    : Form.Channel == ReceiptChannel.Post && Form.SignedForOn is not null ? "Form.SignedForOn" : "Form.ConfirmedOn",
                _ => string.Empty,
            };
            ModelState.AddModelError(field, error.MessageZh);
            return Page();
        }

        var (record, repeated, accessCode) = registered.Value;
        // A second submission of the same form (double click, reload, retry) leads to the case the first one created.
        // The 查询码 exists in clear only now: the case page prints it on the 回执, once.
        if (accessCode is not null)
        {
            TempData[AccessCodeReceipt.TempDataKey] = AccessCodeReceipt.Carry(record.TrackingNumber, accessCode);
        }

        TempData.Notify(CaseworkCodes.Messages.Notice(repeated ? CaseworkCodes.DoneAlreadyRegistered : CaseworkCodes.DoneRegistered, record.TrackingNumber));
        return Redirect($"/Office/Case/{record.Id}");
    }
}
