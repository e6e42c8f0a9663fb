using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Results;
using Gongkai.Web.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Users;

/// <summary>
/// One account: its role, disabling and enabling, and a password reset (the new password is shown
/// once in the answer to the post). An account outside the administrator's scope is a 404.
/// </summary>
public sealed class EditModel(StaffAccounts accounts, GongkaiDbContext db) : PageModel
{
    public StaffAccount Account { get; private set; } = null!;

    public List<AuditEntry> History { get; private set; } = [];

    public IssuedPassword? Issued { get; private set; }

    /// <summary>The role chosen in the role form (kept when the form is refused).</summary>
    public string? Role { get; private set; }

    public bool IsSelf => accounts.IsSelf(Account.Id);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken ct) =>
        ActAsync(id, a => accounts.ChangeRoleAsync(a, role, ct), a => AccountCodes.Messages.Notice(AccountCodes.DoneRoleChanged, a.UserName, Roles.Label(role!)), ct, role);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        ActAsync(id, a => accounts.DisableAsync(a, ct), a => AccountCodes.Messages.Notice(AccountCodes.DoneDisabled, a.UserName), ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        ActAsync(id, a => accounts.EnableAsync(a, ct), a => AccountCodes.Messages.Notice(AccountCodes.DoneEnabled, a.UserName), ct);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var reset = await accounts.ResetPasswordAsync(Account, ct);
        if (reset.Problem is { } refused)
        {
            ModelState.AddModelError("Reset", refused.MessageZh);
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        await LoadAsync(id, ct);
        Issued = reset.Value;
        return Page();
    }

    /// <summary>The field's errors, for the span beside it.</summary>
    public string Err(string field) =>
        ModelState.TryGetValue(field, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;

    private async Task<IActionResult> ActAsync(string id, Func<StaffAccount, Task<Problem?>> act, Func<StaffAccount, Notice> done, CancellationToken ct, string? role = null)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await act(Account) is { } refused)
        {
            Role = role;
            ModelState.AddModelError(AccountCodes.FieldOf(refused.Code) is { Length: > 0 } field ? field : "Status", refused.MessageZh);
            return Page();
        }

        TempData.Notify(done(Account));
        return Redirect($"/Admin/Users/{id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is not { } account)
        {
            return false;
        }

        Account = account;
        Role ??= account.Role;
        History = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditEntities.User && a.EntityId == id)
            .OrderByDescending(a => a.Id).Take(20).ToListAsync(ct);
        return true;
    }
}
