using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Benchmarks;

/// <summary>
/// The seeded database of <see cref="CompileFromDatabaseBenchmarks"/>: agency 1 with 100,000 applications
/// (<see cref="AgencyYearId"/>) and agencies 2–1,001 with 1,000 each (the region), 1,100,000 in all. Every
/// agency's cases come from its own <see cref="Random"/> seed, so <see cref="Cases"/> rebuilds the very cases
/// stored (for the correctness check). The schema is made by the real migrations; rows are bulk-inserted
/// (SQLite: one prepared INSERT per table in one transaction; PostgreSQL: binary COPY). A database that
/// already holds the full set is reused.
/// </summary>
public static class BenchDatabase
{
    public const int Year = 2025;
    public const int AgencyYearId = 1;
    public const int AgencyYearCases = 100_000;
    public const int RegionAgencies = 1_000;
    public const int RegionCasesPerAgency = 1_000;
    public const int TotalCases = AgencyYearCases + (RegionAgencies * RegionCasesPerAgency);

    public const string SqliteFile = "/tmp/gongkai-bench-compile.db";

    public static CaseRules Rules { get; } = new(WorkingDayCalendar.China, CountingPolicy.Default);

    private static readonly Recorded s_by = new("bench", new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly ApplicationOutcome[] s_outcomes = Enum.GetValues<ApplicationOutcome>();
    private static readonly ApplicantKind[] s_kinds = Enum.GetValues<ApplicantKind>();
    private static readonly DateTime s_createdAt = new(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The region's agency ids (2 … 1,001).</summary>
    public static IEnumerable<int> RegionAgencyIds => Enumerable.Range(AgencyYearId + 1, RegionAgencies);

    public static string AgencyName(int id) => $"基准测试局{id:D4}";

    /// <summary>
    /// The PostgreSQL connection string: GONGKAI_BENCH_POSTGRES, else GONGKAI_TEST_POSTGRES's server with
    /// database <c>gongkai_bench</c>; null when neither is set.
    /// </summary>
    public static string? PostgresConnectionString()
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") is { Length: > 0 } bench)
        {
            return bench;
        }

        return Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } test
            ? new NpgsqlConnectionStringBuilder(test) { Database = "gongkai_bench" }.ConnectionString
            : null;
    }

