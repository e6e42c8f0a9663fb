using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// Signing out ends the session everywhere it was copied: the account gets a new security stamp, so
/// a cookie kept from before (another tab, another machine, a stolen copy) is refused at its next
/// check against the account (<c>Gongkai:Identity:SessionRecheckSeconds</c>).
/// </summary>
public sealed class LogoutModel(SignInManager<GongkaiUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
