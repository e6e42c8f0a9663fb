using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>
/// Columns: text laid out in columns of spaces (<c>pdftotext -layout</c>, a monospace table) keeps
/// where each number stands (<see cref="SourceLine.Spans"/>). A row with fewer numbers than cells,
/// or whose numbers run onto the next line, is read by the column of each number, told by a nearby
/// row of the same grid that has all its numbers: the cells no number stands under are blank.
/// </summary>
internal sealed partial class StructuredNormaliser
{
    /// <summary>How many lines either side are looked at for a full row of the grid.</summary>
    private const int ColumnNeighbours = 12;

    /// <summary>How many lines after the label's a row's numbers may run onto.</summary>
    private const int ColumnRunOn = 2;

    /// <summary>
    /// The row's cells placed by column (a blank where no number stands), with where its reading ended;
    /// null when the positions do not say it for certain (no full row nearby, a number between two
    /// columns, numbers out of order, or the row's last column not reached).
    /// </summary>
    private static (List<Cell> Cells, int Line, int Index)? PlaceByColumns(Doc doc, (int Start, int End) region, Frag label, int needed, RowDef[] later)
    {
        var grids = FullRows(doc, region, label.Line, needed);
        if (grids.Count == 0)
        {
            return null;
        }

        (List<Cell> Cells, int Line, int Index)? best = null;
        var bestCost = double.MaxValue;
        foreach (var wide in (ReadOnlySpan<bool>)[false, true])
        {
            var centres = Centres(doc, grids, wide);
            if (Place(doc, region, label, centres, wide, later) is { } placed && placed.Cost < bestCost)
            {
                (best, bestCost) = ((placed.Cells, placed.Line, placed.Index), placed.Cost);
            }
        }

        return best;
    }

    /// <summary>
    /// Nearby lines (nearest first, at most two) that are a full row of the grid: text, then exactly
    /// <paramref name="needed"/> numbers with their positions and nothing after them.
    /// </summary>
    private static List<Frag[]> FullRows(Doc doc, (int Start, int End) region, int line, int needed)
    {
        var rows = new List<Frag[]>(2);
        for (var d = 1; d <= ColumnNeighbours && rows.Count < 2; d++)
        {
            foreach (var i in (ReadOnlySpan<int>)[line - d, line + d])
            {
                if (i < region.Start || i >= region.End || doc.Spans[i].Length != doc.Lines[i].Length || rows.Count == 2)
                {
                    continue;
                }

                var frags = doc.Lines[i];
                var first = Array.FindIndex(frags, f => f.IsValue);
                if (first > 0 && frags.Length - first == needed && frags[first..].All(f => f.IsValue) && frags[..first].Any(f => f.Kind == Kind.Text))
                {
                    rows.Add(frags[first..]);
                }
            }
        }

        return rows;
    }

    /// <summary>The grid's column middles: the nearest full row's, or both rows' mean where they agree.</summary>
    private static double[] Centres(Doc doc, List<Frag[]> rows, bool wide)
    {
        var first = rows[0].Select(f => Centre(doc, f, wide)).ToArray();
        if (rows.Count < 2)
        {
            return first;
        }

        var second = rows[1].Select(f => Centre(doc, f, wide)).ToArray();
        return first.Zip(second).All(p => Math.Abs(p.First - p.Second) <= 1.5) ? [.. first.Zip(second, (a, b) => (a + b) / 2)] : first;
    }

    private static double Centre(Doc doc, Frag f, bool wide) =>
        wide ? doc.Spans[f.Line][f.Index].WideCentre : doc.Spans[f.Line][f.Index].Centre;