    /// <summary>A context built as the web app builds it (<see cref="DataServiceCollectionExtensions"/>).</summary>
    public static GongkaiDbContext CreateContext(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteGongkaiDbContext>();
            sqlite.UseGongkaiSqlite($"Data Source={SqliteFile}");
            return new SqliteGongkaiDbContext(sqlite.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresGongkaiDbContext>();
        postgres.UseGongkaiPostgres(PostgresConnectionString() ?? throw new InvalidOperationException("Set GONGKAI_BENCH_POSTGRES or GONGKAI_TEST_POSTGRES."));
        return new PostgresGongkaiDbContext(postgres.Options);
    }

    /// <summary>The agency's cases as generated (and stored): the events of each, in order.</summary>
    public static IEnumerable<List<ApplicationEvent>> Cases(int agencyId)
    {
        var count = agencyId == AgencyYearId ? AgencyYearCases : RegionCasesPerAgency;
        var rnd = new Random(2025 + agencyId);
        var bytes = new byte[16];
        for (var i = 0; i < count; i++)
        {
            rnd.NextBytes(bytes);
            var id = new Guid(bytes);
            var received = new DateOnly(rnd.Next(10) == 0 ? Year - 1 : Year, rnd.Next(1, 13), rnd.Next(1, 28));
            var applicant = new Applicant(s_kinds[rnd.Next(s_kinds.Length)], "申请人", null, new Contact());
            var application = Application.Create(id, $"B{agencyId:D4}-{i:D6}", applicant, "信息", DeliveryForm.Paper, ReceiptChannel.InPerson, new ReceiptEvidence(received));
            var registered = new Registered(received, s_by, application);
            var events = new List<ApplicationEvent>(2) { registered };
            if (rnd.Next(20) != 0)
            {
                var decided = new Decided(received.AddDays(rnd.Next(1, 20)), s_by, s_outcomes[rnd.Next(s_outcomes.Length)], "第三十六条");
                if (ApplicationCase.Register(registered).TryAppend(decided, Rules).IsSuccess)
                {
                    events.Add(decided);
                }
            }

            yield return events;
        }
    }

    /// <summary>Creates and fills the database unless it already holds the full set.</summary>
    public static async Task EnsureSeededAsync(DatabaseProvider provider)
    {
        await using (var db = CreateContext(provider))
        {
            if (await CountCasesAsync(db) == TotalCases)
            {
                Console.WriteLine($"// {provider}: reusing the seeded database ({TotalCases:N0} applications).");
                return;
            }

            Console.WriteLine($"// {provider}: seeding {TotalCases:N0} applications …");
            await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
        }

        var sw = Stopwatch.StartNew();
        if (provider == DatabaseProvider.Sqlite)
        {
            SeedSqlite();
        }
        else
        {
            await SeedPostgresAsync();
        }

        Console.WriteLine($"// {provider}: seeded in {sw.Elapsed.TotalSeconds:F1} s.");
    }

    private static async Task<int> CountCasesAsync(GongkaiDbContext db)
    {
        try
        {
            return await db.Cases.CountAsync();
        }
        catch (Exception e) when (e is SqliteException or PostgresException or NpgsqlException)
        {
            return -1; // no database or no schema yet
        }
    }

    private static IEnumerable<int> AllAgencyIds => Enumerable.Range(AgencyYearId, RegionAgencies + 1);

    /// <summary>The row of a case as <c>CaseService</c> would write it (the caches derived by the domain).</summary>
    private static (Application Application, ApplicationCase Case) Derive(List<ApplicationEvent> events)
    {
        var c = ApplicationCase.Replay(events, Rules);
        return (((Registered)events[0]).Application, c);
    }

    private static void SeedSqlite()
    {
        SqliteConnection.ClearAllPools(); // the migrating context's pooled connection
        using var connection = new SqliteConnection($"Data Source={SqliteFile};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        using var tx = connection.BeginTransaction();
        using var agency = Prepare(connection, tx, "Agencies", ["Id", "Name", "CreditCode", "Kind", "Code"]);
        using var caseRow = Prepare(connection, tx, "Cases",
            ["Id", "AgencyId", "TrackingNumber", "Channel", "SubmittedOn", "ReceivedOn", "Year", "ApplicantName", "ApplicantKind", "Description",
             "AwaitingConfirmation", "State", "IsExtended", "DueOn", "Outcome", "ConcludedOn", "CreatedAt", "Version"]);
        using var eventRow = Prepare(connection, tx, "CaseEvents", ["CaseId", "Sequence", "Kind", "OccurredOn", "Data", "RecordedAt", "RecordedBy"]);
        foreach (var id in AllAgencyIds)
        {
            Run(agency, id, AgencyName(id), $"BENCH{id:D13}", "Department", $"B{id:D4}");
            foreach (var events in Cases(id))
            {
                var (a, c) = Derive(events);
                var caseId = a.Id.ToString().ToUpperInvariant();
                Run(caseRow, caseId, id, a.TrackingNumber, a.Channel.ToString(), Date(a.Evidence.SubmittedOn), Date(c.ReceivedOn), c.ReceivedOn.Year,
                    a.Applicant.Name, a.Applicant.Kind.ToString(), a.Description, 0, c.State.ToString(), c.ExtensionDays > 0 ? 1 : 0,
                    c.ConcludedOn is null ? Date(c.Deadline(Rules).DueOn) : null, c.Outcome?.RowKey(), Date(c.ConcludedOn), s_createdAt, events.Count);
                for (var s = 0; s < events.Count; s++)
                {
                    var e = events[s];
                    Run(eventRow, caseId, s + 1, e.Kind, Date(e.OccurredOn), ApplicationEventJson.Serialize(e), e.Recorded.At.UtcDateTime, e.Recorded.By);
                }
            }
        }

        tx.Commit();
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static async Task SeedPostgresAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString());
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var agencies = await connection.BeginBinaryImportAsync("COPY \"Agencies\" (\"Id\", \"Name\", \"CreditCode\", \"Kind\", \"Code\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in AllAgencyIds)
            {
                await agencies.StartRowAsync();
                await agencies.WriteAsync(id, NpgsqlDbType.Integer);
                await agencies.WriteAsync(AgencyName(id), NpgsqlDbType.Varchar);
                await agencies.WriteAsync($"BENCH{id:D13}", NpgsqlDbType.Varchar);
                await agencies.WriteAsync("Department", NpgsqlDbType.Varchar);
                await agencies.WriteAsync($"B{id:D4}", NpgsqlDbType.Varchar);
            }

            await agencies.CompleteAsync();
        }

        await using (var sequence = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('\"Agencies\"', 'Id'), (SELECT max(\"Id\") FROM \"Agencies\"))", connection, tx))
        {
            await sequence.ExecuteScalarAsync();
        }

        // Cases first (the events' foreign key), generating each agency's cases twice rather than holding 1.1M in memory.
        await using (var cases = await connection.BeginBinaryImportAsync(
            "COPY \"Cases\" (\"Id\", \"AgencyId\", \"TrackingNumber\", \"Channel\", \"SubmittedOn\", \"ReceivedOn\", \"Year\", \"ApplicantName\", \"ApplicantKind\", \"Description\", " +
            "\"AwaitingConfirmation\", \"State\", \"IsExtended\", \"DueOn\", \"Outcome\", \"ConcludedOn\", \"CreatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in AllAgencyIds)
            {
                foreach (var events in Cases(id))
                {
                    var (a, c) = Derive(events);
                    await cases.StartRowAsync();
                    await cases.WriteAsync(a.Id, NpgsqlDbType.Uuid);
                    await cases.WriteAsync(id, NpgsqlDbType.Integer);
                    await cases.WriteAsync(a.TrackingNumber, NpgsqlDbType.Varchar);
                    await cases.WriteAsync(a.Channel.ToString(), NpgsqlDbType.Varchar);
                    await cases.WriteAsync(a.Evidence.SubmittedOn, NpgsqlDbType.Date);
                    await cases.WriteAsync(c.ReceivedOn, NpgsqlDbType.Date);
                    await cases.WriteAsync(c.ReceivedOn.Year, NpgsqlDbType.Integer);
                    await cases.WriteAsync(a.Applicant.Name, NpgsqlDbType.Varchar);
                    await cases.WriteAsync(a.Applicant.Kind.ToString(), NpgsqlDbType.Varchar);
                    await cases.WriteAsync(a.Description, NpgsqlDbType.Varchar);
                    await cases.WriteAsync(false, NpgsqlDbType.Boolean);
                    await cases.WriteAsync(c.State.ToString(), NpgsqlDbType.Varchar);
                    await cases.WriteAsync(c.ExtensionDays > 0, NpgsqlDbType.Boolean);
                    await WriteNullableAsync(cases, c.ConcludedOn is null ? c.Deadline(Rules).DueOn : null, NpgsqlDbType.Date);
                    await WriteNullableAsync(cases, c.Outcome?.RowKey(), NpgsqlDbType.Varchar);
                    await WriteNullableAsync(cases, c.ConcludedOn, NpgsqlDbType.Date);
                    await cases.WriteAsync(s_createdAt, NpgsqlDbType.TimestampTz);
                    await cases.WriteAsync(events.Count, NpgsqlDbType.Integer);
                }
            }

            await cases.CompleteAsync();
        }

        await using (var rows = await connection.BeginBinaryImportAsync(
            "COPY \"CaseEvents\" (\"CaseId\", \"Sequence\", \"Kind\", \"OccurredOn\", \"Data\", \"RecordedAt\", \"RecordedBy\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in AllAgencyIds)
            {
                foreach (var events in Cases(id))
                {
                    var caseId = ((Registered)events[0]).Application.Id;
                    for (var s = 0; s < events.Count; s++)
                    {
                        var e = events[s];
                        await rows.StartRowAsync();
                        await rows.WriteAsync(caseId, NpgsqlDbType.Uuid);
                        await rows.WriteAsync(s + 1, NpgsqlDbType.Integer);
                        await rows.WriteAsync(e.Kind, NpgsqlDbType.Varchar);
                        await rows.WriteAsync(e.OccurredOn, NpgsqlDbType.Date);
                        await rows.WriteAsync(ApplicationEventJson.Serialize(e), NpgsqlDbType.Varchar);
                        await rows.WriteAsync(e.Recorded.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                        await rows.WriteAsync(e.Recorded.By, NpgsqlDbType.Varchar);
                    }
                }
            }

            await rows.CompleteAsync();
        }

        await tx.CommitAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, DateOnly? value, NpgsqlDbType type) =>
        value is { } v ? importer.WriteAsync(v, type) : importer.WriteNullAsync();

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type) =>
        value is { } v ? importer.WriteAsync(v, type) : importer.WriteNullAsync();
}
