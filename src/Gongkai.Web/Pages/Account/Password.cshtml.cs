using System.ComponentModel.DataAnnotations;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Web.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// A signed-in member of staff changes their own password (e.g. the one an administrator issued):
/// the current one, the new one twice. The change is audited (never the passwords) and ends the
/// account's other sessions; this one stays signed in.
/// </summary>
public sealed class PasswordModel(UserManager<GongkaiUser> users, SignInManager<GongkaiUser> signIn, AuditTrail audit, GongkaiDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = FormCodes.CurrentPasswordRequired)]
    [DataType(DataType.Password)]
    [Display(Name = "当前密码")]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = FormCodes.NewPasswordRequired)]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string NewPassword { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = FormCodes.ConfirmPasswordRequired)]
    [Compare(nameof(NewPassword), ErrorMessage = FormCodes.ConfirmPasswordMismatch)]
    [DataType(DataType.Password)]
    [Display(Name = "确认新密码")]
    public string ConfirmPassword { get; set; } = string.Empty;

    /// <summary>Set after a successful change.</summary>
    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (NewPassword == CurrentPassword)
        {
            ModelState.AddModelError(nameof(NewPassword), FormCodes.Zh(FormCodes.NewPasswordSame));
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors.Select(IdentityCodes.ProblemOf))
            {
                var field = problem.Code == IdentityCodes.PasswordMismatch ? nameof(CurrentPassword) : nameof(NewPassword);
                ModelState.AddModelError(field, problem.MessageZh);
            }

            return Page();
        }

        audit.Record(AuditCodes.UserChangePassword, AuditEntities.User, user.Id, user.AgencyId, user.UserName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        ModelState.Clear();
        CurrentPassword = NewPassword = ConfirmPassword = string.Empty;
        return Page();
    }
}
