using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Casework;

/// <summary>
/// Fixture folders under <c>Casework/Fixtures/&lt;case&gt;/</c>: <c>input.json</c> (agency, year, each case as its stored
/// events, reviews, register), <c>monthly.csv</c>, and the expected <c>expected.json</c> (canonical report JSON) and
/// <c>sources.json</c> (ids behind each cell). Set <c>GONGKAI_UPDATE_FIXTURES=1</c> to rewrite the expected files after
/// a deliberate change (and <c>input.json</c> of <c>scripted-2025</c> from <see cref="AnnualStatisticsTests"/>); review the diff.
/// </summary>
public sealed class StatisticsFixtureTests
{
    private static readonly JsonSerializerOptions s_indented = new(ApplicationEventJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool Update => Environment.GetEnvironmentVariable("GONGKAI_UPDATE_FIXTURES") == "1";

    /// <summary>The fixture folder in the source tree: next to this file, else found by walking up from the test binaries.</summary>
    private static string Root([CallerFilePath] string path = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(path) ?? ".", "Fixtures");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Gongkai.Domain.Tests", "Casework", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Casework/Fixtures not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Fixtures() => [.. Directory.GetDirectories(Root()).Select(d => Path.GetFileName(d)).Order()];

    private sealed record FixtureInput(string Agency, int Year, List<JsonArray> Cases, List<ReviewCase> Reviews, List<RegulatoryDocument> Registers);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Compile_Fixture_MatchesExpectedReportAndSources(string name)
    {
        var dir = Path.Combine(Root(), name);
        if (Update && name == "scripted-2025")
        {
            WriteScriptedInput(Path.Combine(dir, "input.json"));
        }

        var input = JsonSerializer.Deserialize<FixtureInput>(File.ReadAllText(Path.Combine(dir, "input.json")), ApplicationEventJson.Options)!;
        var cases = input.Cases.Select(events => ApplicationCase.Replay(events.Select(e => ApplicationEventJson.Deserialize(e!.ToJsonString())))).ToList();
        var monthly = MonthlyCountsCsv.Parse(File.ReadAllText(Path.Combine(dir, "monthly.csv")), "monthly.csv");
        Assert.Empty(monthly.Diagnostics);

        var compiled = AnnualStatistics.Compile(input.Agency, input.Year, cases, input.Reviews, input.Registers, monthly.Counts);
        Assert.Empty(RuleEngine.Check(compiled.Report));
        var report = ReportJson.Serialize(compiled.Report).ReplaceLineEndings("\n");
        var sources = JsonSerializer.Serialize(
            compiled.Sources.Where(kv => kv.Value.Length > 0).OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.Order().ToArray()),
            s_indented).ReplaceLineEndings("\n") + "\n";
        var expectedReport = Path.Combine(dir, "expected.json");
        var expectedSources = Path.Combine(dir, "sources.json");
        if (Update)
        {
            File.WriteAllText(expectedReport, report);
            File.WriteAllText(expectedSources, sources);
        }

        Assert.Equal(File.ReadAllText(expectedReport).ReplaceLineEndings("\n"), report);
        Assert.Equal(File.ReadAllText(expectedSources).ReplaceLineEndings("\n"), sources);
    }

    private static void WriteScriptedInput(string path)
    {
        var cases = AnnualStatisticsTests.ScriptedCases()
            .Select(c => new JsonArray([.. c.Events.Select(e => JsonNode.Parse(ApplicationEventJson.Serialize(e)))]))
            .ToList();
        var input = new FixtureInput("某县卫生健康局", 2025, cases, AnnualStatisticsTests.ScriptedReviews(), AnnualStatisticsTests.ScriptedRegister());
        File.WriteAllText(path, JsonSerializer.Serialize(input, s_indented).ReplaceLineEndings("\n") + "\n");
    }
}
