using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Table 4: fifteen value cells without row labels.</summary>
internal sealed partial class StructuredNormaliser
{
    /// <summary>Table 4: fifteen cells in one row under a two-line header (no row labels), found after its catalogue <see cref="TableLayout.Anchors"/>.</summary>
    private static int ReadTable4(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder)
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
        var runs = new List<List<Frag[]>>();
        List<Frag[]>? run = null;
        for (var i = anchor; i < region.End; i++)
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

        // The row is the first run exactly as wide as the table (the empty cells a converter adds
        // at its ends trimmed), else a line that holds the whole row (a page number next to it),
        // else the values of the first run.
        var values = runs.Select(r => Exact(r.SelectMany(l => l).ToList(), width)).FirstOrDefault(v => v is not null)
            ?? runs.SelectMany(r => r).FirstOrDefault(l => l.Length == width && l.Count(f => f.IsValue) > width / 2)?.ToList()
            ?? CompletedByNextRun(runs, layout, width)
            ?? runs.FirstOrDefault()?.SelectMany(l => l).Where(f => f.IsValue).Take(width).ToList()
            ?? [];
        if (values.Count == 0)
        {
            return 0;
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

        if (joined.Count != width || joined.Any(f => f.Kind != Kind.Number))
        {
            return null;
        }

        var columns = layout.Columns.Length;
        for (var r = 0; r * columns < width; r++)
        {
            if (!AddsUpToTotal([.. joined.GetRange(r * columns, columns).Select(f => f.Value!.Value)]))
            {
                return null;
            }
        }

        return joined;
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
