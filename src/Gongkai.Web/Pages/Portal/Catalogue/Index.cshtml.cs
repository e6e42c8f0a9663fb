using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal.Catalogue;

/// <summary>The public 政府信息公开目录: filters by agency, category, year and validity; full-text search.</summary>
public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public const int PageSize = 20;

    /// <summary>发布机关: one agency's items only.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public ValidityStatus? Validity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<DisclosureRecord> Items { get; private set; } = [];

    public int Total { get; private set; }

    public List<Gongkai.Data.Entities.Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Agencies = await Gongkai.Web.Portal.PortalFront.AgenciesAsync(db, ct);
        var q = DisclosureDesk.Catalogue(db, Category is >= 1 and <= 15 ? Category : null, Year, Validity, Q, Agency);
        Total = await q.CountAsync(ct);
        Items = await q.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
