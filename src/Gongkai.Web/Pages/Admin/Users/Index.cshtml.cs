using Gongkai.Web.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Users;

/// <summary>账号管理: the staff accounts of the administrator's agency and every agency below it.</summary>
public sealed class IndexModel(StaffAccounts accounts) : PageModel
{
    public List<StaffAccount> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(ct);
}
