using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.AnnualReports;

/// <summary>
/// The tables compiled from the agency's casework by the desk's <see cref="YearStatistics"/>, the
/// information-processing fees paid in the year (the 缴费 events dated in it), and the items
/// published proactively in the year (<see cref="DisclosureDesk.FiguresAsync"/>; unknown when none).
/// </summary>
public sealed class CaseworkTablesSource(GongkaiDbContext db, CaseRules rules, DisclosureDesk disclosure) : IAnnualTablesSource
{
    public async Task<(CompiledStatistics Compiled, SupplementaryFigures Figures)?> CompileAsync(int agencyId, string agencyName, int year, CancellationToken ct)
    {
        var any = await db.Cases.AnyAsync(c => c.AgencyId == agencyId, ct)
            || await db.Reviews.AnyAsync(r => r.AgencyId == agencyId, ct)
            || await db.RegulatoryDocuments.AnyAsync(d => d.AgencyId == agencyId, ct)
            || await db.MonthlyCounts.AnyAsync(m => m.AgencyId == agencyId && m.Year == year, ct);
        if (!any)
        {
            return null;
        }

        var compiled = await YearStatistics.CompileAsync(db, rules, agencyId, agencyName, year, ct);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var kind = ApplicationEventJson.KindOf(typeof(FeePaid));
        var ids = db.Cases.Where(c => c.AgencyId == agencyId).Select(c => c.Id);
        var paid = await db.CaseEvents.AsNoTracking()
            .Where(e => ids.Contains(e.CaseId) && e.Kind == kind && e.OccurredOn >= first && e.OccurredOn <= last)
            .Select(e => new { e.Kind, e.Data })
            .ToListAsync(ct);
        var fees = paid.Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)).OfType<FeePaid>().Sum(p => p.Amount);
        var proactive = await disclosure.FiguresAsync(agencyId, year, ct);
        return (compiled, new SupplementaryFigures(proactive.Published > 0 ? proactive.Published : null, fees));
    }
}
