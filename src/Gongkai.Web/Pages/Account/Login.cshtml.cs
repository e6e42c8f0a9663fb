using System.ComponentModel.DataAnnotations;
using Gongkai.Data.Entities;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>Sign-in with lockout after repeated failures.</summary>
public sealed class LoginModel(SignInManager<GongkaiUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请输入用户名")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "请输入密码")]
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

        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Account/Home");
        }

        if (result.IsLockedOut && await signIn.UserManager.FindByNameAsync(UserName) is { LockoutEnd: { } end } && end >= StaffAccounts.DisabledUntil)
        {
            ModelState.AddModelError(string.Empty, "该账号已停用，请联系系统管理员。");
        }
        else if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "登录失败次数过多，账号已临时锁定，请15分钟后再试。");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "用户名或密码错误。");
        }

        return Page();
    }
}
