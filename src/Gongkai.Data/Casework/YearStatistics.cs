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
        // Streamed in case order and replayed a case at a time (the events of one case are consecutive).
        var rows = db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .OrderBy(e => e.CaseId).ThenBy(e => e.Sequence).Select(e => new { e.CaseId, e.Kind, e.Data }).AsAsyncEnumerable();
        var cases = new List<ApplicationCase>();
        var events = new List<ApplicationEvent>();
        var current = Guid.Empty;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (row.CaseId != current && events.Count > 0)
            {
                cases.Add(ApplicationCase.Replay(events, rules));
                events.Clear();
            }

            current = row.CaseId;
            events.Add(ApplicationEventJson.Deserialize(row.Kind, row.Data));
        }

        if (events.Count > 0)
        {
            cases.Add(ApplicationCase.Replay(events, rules));
        }

        var reviews = (await db.Reviews.AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync(ct)).Select(r => r.ToDomain()).ToList();
        var documents = (await db.RegulatoryDocuments.AsNoTracking().Where(d => d.AgencyId == agencyId).ToListAsync(ct)).Select(d => d.ToDomain()).ToList();
        var months = (await db.MonthlyCounts.AsNoTracking().Where(m => m.AgencyId == agencyId && m.Year == year).ToListAsync(ct)).Select(m => m.ToDomain()).ToList();
        return AnnualStatistics.Compile(agencyName, year, cases, reviews, documents, months, rules.Calendar);
    }
}
