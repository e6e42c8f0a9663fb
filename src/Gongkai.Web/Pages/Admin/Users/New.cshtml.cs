using Gongkai.Data.Entities;
using Gongkai.Web.Accounts;
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
        foreach (var problem in await accounts.CheckNewAsync(Form, ct))
        {
            AddProblem(problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await accounts.CreateAsync(Form, ct);
        if (created.Problem is { } refused)
        {
            AddProblem(refused);
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        (CreatedId, Issued) = created.Value;
        return Page();
    }

    /// <summary>Puts <paramref name="problem"/>'s Chinese message beside the field its code belongs to (or above the form).</summary>
    private void AddProblem(Domain.Results.Problem problem) =>
        ModelState.AddModelError(AccountCodes.FieldOf(problem.Code) is { Length: > 0 } field ? $"{nameof(Form)}.{field}" : string.Empty, problem.MessageZh);

    /// <summary>The field's errors, for the span beside it.</summary>
    public string Err(string field) =>
        ModelState.TryGetValue($"{nameof(Form)}.{field}", out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;
}
