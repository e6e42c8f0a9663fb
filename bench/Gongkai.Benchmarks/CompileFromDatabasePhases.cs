using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Benchmarks;

/// <summary>
/// Where the time of <see cref="YearStatistics.CompileAsync"/> goes, for the 100,000-application agency-year and for
/// the 1,000-agency region: the real method timed whole, then its steps done one after another, each timed with a
/// <see cref="Stopwatch"/> (load the event rows, deserialise them, group and replay, compile; a rough split, not a
/// benchmark). Run: <c>dotnet run -c Release --project bench/Gongkai.Benchmarks -- --phases</c>.
/// </summary>
public static class CompileFromDatabasePhases
{
    private sealed class Split
    {
        public TimeSpan Whole;
        public TimeSpan Load;
        public TimeSpan Deserialise;
        public TimeSpan Replay;
        public TimeSpan Compile;
        public int Rows;
        public int Cases;

        public override string ToString() =>
            $"CompileAsync {Whole.TotalMilliseconds:F0} ms | split: load {Rows:N0} event rows {Load.TotalMilliseconds:F0} ms, deserialise {Deserialise.TotalMilliseconds:F0} ms, "
            + $"group+replay {Cases:N0} cases {Replay.TotalMilliseconds:F0} ms, compile {Compile.TotalMilliseconds:F0} ms";
    }

    public static async Task RunAsync()
    {
        foreach (var provider in CompileFromDatabaseBenchmarks.Providers())
        {
            var seeding = Stopwatch.StartNew();
            await BenchDatabase.EnsureSeededAsync(provider);
            Console.WriteLine($"{provider}: database ready in {seeding.Elapsed.TotalSeconds:F1} s");
            await CompileFromDatabaseBenchmarks.CheckAsync(provider, BenchDatabase.AgencyYearId);
            for (var run = 1; run <= 2; run++)
            {
                Console.WriteLine($"{provider} agency-year, run {run}: {await TimeAsync(provider, [BenchDatabase.AgencyYearId])}");
                Console.WriteLine($"{provider} region, run {run}: {await TimeAsync(provider, BenchDatabase.RegionAgencyIds)}");
            }
        }
    }

    private static async Task<Split> TimeAsync(DatabaseProvider provider, IEnumerable<int> agencyIds)
    {
        const int year = BenchDatabase.Year;
        var rules = BenchDatabase.Rules;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var split = new Split();
        await using var db = BenchDatabase.CreateContext(provider);
        foreach (var agencyId in agencyIds)
        {
            var sw = Stopwatch.StartNew();
            var whole = await YearStatistics.CompileAsync(db, rules, agencyId, BenchDatabase.AgencyName(agencyId), year, CancellationToken.None);
            split.Whole += sw.Elapsed;

            sw.Restart();
            var ids = db.Cases.Where(c => c.AgencyId == agencyId && c.ReceivedOn != null && c.ReceivedOn <= last && (c.ConcludedOn == null || c.ConcludedOn >= first)).Select(c => c.Id);
            var rows = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId))
                .OrderBy(e => e.CaseId).ThenBy(e => e.Sequence).Select(e => new { e.CaseId, e.Kind, e.Data }).ToListAsync();
            split.Load += sw.Elapsed;

            sw.Restart();
            var events = rows.Select(r => (r.CaseId, Event: ApplicationEventJson.Deserialize(r.Kind, r.Data))).ToList();
            split.Deserialise += sw.Elapsed;

            sw.Restart();
            var cases = events.GroupBy(e => e.CaseId).Select(g => ApplicationCase.Replay(g.Select(e => e.Event), rules)).ToList();
            split.Replay += sw.Elapsed;

            sw.Restart();
            var compiled = AnnualStatistics.Compile(BenchDatabase.AgencyName(agencyId), year, cases, [], [], [], rules.Calendar);
            split.Compile += sw.Elapsed;

            split.Rows += rows.Count;
            split.Cases += cases.Count;
            if (compiled.Report.Cells.Count != whole.Report.Cells.Count)
            {
                throw new InvalidOperationException("the split compiled something else");
            }
        }

        return split;
    }
}
