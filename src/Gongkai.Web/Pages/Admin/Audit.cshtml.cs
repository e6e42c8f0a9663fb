using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

/// <summary>The audit trail of the administrator's agency (and, for the top agency's administrator, the whole tree).</summary>
public sealed class AuditModel(GongkaiDbContext db, CurrentStaff staff) : PageModel
{
    public List<AuditEntry> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = await staff.AdministeredAgencyIdsAsync(ct);
        Rows = await db.AuditEntries.AsNoTracking().Where(a => a.AgencyId != null && ids.Contains(a.AgencyId.Value))
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }
}
