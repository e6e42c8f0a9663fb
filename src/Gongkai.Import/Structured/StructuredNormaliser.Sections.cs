using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Table location: the six sections' headings, the region of each table, and each table's layout.</summary>
internal sealed partial class StructuredNormaliser
{
    private static readonly string[] s_numerals = ["一", "二", "三", "四", "五", "六"];

    private static int[] FindHeadings(Doc doc, FormatCatalogue cat)
    {
        var headings = Enumerable.Repeat(-1, 7).ToArray();
        var from = 0;
        foreach (var section in cat.Sections)
        {
            for (var i = from; i < doc.Lines.Length; i++)
            {
                var norm = doc.LineNorm[i];
                if (norm.Length == 0 || norm.Length > 40 || doc.Lines[i].Any(f => f.Kind == Kind.Number))
                {
                    continue;
                }

                var numbered = norm.StartsWith(s_numerals[section.Number - 1], StringComparison.Ordinal);
                if (section.Match.Any(m => norm.Contains(m, StringComparison.Ordinal) && (numbered || norm.Length <= m.Length + 2)))
                {
                    headings[section.Number] = i;
                    from = i + 1;
                    break;
                }
            }
        }

        return headings;
    }

    private static (int Start, int End) Region(Doc doc, int[] headings, int section)
    {
        var start = headings[section] >= 0 ? headings[section] + 1 : Math.Max(0, Enumerable.Range(1, section - 1).Select(s => headings[s]).DefaultIfEmpty(-1).Max() + 1);
        var end = doc.Lines.Length;
        for (var s = section + 1; s <= 6; s++)
        {
            // The next heading found, even right after this one (a section with no text of its own).
            if (headings[s] >= start)
            {
                end = headings[s];
                break;
            }
        }

        return (start, end);
    }

    private static void AddSections(Doc doc, int[] headings, FormatCatalogue cat, ReportBuilder builder)
    {
        foreach (var section in cat.Sections)
        {
            var h = headings[section.Number];
            if (h < 0)
            {
                continue;
            }

            var (start, end) = Region(doc, headings, section.Number);
            var text = section.Number is 2 or 3 or 4
                ? string.Empty
                : string.Join('\n', Enumerable.Range(start, end - start).Where(i => !doc.TakenLines.Contains(i) && !Doc.IsPageNumber(doc.Source.Lines[i])).Select(i => doc.Source.Lines[i].Text.Trim()));
            builder.AddSection(new ReportSection(section.Number, doc.Source.Lines[h].Text.Trim(), text, doc.Source.Lines[h].Cells[0].Location));
        }
    }

    // ---- tables --------------------------------------------------------------------------------

    private static TableLayout ChooseLayout(Doc doc, (int Start, int End) region, IEnumerable<TableLayout> candidates, TableLayout fallback)
    {
        var best = fallback;
        var bestScore = 0;
        foreach (var layout in candidates)
        {
            var score = layout.Signals.Count(s => doc.RegionContains(region, s));
            if (score > bestScore)
            {
                best = layout;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// Table 3's layout, by the catalogue's signals like table 2's: 2021's when its own rows are
    /// printed (逾期不补正, 收费通知), 2019's when only its 其他处理 row is (the newer format is
    /// tried first, so it wins a tie: 2021's table has a 其他处理 row too), else the format's.
    /// </summary>
    private static TableLayout ChooseTable3Layout(Doc doc, (int Start, int End) region, FormatCatalogue cat, string format) =>
        ChooseLayout(doc, region, cat.Layouts.Where(l => l.Table == "table3").OrderByDescending(l => l.Format, StringComparer.Ordinal), cat.LayoutFor(format, "table3"));
}
