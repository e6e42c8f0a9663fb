using BenchmarkDotNet.Attributes;
using Gongkai.Domain.Casework;

namespace Gongkai.Benchmarks;

/// <summary>
/// The statistics compiler in memory (no database): one agency-year of 100,000 applications, and a
/// region of 1,000 agencies with 1,000 applications each (1,000,000 in all), each case registered
/// and decided in the year, a tenth carried over from the year before.
/// Run: <c>dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*CompileBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private static readonly Recorded s_by = new("bench", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly ApplicationOutcome[] s_outcomes = Enum.GetValues<ApplicationOutcome>();
    private static readonly ApplicantKind[] s_kinds = Enum.GetValues<ApplicantKind>();

    private List<ApplicationCase> _agencyYear = [];
    private List<List<ApplicationCase>> _region = [];

    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(2025);
        _agencyYear = Cases(100_000, rnd);
        _region = Enumerable.Range(0, 1_000).Select(_ => Cases(1_000, rnd)).ToList();
    }

    private static List<ApplicationCase> Cases(int count, Random rnd)
    {
        var list = new List<ApplicationCase>(count);
        for (var i = 0; i < count; i++)
        {
            var received = new DateOnly(rnd.Next(10) == 0 ? 2024 : 2025, rnd.Next(1, 13), rnd.Next(1, 28));
            var applicant = new Applicant(s_kinds[rnd.Next(s_kinds.Length)], "申请人", null, new Contact());
            var application = Application.Create(Guid.NewGuid(), $"T{i}", applicant, "信息", DeliveryForm.Paper, ReceiptChannel.InPerson, new ReceiptEvidence(received));
            var c = ApplicationCase.Register(new Registered(received, s_by, application));
            if (rnd.Next(20) != 0)
            {
                var outcome = s_outcomes[rnd.Next(s_outcomes.Length)];
                var decided = received.AddDays(rnd.Next(1, 20));
                c = c.TryAppend(new Decided(decided, s_by, outcome, "第三十六条")).Value ?? c;
            }

            list.Add(c);
        }

        return list;
    }

    [Benchmark]
    public object AgencyYear100k() => AnnualStatistics.Compile("某局", 2025, _agencyYear, [], [], []).Report;

    [Benchmark]
    public int Region1000Agencies1M()
    {
        var cells = 0;
        foreach (var agency in _region)
        {
            cells += AnnualStatistics.Compile("某局", 2025, agency, [], [], []).Report.Cells.Count;
        }

        return cells;
    }
}
