using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Disclosure;

/// <summary>The agency's proactive-disclosure items, what is due or late under Art. 26, and the year's figures.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class IndexModel(DisclosureDesk desk, CurrentStaff staff) : PageModel
{
    private readonly DisclosureDesk _desk = desk;

    public List<DisclosureRecord> Items { get; private set; } = [];

    public DeadlineReport Deadlines { get; private set; } = null!;

    public DisclosureYearFigures Figures { get; private set; } = null!;

    /// <summary>The year of the figures; this year when not given.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        Items = await _desk.Items.AsNoTracking().Where(r => r.AgencyId == agency)
            .OrderByDescending(r => r.UpdatedAt).Take(200).ToListAsync(ct);
        Deadlines = await _desk.DeadlineReportAsync(agency, ct);
        var year = Year is >= 2000 and <= 2100 ? Year.Value : _desk.Today.Year;
        Figures = await _desk.FiguresAsync(agency, year, ct);
    }
}
