using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Table 4: fifteen value cells without row labels.</summary>
internal sealed partial class StructuredNormaliser
{
    /// <summary>Table 4: fifteen cells in one row under a two-line header (no row labels), found after its catalogue <see cref="TableLayout.Anchors"/>.</summary>
    private static int ReadTable4(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder, int[] headings)
    {
        // The table's shape is the catalogue's: its cells (fifteen) and the header words it starts at.
        var width = layout.Rows.Sum(r => r.Columns.Length);
        var anchor = -1;
        for (var i = region.Start; i < region.End && anchor < 0; i++)
        {
            if (layout.Anchors.Any(a => doc.LineNorm[i].Contains(a, StringComparison.Ordinal)))
            {
                anchor = i;
            }
        }

        if (anchor < 0)
        {
            return 0;
        }

        // Runs of consecutive lines of cells (a row broken over lines is one run; text ends a run).
        var runs = Runs(doc, anchor, region.End);

        // The row is the first run exactly as wide as the table (the empty cells a converter adds
        // at its ends trimmed), else a line that holds the whole row (a page number next to it),
        // else the runs joined (with those the table continues in after the next sections' headings)
        // when every row adds up, else the values of the first run.
        var values = runs.Select(r => Exact(r.SelectMany(l => l).ToList(), width)).FirstOrDefault(v => v is not null)
            ?? runs.SelectMany(r => r).FirstOrDefault(l => l.Length == width && l.Count(f => f.IsValue) > width / 2)?.ToList()
            ?? CompletedByNextRun(runs, layout, width)
            ?? CompletedPastHeadings(doc, runs, region.End, layout, headings, width);
        values ??= runs.FirstOrDefault()?.SelectMany(l => l).Where(f => f.IsValue).Take(width).ToList() ?? [];
        if (values.Count == 0)
        {
            return 0;
        }

        if (values.All(f => f.Kind == Kind.Number) && runs.Any(r => r.Sum(l => l.Length) > width) && PrintsCellPerLine(doc, region) && !RowsAddUp(values, layout))
        {
            // One cell a line with a run longer than the table (another table's numbers run on: pdfminer's
            // order): unless every row adds up, the numbers are not surely the table's, left unread.
            values = [];
        }

        for (var r = 0; r < layout.Rows.Length; r++)
        {
            for (var c = 0; c < layout.Columns.Length; c++)
            {
                var k = (r * layout.Columns.Length) + c;
                builder.Set(new CellRef("table4", layout.Rows[r].Key, c), k < values.Count ? ToCell(values[k]) : Cell.Missing);
            }
        }

        return 1;
    }

    /// <summary>Runs of consecutive lines of cells from <paramref name="from"/> to <paramref name="to"/> (a row broken over lines is one run; text ends a run).</summary>
    private static List<List<Frag[]>> Runs(Doc doc, int from, int to)
    {
        var runs = new List<List<Frag[]>>();
        List<Frag[]>? run = null;
        for (var i = from; i < to; i++)
        {
            var frags = doc.Lines[i];
            var cells = frags.SkipWhile(f => f.Kind == Kind.Text).ToArray();
            var valueLine = cells.Any(f => f.IsValue) && !cells.Any(f => f.Kind == Kind.Text);
            if (valueLine && cells.Length < frags.Length)
            {
                run = null;
            }

            if (valueLine || (run is not null && frags.Length > 0 && frags.All(f => f.Kind == Kind.Empty)))
            {
                if (run is null)
                {
                    run = [];
                    runs.Add(run);
                }

                run.Add(cells);
            }
            else if (frags.Any(f => f.Kind == Kind.Text))
            {
                run = null;
            }
        }

        return runs;
    }