    /// <summary>Each number of the label's line and of the lines it runs onto, under its column.</summary>
    private static (List<Cell> Cells, int Line, int Index, double Cost)? Place(Doc doc, (int Start, int End) region, Frag label, double[] centres, bool wide, RowDef[] later)
    {
        var cells = new Cell?[centres.Length];
        var packed = Packed(doc, label);
        var (last, cost, endLine, endIndex) = (packed.Count - 1, 0.0, label.Line, label.Index + 1);
        for (var i = label.Line; i <= label.Line + ColumnRunOn && i < region.End && last < centres.Length - 1; i++)
        {
            var frags = doc.Lines[i];
            var from = i == label.Line ? label.Index + 1 : 0;
            if (i > label.Line && frags.Any(f => f.Kind == Kind.Text && later.Any(r => Matches(r, f.Norm))))
            {
                break;
            }

            var values = frags.Skip(from + (i == label.Line ? packed.Count : 0)).Where(f => f.IsValue).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            if (doc.Spans[i].Length != frags.Length || frags.Skip(values[0].Index).Any(f => f.Kind == Kind.Text))
            {
                // No positions, or text after the numbers (prose, the next row's label): not this row's.
                return i == label.Line ? null : Done(cells, last, endLine, endIndex, cost, label);
            }

            var columns = values.Select(v => Column(centres, Centre(doc, v, wide))).ToList();
            if (columns.Any(c => c.Column < 0) || columns[0].Column <= last || columns.Zip(columns.Skip(1)).Any(p => p.Second.Column <= p.First.Column))
            {
                // A number between columns or out of order; a line whose numbers start again at the
                // first columns is the next row.
                return i == label.Line ? null : Done(cells, last, endLine, endIndex, cost, label);
            }

            if (packed.Count > 0 && cells.All(c => c is null))
            {
                if (columns[0].Column != packed.Count)
                {
                    // The numbers run into the label stand for the first columns, up to the first
                    // number in its place: they must be exactly as many.
                    return null;
                }

                for (var k = 0; k < packed.Count; k++)
                {
                    cells[k] = ToCell(packed[k]);
                }
            }

            for (var k = 0; k < values.Count; k++)
            {
                cells[columns[k].Column] = ToCell(values[k]);
                cost += columns[k].Distance;
            }

            last = columns[^1].Column;
            (endLine, endIndex) = (i, values[^1].Index + 1);
        }

        return Done(cells, last, endLine, endIndex, cost, label);
    }

    /// <summary>
    /// The numbers set one space after the label and after each other (a label too long for its
    /// column pushes the row's first numbers right): their positions say nothing.
    /// </summary>
    private static List<Frag> Packed(Doc doc, Frag label)
    {
        var packed = new List<Frag>();
        var spans = doc.Spans[label.Line];
        var frags = doc.Lines[label.Line];
        if (spans.Length != frags.Length)
        {
            return packed;
        }

        var end = spans[label.Index].End;
        for (var k = label.Index + 1; k < frags.Length && frags[k].IsValue && spans[k].Start - end <= 1; k++)
        {
            packed.Add(frags[k]);
            end = spans[k].End;
        }

        return packed;
    }

    private static (List<Cell> Cells, int Line, int Index, double Cost)? Done(Cell?[] cells, int last, int line, int index, double cost, Frag label) =>
        last == cells.Length - 1
            ? ([.. cells.Select(c => c ?? Cell.Blank(label.Source.Location))], line, index, cost)
            : null;

    /// <summary>The column whose middle is nearest to <paramref name="centre"/>, when it is nearer than halfway to the next one; else -1.</summary>
    private static (int Column, double Distance) Column(double[] centres, double centre)
    {
        var best = -1;
        for (var k = 0; k < centres.Length; k++)
        {
            if (best < 0 || Math.Abs(centres[k] - centre) < Math.Abs(centres[best] - centre))
            {
                best = k;
            }
        }

        var distance = Math.Abs(centres[best] - centre);
        var gap = Math.Min(
            best > 0 ? centres[best] - centres[best - 1] : double.MaxValue,
            best < centres.Length - 1 ? centres[best + 1] - centres[best] : double.MaxValue);
        var limit = gap == double.MaxValue ? 2.0 : Math.Min(gap / 2, 4.0);
        return distance < limit ? (best, distance) : (-1, distance);
    }
}
