using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;
using Gongkai.Import.Flattened;

namespace Gongkai.Import.Tests.Flattened;

/// <summary>
/// One theory over <c>Fixtures/flattened/&lt;case&gt;/</c>: <c>source.json</c> (the report as
/// published, correct or not) and <c>case.json</c> (how it was flattened) generate
/// <c>input.txt</c>; reading it back gives <c>expected.json</c> (tables, readings of ambiguous
/// cells, provenance, diagnostics by code and cells). <c>previous.json</c>, when present, is the
/// previous year's report. Set <c>GONGKAI_UPDATE_FIXTURES=1</c> to rewrite input and expected files
/// after a deliberate change, and review the diff.
/// </summary>
public sealed class FlattenedFixtureTests
{
    private static readonly bool s_update = Environment.GetEnvironmentVariable("GONGKAI_UPDATE_FIXTURES") == "1";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(FixtureRoot()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_InputIsTheGeneratorsOutput(string name)
    {
        var dir = Path.Combine(FixtureRoot(), name);
        var (source, style, title, _) = LoadCase(dir);
        var generated = FlattenedTextWriter.Write(source, style, title);
        var path = Path.Combine(dir, "input.txt");
        if (s_update)
        {
            File.WriteAllText(path, generated);
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_ReadsAsExpected(string name)
    {
        var dir = Path.Combine(FixtureRoot(), name);
        var (source, style, title, recovers) = LoadCase(dir);
        if (s_update)
        {
            File.WriteAllText(Path.Combine(dir, "input.txt"), FlattenedTextWriter.Write(source, style, title));
        }
        var previousPath = Path.Combine(dir, "previous.json");
        var previous = File.Exists(previousPath) ? ReportJson.Parse(File.ReadAllText(previousPath)) : null;

        var read = FlattenedTableReader.TryRead(File.ReadAllText(Path.Combine(dir, "input.txt")), "input.txt", previous);

        Assert.NotNull(read);
        var report = RuleEngine.Validate(read);
        var actual = Snapshot(report);
        var expectedPath = Path.Combine(dir, "expected.json");
        if (s_update)
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath), actual);
        if (recovers)
        {
            // Every settled cell is the report as published; every ambiguous cell lists it among its readings.
            foreach (var layout in source.TableLayouts())
            {
                foreach (var cell in layout.Cells())
                {
                    var got = report[cell];
                    var ok = got.State == CellState.Ambiguous
                        ? source[cell].Value is { } v && got.Readings!.Contains(v)
                        : source[cell].Value == got.Value;
                    Assert.True(ok, $"{cell}: published {source[cell].Value}, read {got.Value} ({got.State})");
                }
            }
        }
    }

    /// <summary>The tables, the readings of ambiguous cells, provenance and the findings (code, severity, location, cells).</summary>
    internal static string Snapshot(Report report)
    {
        var canonical = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();
        var root = new JsonObject
        {
            ["format"] = (string?)canonical["format"],
            ["layout_table3"] = (string?)canonical["layout_table3"],
        };
        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            root[table] = canonical[table]?.DeepClone();
        }

        var readings = new JsonObject();
        foreach (var layout in report.TableLayouts())
        {
            foreach (var cell in layout.Cells())
            {
                if (report[cell] is { State: CellState.Ambiguous } ambiguous)
                {
                    readings[cell.ToString()] = new JsonArray([.. (ambiguous.Readings ?? []).Select(v => (JsonNode)JsonValue.Create(v))]);
                }
            }
        }

        root["readings"] = readings;
        var diagnostics = new JsonArray();
        foreach (var d in report.Diagnostics)
        {
            diagnostics.Add(new JsonObject
            {
                ["code"] = d.Code,
                ["severity"] = d.Severity.ToString().ToLowerInvariant(),
                ["location"] = d.Location?.ToString(),
                ["cells"] = new JsonArray([.. (d.Cells.IsDefault ? [] : d.Cells).Select(c => (JsonNode)JsonValue.Create(c.ToString()))]),
            });
        }

        root["diagnostics"] = diagnostics;
        root["provenance"] = canonical["provenance"]?.DeepClone();
        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    private static (Report Source, FlattenStyle Style, string Title, bool Recovers) LoadCase(string dir)
    {
        var source = ReportJson.Parse(File.ReadAllText(Path.Combine(dir, "source.json")));
        var options = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "case.json")))!;
        var style = new FlattenStyle((bool?)options["one_line"] ?? true, (bool?)options["ordinals"] ?? true);
        var title = (string?)options["title"] ?? string.Create(CultureInfo.InvariantCulture, $"{source.Agency}{source.Year}年政府信息公开工作年度报告");
        return (source, style, title, (bool?)options["recovers"] ?? false);
    }

    /// <summary>The fixture folder in the source tree (so that updates land where git sees them).</summary>
    internal static string FixtureRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Fixtures", "flattened");
            if (Directory.Exists(candidate) && dir.GetFiles("*.csproj").Length > 0)
            {
                return candidate;
            }

            var nested = Path.Combine(dir.FullName, "tests", "Gongkai.Import.Tests", "Fixtures", "flattened");
            if (Directory.Exists(nested))
            {
                return nested;
            }
        }

        throw new DirectoryNotFoundException("Fixtures/flattened not found above " + AppContext.BaseDirectory);
    }
}
