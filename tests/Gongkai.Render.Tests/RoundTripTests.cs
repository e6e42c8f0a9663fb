using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Import;

namespace Gongkai.Render.Tests;

/// <summary>What a renderer writes, the importer reads back: the same layouts, agency, year and numbers.</summary>
public class RoundTripTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "html", "docx", "pdf" })
        {
            foreach (var report in new[] { Samples.Lanling, Samples.Zhoucun, "2019" })
            {
                data.Add(format, report);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderThenImport_Report_GivesTheSameNumbers(string format, string name)
    {
        var report = name == "2019" ? Samples.Format2019() : Samples.Load(name);
        var renderer = ReportRenderers.Get(format);
        using var stream = new MemoryStream(ReportRenderers.Render(report, format));

        var imported = ReportImporter.Import(stream, "report" + renderer.FileExtension);

        Assert.Equal(report.Layouts.OrderBy(l => l.Key), imported.Layouts.OrderBy(l => l.Key));
        Assert.Equal((report.Agency, report.Year), (imported.Agency, imported.Year));
        var differences = report.TableLayouts()
            .SelectMany(l => l.Cells())
            .Where(c => report[c].Value != imported[c].Value)
            .Select(c => $"{c}: {report[c].Value} → {imported[c].Value?.ToString(CultureInfo.InvariantCulture) ?? imported[c].State.ToString()}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences.Prepend($"{differences.Count} cells differ:")));

        // The importer finds the errors the numbers hold (the 2019 report's sequential numbers
        // break the sums), and no other: nothing was lost or misread on the way.
        static string[] Errors(IEnumerable<Diagnostic> found) =>
            found.Where(d => d.Severity == Severity.Error).Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Errors(RuleEngine.Check(report)), Errors(imported.Diagnostics));
    }
}
