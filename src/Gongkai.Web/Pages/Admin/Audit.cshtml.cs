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
        var agency = staff.AgencyId;
        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
        var ids = new List<int>();
        if (agency is { } root)
        {
            ids.Add(root);
            for (var i = 0; i < ids.Count; i++)
            {
                ids.AddRange(all.Where(a => a.ParentId == ids[i]).Select(a => a.Id));
            }
        }

        Rows = await db.AuditEntries.AsNoTracking().Where(a => a.AgencyId != null && ids.Contains(a.AgencyId.Value))
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }
}
