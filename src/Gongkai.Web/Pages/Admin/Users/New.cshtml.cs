using Gongkai.Data.Entities;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Users;

/// <summary>
/// Creates a staff account in the administrator's scope with one role and a generated password,
/// which the answer to the post shows once (not a redirect: the password goes into no cookie,
/// TempData or log, and the page is not cached).
/// </summary>
public sealed class NewModel(StaffAccounts accounts) : PageModel
{
    [BindProperty]
    public NewAccountForm Form { get; set; } = new();

    public List<Agency> Agencies { get; private set; } = [];

    public IssuedPassword? Issued { get; private set; }

    public string? CreatedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await accounts.AgenciesAsync(ct);
        Form.AgencyId = Agencies.FirstOrDefault()?.Id;
        Form.Role = Roles.Officer;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await accounts.AgenciesAsync(ct);
        // Every problem at once: the database checks run even when a field is already wrong.
        foreach (var e in await accounts.CheckNewAsync(Form, ct))
        {
            ModelState.AddModelError($"{nameof(Form)}.{e.Field}", e.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (id, password, errors) = await accounts.CreateAsync(Form, ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field.Length == 0 ? string.Empty : $"{nameof(Form)}.{e.Field}", e.Message);
            }

            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        Issued = new IssuedPassword(Form.UserName!.Trim(), password!);
        CreatedId = id;
        return Page();
    }

    /// <summary>The field's errors, for the span beside it.</summary>
    public string Err(string field) =>
        ModelState.TryGetValue($"{nameof(Form)}.{field}", out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;
}
