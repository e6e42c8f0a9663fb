using Gongkai.Data;
using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>政府信息公开指南 (Art. 12): how to obtain information from each agency.</summary>
public sealed class GuideModel(GongkaiDbContext db) : PageModel
{
    public List<Agency> Agencies { get; private set; } = [];

    public Agency? Agency { get; private set; }

    public async Task OnGetAsync(int? agency, CancellationToken ct)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        Agency = Agencies.FirstOrDefault(a => a.Id == agency) ?? Agencies.FirstOrDefault();
    }
}
