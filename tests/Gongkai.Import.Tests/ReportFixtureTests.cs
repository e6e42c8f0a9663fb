using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests;

/// <summary>
/// One theory over the folders in Fixtures/reports: each holds an input (a real report or a variant
/// with one quirk) and expected.json with the numbers, the metadata and the error codes it must give.
/// </summary>
public class ReportFixtureTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(FixturePath("reports")).OrderBy(d => d, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_Fixture_GivesExpectedNumbersAndFindings(string name)
    {
        var dir = Path.Combine(FixturePath("reports"), name);
        var input = Directory.GetFiles(dir, "input.*").Single();
        var expectedJson = File.ReadAllText(Path.Combine(dir, "expected.json"));
        var expected = JsonNode.Parse(expectedJson)!.AsObject();

        var report = ReportImporter.Import(input);
        var actual = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();

        foreach (var key in new[] { "format", "agency", "year" })
        {
            if (expected.ContainsKey(key))
            {
                Assert.True(JsonNode.DeepEquals(expected[key], actual[key]), $"{name}: {key} is {actual[key]?.ToJsonString()}, expected {expected[key]?.ToJsonString()}");
            }
        }

        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            foreach (var (row, value) in expected[table]!.AsObject())
            {
                Assert.True(
                    JsonNode.DeepEquals(value, actual[table]![row]),
                    $"{name}: {table}.{row} is {actual[table]![row]?.ToJsonString()}, expected {value?.ToJsonString()}");
            }
        }

        var errors = report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code).Distinct().Order().ToArray();
        Assert.Equal(ReportJson.ExpectedErrorCodes(expectedJson).Order().ToArray(), errors);
        if (expected["expected_warning_codes"] is JsonArray warnings)
        {
            var actualWarnings = report.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.Code).Distinct().Order().ToArray();
            Assert.Equal(warnings.Select(w => (string)w!).Order().ToArray(), actualWarnings);
        }
    }

    [Fact]
    public void Import_EveryFixture_GivesTheSameReportAsItsTextForm()
    {
        // The same report written as tabs, spaces, Markdown, scraped pipes, HTML, GBK and
        // traditional characters imports to the same cells.
        var reference = ReportImporter.Import(Path.Combine(FixturePath("reports"), "rich-tabs", "input.txt"));
        foreach (var variant in new[] { "rich-spaces", "rich-markdown", "rich-scraped-pipes", "html-portal-page", "html-gbk-meta", "label-variants", "traditional-characters", "wrapped-rows" })
        {
            var input = Directory.GetFiles(Path.Combine(FixturePath("reports"), variant), "input.*").Single();
            var report = ReportImporter.Import(input);
            foreach (var (cell, value) in reference.Cells)
            {
                Assert.True(report[cell].Value == value.Value, $"{variant}: {cell} is {report[cell].Value}, expected {value.Value}");
            }
        }
    }

    internal static string FixturePath(string folder) => Path.Combine(AppContext.BaseDirectory, "Fixtures", folder);
}
