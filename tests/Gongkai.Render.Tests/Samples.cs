using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

/// <summary>The reports the tests render: the two published samples (Fixtures/) and a 2019-format report built here.</summary>
internal static class Samples
{
    public const string Lanling = "000_c49188e090674de6";
    public const string Zhoucun = "001_ce5962bd6a95247b";

    public static IEnumerable<string> Names => [Lanling, Zhoucun];

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    /// <summary>A sample's numbers (expected.json) with the narrative sections 一, 五 and 六 of its text.</summary>
    public static Report Load(string name)
    {
        var report = ReportJson.Parse(File.ReadAllText(FixturePath(name + ".expected.json")));
        var text = FixturePath(name + ".txt");
        return File.Exists(text) ? report with { Sections = NarrativeSections(File.ReadAllLines(text)) } : report;
    }

    /// <summary>
    /// The text under the headings 一, 五 and 六 (sections 二-四 are tables, rendered from the
    /// numbers). A line that is exactly a catalogue heading starts a section.
    /// </summary>
    private static ImmutableArray<ReportSection> NarrativeSections(string[] lines)
    {
        var headings = FormatCatalogue.Default.Sections.ToDictionary(s => s.Heading, s => s.Number);
        var sections = ImmutableArray.CreateBuilder<ReportSection>();
        int? current = null;
        var body = new List<string>();
        foreach (var raw in lines.Append("一、总体情况"))
        {
            var line = raw.Trim();
            if (headings.TryGetValue(line, out var number))
            {
                if (current is { } n && n is 1 or 5 or 6)
                {
                    sections.Add(new ReportSection(n, FormatCatalogue.Default.Sections[n - 1].Heading, string.Join('\n', body).Trim()));
                }

                if (current is not null && number == 1)
                {
                    break;
                }

                current = number;
                body.Clear();
            }
            else if (current is not null)
            {
                body.Add(line);
            }
        }

        return sections.ToImmutable();
    }

    /// <summary>
    /// A 2019-format report (2020) whose every cell holds a distinct number (negatives in 本年增/减,
    /// a decimal 采购总金额), except the cells in <paramref name="blank"/>.
    /// </summary>
    public static Report Format2019(params CellRef[] blank)
    {
        var builder = new ReportBuilder("2019") { Agency = "示例市生态环境局", Year = 2020 };
        var next = 1;
        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            foreach (var cell in builder.LayoutOf(table).Cells())
            {
                var value = cell switch
                {
                    { Table: "table2", Column: 1 } when cell.Row is not ("rules" or "normative_documents" or "procurement") => -next,
                    { Table: "table2", Row: "procurement", Column: 1 } => next + 0.25m,
                    _ => next,
                };
                builder.Set(cell, blank.Contains(cell) ? Cell.Blank() : Cell.Of(value));
                next++;
            }
        }

        builder.AddSection(new ReportSection(1, "一、总体情况", "2020年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。\n公开工作有序推进。"));
        builder.AddSection(new ReportSection(5, "五、存在的主要问题及改进情况", "信息更新不够及时。"));
        builder.AddSection(new ReportSection(6, "六、其他需要报告的事项", "无。"));
        return builder.Build();
    }

    /// <summary>Every value of the report's tables with its cell, as the renderers should print it.</summary>
    public static IEnumerable<(CellRef Cell, string Text)> Values(Report report) =>
        report.TableLayouts().SelectMany(l => l.Cells()).Select(c => (c, OfficialTables.FormatValue(report[c])));
}