    /// <summary>The runs joined with those the table continues in past the next sections' headings (<see cref="ContinuedPastHeadings"/>), when every row adds up; those lines are then the table's.</summary>
    private static List<Frag>? CompletedPastHeadings(Doc doc, List<List<Frag[]>> runs, int end, TableLayout layout, int[] headings, int width)
    {
        if (ContinuedPastHeadings(doc, end, layout, headings) is not { } after || CompletedByNextRun([.. runs, .. Runs(doc, after.Start, after.End)], layout, width) is not { } joined)
        {
            return null;
        }

        doc.TakenLines.UnionWith(Enumerable.Range(after.Start, after.End - after.Start));
        return joined;
    }

    /// <summary>
    /// Where table 4 goes on after the region's end: past the next sections' headings, page numbers
    /// and empty lines, lines of its own header words (<c>复议后起诉</c>, <c>总计</c>, <c>结果</c> …) and
    /// values, up to the first other text. pdftotext's default order of a Word-made PDF prints the
    /// headings of sections 五 and 六, set below the table's left columns, before its right columns.
    /// Null when the next text after the headings is not the table's.
    /// </summary>
    private static (int Start, int End)? ContinuedPastHeadings(Doc doc, int from, TableLayout layout, int[] headings)
    {
        var words = layout.Columns.Select(c => c.Label).Concat(layout.Rows.SelectMany(r => r.Match.Append(r.Label))).ToArray();
        bool Between(int i) => doc.Lines[i].Length == 0 || headings.Skip(5).Contains(i) || Doc.IsPageNumber(doc.Source.Lines[i]);
        bool Own(int i) => doc.Lines[i].All(f => f.Kind != Kind.Text)
            || (doc.LineNorm[i].Length is > 0 and <= MaxRowCells && words.Any(w => w.Contains(doc.LineNorm[i], StringComparison.Ordinal) || doc.LineNorm[i].Contains(w, StringComparison.Ordinal)));
        var start = from;
        while (start < doc.Lines.Length && Between(start))
        {
            start++;
        }

        if (start == from || start == doc.Lines.Length || doc.Lines[start].All(f => f.Kind != Kind.Text) || !Own(start))
        {
            return null;
        }

        var end = start;
        while (end < doc.Lines.Length && (Own(end) || Between(end)))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>
    /// The runs' values joined in order when, together, they are exactly as wide as the table and every
    /// row adds up to its total (<c>总计</c>): the table's rows printed apart, each total after a line
    /// <c>总计</c> (pdftotext's default order: <c>0 3 0 0</c> / <c>未经复议直接起诉</c> / <c>总计</c> / <c>3</c> / …,
    /// or the last total alone after the other fourteen).
    /// </summary>
    private static List<Frag>? CompletedByNextRun(List<List<Frag[]>> runs, TableLayout layout, int width)
    {
        if (runs.Count < 2 || layout.Columns.Length < 2 || layout.Columns[^1].Label != "总计")
        {
            return null;
        }

        var joined = new List<Frag>(width);
        foreach (var run in runs)
        {
            joined.AddRange(run.SelectMany(l => l).Where(f => f.IsValue));
            if (joined.Count >= width)
            {
                break;
            }
        }

        return joined.Count == width && RowsAddUp(joined, layout) ? joined : null;
    }

    /// <summary>Whether <paramref name="values"/> are the table's cells, all numbers, each row adding up to its total.</summary>
    private static bool RowsAddUp(List<Frag> values, TableLayout layout)
    {
        var columns = layout.Columns.Length;
        return values.Count == layout.Rows.Length * columns && values.All(f => f.Kind == Kind.Number)
            && Enumerable.Range(0, layout.Rows.Length).All(r => AddsUpToTotal([.. values.GetRange(r * columns, columns).Select(f => f.Value!.Value)]));
    }

    /// <summary><paramref name="cells"/> trimmed of empty cells at its ends down to <paramref name="width"/>, when that makes it exactly so wide.</summary>
    private static List<Frag>? Exact(List<Frag> cells, int width)
    {
        var from = 0;
        var to = cells.Count;
        while (to - from > width && cells[from].Kind == Kind.Empty)
        {
            from++;
        }

        while (to - from > width && cells[to - 1].Kind == Kind.Empty)
        {
            to--;
        }

        return to - from == width ? cells[from..to] : null;
    }
}
