using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Benchmarks;

/// <summary>
/// Where the time of <see cref="YearStatistics.CompileAsync"/> goes for the 100,000-application agency-year: the same
/// steps timed one by one with a <see cref="Stopwatch"/> (a rough split, not a benchmark; the whole is timed through
/// the real method). Run: <c>dotnet run -c Release --project bench/Gongkai.Benchmarks -- --phases</c>.
/// </summary>
public static class CompileFromDatabasePhases
{
    public static async Task RunAsync()
    {
        foreach (var provider in CompileFromDatabaseBenchmarks.Providers())
        {
            var seeding = Stopwatch.StartNew();
            await BenchDatabase.EnsureSeededAsync(provider);
            Console.WriteLine($"{provider}: database ready in {seeding.Elapsed.TotalSeconds:F1} s");
            await CompileFromDatabaseBenchmarks.CheckAsync(provider, BenchDatabase.AgencyYearId);
            for (var run = 1; run <= 3; run++)
            {
                await TimeAsync(provider, run);
            }
        }
    }

    private static async Task TimeAsync(DatabaseProvider provider, int run)
    {
        const int year = BenchDatabase.Year;
        const int agencyId = BenchDatabase.AgencyYearId;
        var rules = BenchDatabase.Rules;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = BenchDatabase.CreateContext(provider);

        var sw = Stopwatch.StartNew();
        var whole = await YearStatistics.CompileAsync(db, rules, agencyId, BenchDatabase.AgencyName(agencyId), year, CancellationToken.None);
        var total = sw.Elapsed;

        sw.Restart();
        var ids = db.Cases.Where(c => c.AgencyId == agencyId && c.ReceivedOn != null && c.ReceivedOn <= last && (c.ConcludedOn == null || c.ConcludedOn >= first)).Select(c => c.Id);
        var rows = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .OrderBy(e => e.CaseId).ThenBy(e => e.Sequence).Select(e => new { e.CaseId, e.Kind, e.Data }).ToListAsync();
        var load = sw.Elapsed;

        sw.Restart();
        var events = rows.Select(r => (r.CaseId, Event: ApplicationEventJson.Deserialize(r.Kind, r.Data))).ToList();
        var deserialise = sw.Elapsed;

        sw.Restart();
        var cases = events.GroupBy(e => e.CaseId).Select(g => ApplicationCase.Replay(g.Select(e => e.Event), rules)).ToList();
        var replay = sw.Elapsed;

        sw.Restart();
        var compiled = AnnualStatistics.Compile(BenchDatabase.AgencyName(agencyId), year, cases, [], [], [], rules.Calendar);
        var compile = sw.Elapsed;

        if (compiled.Report.Cells.Count != whole.Report.Cells.Count)
        {
            throw new InvalidOperationException("the phases compiled something else");
        }

        Console.WriteLine($"{provider} run {run}: CompileAsync {total.TotalMilliseconds:F0} ms | split: load {rows.Count:N0} event rows {load.TotalMilliseconds:F0} ms, "
            + $"deserialise {deserialise.TotalMilliseconds:F0} ms, group+replay {cases.Count:N0} cases {replay.TotalMilliseconds:F0} ms, compile {compile.TotalMilliseconds:F0} ms");
    }
}
