using Gongkai.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Casework;

/// <summary>The year's tables of an agency, compiled from its casework by <see cref="AnnualStatistics.Compile"/>.</summary>
public static class YearStatistics
{
    public static async Task<CompiledStatistics> CompileAsync(GongkaiDbContext db, CaseRules rules, int agencyId, string agencyName, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        // The year's cases: received by its end and not concluded before it began (new, carried over, carried forward).
        var ids = db.Cases.Where(c => c.AgencyId == agencyId && c.ReceivedOn != null && c.ReceivedOn <= last && (c.ConcludedOn == null || c.ConcludedOn >= first))
            .Select(c => c.Id);
        var events = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .OrderBy(e => e.CaseId).ThenBy(e => e.Sequence).Select(e => new { e.CaseId, e.Kind, e.Data }).ToListAsync(ct);
        var cases = events.GroupBy(e => e.CaseId)
            .Select(g => ApplicationCase.Replay(g.Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)), rules))
            .ToList();
        var reviews = (await db.Reviews.AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync(ct)).Select(r => r.ToDomain()).ToList();
        var documents = (await db.RegulatoryDocuments.AsNoTracking().Where(d => d.AgencyId == agencyId).ToListAsync(ct)).Select(d => d.ToDomain()).ToList();
        var months = (await db.MonthlyCounts.AsNoTracking().Where(m => m.AgencyId == agencyId && m.Year == year).ToListAsync(ct)).Select(m => m.ToDomain()).ToList();
        return AnnualStatistics.Compile(agencyName, year, cases, reviews, documents, months, rules.Calendar);
    }
}
