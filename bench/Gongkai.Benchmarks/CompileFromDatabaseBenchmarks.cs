using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Benchmarks;

/// <summary>
/// The statistics compiler fed from the database, as the web app runs it (<see cref="YearStatistics.CompileAsync"/>:
/// the year's case events loaded, deserialised and replayed, then <see cref="AnnualStatistics.Compile"/>), on SQLite
/// and on PostgreSQL: one agency-year of 100,000 applications, and a region of 1,000 agencies with 1,000 each
/// (1,000,000 in all, one compile per agency on one DbContext). The cases are those of <see cref="CompileBenchmarks"/>
/// (registered and decided, a tenth received the year before); <see cref="BenchDatabase"/> seeds them (not measured)
/// into <c>/tmp/gongkai-bench-compile.db</c> and the PostgreSQL database <c>gongkai_bench</c> and reuses them later.
/// PostgreSQL: GONGKAI_BENCH_POSTGRES, or GONGKAI_TEST_POSTGRES's server (<c>source .ci/postgres.sh</c>); skipped otherwise.
/// Run: <c>dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*FromDatabase*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CompileFromDatabaseBenchmarks
{
    public static IEnumerable<DatabaseProvider> Providers()
    {
        yield return DatabaseProvider.Sqlite;
        if (BenchDatabase.PostgresConnectionString() is null)
        {
            Console.WriteLine("// PostgreSQL skipped: set GONGKAI_BENCH_POSTGRES, or GONGKAI_TEST_POSTGRES (source .ci/postgres.sh), to benchmark it too.");
        }
        else
        {
            yield return DatabaseProvider.Postgres;
        }
    }

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        await BenchDatabase.EnsureSeededAsync(Provider);
        await CheckAsync(Provider, BenchDatabase.AgencyYearId);
        await CheckAsync(Provider, BenchDatabase.RegionAgencyIds.First());
        await CheckAsync(Provider, BenchDatabase.RegionAgencyIds.Last());
    }

    /// <summary>
    /// The database-fed compile of <paramref name="agencyId"/> must equal the in-memory compile of the cases as
    /// generated (every cell and the cases behind it), and Table 3 must count the applications seeded.
    /// </summary>
    public static async Task CheckAsync(DatabaseProvider provider, int agencyId)
    {
        const int year = BenchDatabase.Year;
        await using var db = BenchDatabase.CreateContext(provider);
        var name = BenchDatabase.AgencyName(agencyId);
        var fromDb = await YearStatistics.CompileAsync(db, BenchDatabase.Rules, agencyId, name, year, CancellationToken.None);
        var cases = BenchDatabase.Cases(agencyId).Select(e => ApplicationCase.Replay(e, BenchDatabase.Rules)).ToList();
        var inMemory = AnnualStatistics.Compile(name, year, cases, [], [], [], BenchDatabase.Rules.Calendar);

        void Expect(bool ok, string what)
        {
            if (!ok)
            {
                throw new InvalidOperationException($"{provider}, agency {agencyId}: {what}");
            }
        }

        Expect(fromDb.Report.Cells.Count == inMemory.Report.Cells.Count, $"{fromDb.Report.Cells.Count} cells from the database, {inMemory.Report.Cells.Count} in memory");
        foreach (var (cell, value) in inMemory.Report.Cells)
        {
            Expect(fromDb.Report.Cells.TryGetValue(cell, out var other) && other.State == value.State && other.Value == value.Value, $"cell {cell} differs");
            Expect(fromDb.CasesBehind(cell).Order().SequenceEqual(inMemory.CasesBehind(cell).Order()), $"the cases behind {cell} differ");
        }

        var received = cases.Count(c => c.ReceivedOn.Year == year);
        var carried = cases.Count(c => c.ReceivedOn.Year < year && c.IsOpenAtEndOf(new DateOnly(year - 1, 12, 31)));
        var concluded = cases.Count(c => c.ConcludedOn?.Year == year);
        Expect(fromDb.Report["table3", "new_received", 6].Value == received, $"table 3 new_received {fromDb.Report["table3", "new_received", 6].Value}, seeded {received}");
        Expect(fromDb.Report["table3", "carried_over", 6].Value == carried, $"table 3 carried_over {fromDb.Report["table3", "carried_over", 6].Value}, seeded {carried}");
        Expect(fromDb.Report["table3", "total", 6].Value == concluded, $"table 3 total {fromDb.Report["table3", "total", 6].Value}, seeded {concluded}");
        Expect(received > 0 && concluded > 0, "nothing compiled");
        Expect(await db.Cases.AnyAsync(c => c.Id == cases[0].Id && c.ReceivedOn == cases[0].ReceivedOn), "a seeded row is not found through EF (Guid or date stored in another format)");
        Console.WriteLine($"// {provider}, agency {agencyId}: database compile = in-memory compile ({received:N0} received, {carried:N0} carried over, {concluded:N0} concluded in {year}).");
    }

    [Benchmark]
    public async Task<int> AgencyYear100k()
    {
        await using var db = BenchDatabase.CreateContext(Provider);
        var compiled = await YearStatistics.CompileAsync(db, BenchDatabase.Rules, BenchDatabase.AgencyYearId, BenchDatabase.AgencyName(BenchDatabase.AgencyYearId), BenchDatabase.Year, CancellationToken.None);
        return compiled.Report.Cells.Count;
    }

    [Benchmark]
    public async Task<int> Region1000Agencies1M()
    {
        await using var db = BenchDatabase.CreateContext(Provider);
        var cells = 0;
        foreach (var id in BenchDatabase.RegionAgencyIds)
        {
            var compiled = await YearStatistics.CompileAsync(db, BenchDatabase.Rules, id, BenchDatabase.AgencyName(id), BenchDatabase.Year, CancellationToken.None);
            cells += compiled.Report.Cells.Count;
        }

        return cells;
    }
}
