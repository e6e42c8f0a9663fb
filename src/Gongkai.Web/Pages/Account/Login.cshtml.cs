using System.ComponentModel.DataAnnotations;
using Gongkai.Data.Entities;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// Sign-in. Every refusal says the same thing (an unknown user name, a wrong password, a locked or
/// disabled account, too many attempts from this address), so the page does not tell whether an
/// account exists. Attempts are limited per address (<see cref="GongkaiWebExtensions.LoginLimit"/>),
/// per address and account (<see cref="LoginThrottle"/>) and per account (Identity's lockout).
/// </summary>
[EnableRateLimiting(GongkaiWebExtensions.LoginLimit)]
public sealed class LoginModel(SignInManager<GongkaiUser> signIn, LoginThrottle throttle) : PageModel
{
    /// <summary>The one message for every refused sign-in.</summary>
    public static string Refused => FormCodes.Zh(FormCodes.LoginRefused);

    [BindProperty]
    [Required(ErrorMessage = FormCodes.LoginUserNameRequired)]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = FormCodes.LoginPasswordRequired)]
    [DataType(DataType.Password)]
    [Display(Name = "密码")]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.IsBlocked(address, UserName))
        {
            var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                throttle.Succeeded(address, UserName);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Account/Home");
            }

            throttle.Failed(address, UserName);
        }

        ModelState.AddModelError(string.Empty, Refused);
        return Page();
    }
}
