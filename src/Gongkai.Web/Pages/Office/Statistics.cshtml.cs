using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Reports;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Office;

/// <summary>The year's tables 2-4 compiled from the agency's casework, with the compiler's and the rule engine's findings.</summary>
public sealed class StatisticsModel(GongkaiDbContext db, CaseService cases, CurrentStaff staff) : PageModel
{
    public int Year { get; private set; }

    public Report Report { get; private set; } = null!;

    public IReadOnlyList<Diagnostic> Findings { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2008 and <= 2100 ? year.Value : cases.Today.Year;
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == staff.DeskAgencyId, ct);
        var compiled = await YearStatistics.CompileAsync(db, cases.Rules, agency.Id, agency.Name, Year, ct);
        Report = compiled.Report;
        Findings = [.. compiled.Report.Diagnostics, .. RuleEngine.Check(compiled.Report)];
    }
}
