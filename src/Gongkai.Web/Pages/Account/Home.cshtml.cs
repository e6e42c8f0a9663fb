using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>Sends a signed-in user to the start page of their role.</summary>
[Authorize]
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet() => Redirect(
        User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Approver) ? "/Office"
        : User.IsInRole(Roles.Supervisor) ? "/Supervisor"
        : User.IsInRole(Roles.Admin) ? "/Admin/Users"
        : "/");
}
