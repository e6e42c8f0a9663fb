using System.Collections.Immutable;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>A row's value cells after its label: on its line (merged heads, padding, aligned columns), or on the lines after it when a row wraps.</summary>
internal sealed partial class StructuredNormaliser
{
    /// <summary>How many cells up to <paramref name="last"/> print the same value as it.</summary>
    private static int RepeatedBefore(List<Frag> cells, int last)
    {
        var value = cells[last];
        var n = 1;
        while (n <= last && cells[last - n] is { } f && f.Kind == value.Kind && f.Value == value.Value
            && string.Equals(f.Source.Text.Trim(), value.Source.Text.Trim(), StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// Whether the nearest header line above <paramref name="line"/> (as many fragments, no values)
    /// prints one text in each of the cells <paramref name="from"/> to <paramref name="to"/>: a column
    /// head merged over those columns and filled into each of them.
    /// </summary>
    private static bool MergedHead(Doc doc, (int Start, int End) region, int line, int from, int to)
    {
        var width = doc.Lines[line].Length;
        for (var i = line - 1; i >= Math.Max(region.Start, line - GridNeighbours); i--)
        {
            var frags = doc.Lines[i];
            if (frags.Length != width || frags.Any(f => f.IsValue))
            {
                continue;
            }

            return frags[from].Kind == Kind.Text && frags.Skip(from + 1).Take(to - from).All(f => f.Kind == Kind.Text && f.Norm == frags[from].Norm);
        }

        return false;
    }

    /// <summary>
    /// Where the row's cells start on <paramref name="line"/>, told by the nearest header line above
    /// it (as many fragments, no values, text at <paramref name="labelIndex"/>): its text cells after
    /// the label, when they are exactly <paramref name="needed"/>, one after another, and the others
    /// empty, and another header line of the table as wide has text in every cell (the empty heads
    /// pad a merged cell); else null.
    /// </summary>
    private static int? HeadStart(Doc doc, (int Start, int End) region, int line, int labelIndex, int needed)
    {
        var width = doc.Lines[line].Length;
        bool IsHeader(Frag[] frags) => frags.Length == width && frags[labelIndex].Kind == Kind.Text && !frags.Any(f => f.IsValue);
        for (var i = line - 1; i >= Math.Max(region.Start, line - GridNeighbours); i--)
        {
            var frags = doc.Lines[i];
            if (frags.Length != width || frags.Any(f => f.IsValue))
            {
                continue;
            }

            var first = Array.FindIndex(frags, labelIndex + 1, f => f.Kind == Kind.Text);
            var heads = IsHeader(frags) && first > 0 && first + needed <= width
                && Enumerable.Range(labelIndex + 1, width - labelIndex - 1).All(k => (frags[k].Kind == Kind.Text) == (k >= first && k < first + needed));
            return heads && first + needed < width
                && Enumerable.Range(region.Start, region.End - region.Start).Any(k => IsHeader(doc.Lines[k]) && doc.Lines[k].All(f => f.Kind == Kind.Text))
                ? first
                : null;
        }

        return null;
    }

    private static (List<Frag> Values, int Line, int Index) CollectValues(Doc doc, (int Start, int End) region, Frag label, int needed, RowDef[] later)
    {
        var values = new List<Frag>(needed);
        var same = doc.Lines[label.Line].Skip(label.Index + 1).ToList();
        var endLine = label.Line;
        var endIndex = label.Index + 1;
        if (same.Count > 0 && same.Count < needed && same.All(f => f.Kind == Kind.Empty)
            && Continuation(doc, region, label.Line, needed - same.Count) is { } tail)
        {
            // Fewer empty cells than the row has, and the lines after hold exactly the rest: the
            // row's cells broken over lines (empty ones are blanks).
            values.AddRange(same);
            values.AddRange(tail);
            return (values, tail[^1].Line, tail[^1].Index + 1);
        }

        if (same.Any(f => f.IsValue))
        {
            // Cells on the label's own line: trim the empty cells that merged label columns and
            // trailing separators leave, then read the row's cells in order (an empty one is blank).
            var cells = same.SkipWhile(f => f.Kind == Kind.Text).ToList();
            var afterText = cells.FindIndex(f => f.Kind == Kind.Text);
            if (afterText >= 0)
            {
                cells = cells.Take(afterText).ToList();
            }

            if (cells.Count > needed && cells.FindLastIndex(f => f.IsValue) is >= 1 and var lastValue && RepeatedBefore(cells, lastValue) is > 1 and var repeated
                && MergedHead(doc, region, label.Line, cells[lastValue - repeated + 1].Index, cells[lastValue].Index))
            {
                // More cells than the row has, the last values the same under a column head printed
                // the same in each of their columns: a merged cell filled into every column it covers
                // (a converter that fills merged cells: "信息内容 | 上一年项目数量 | 本年增/减 | 本年增/减"
                // over "行政事业性收费 |  | 78 | 78"), one value; an empty cell before it is a blank.
                while (cells.Count > needed && cells.Count > lastValue + 1)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                var drop = Math.Min(repeated - 1, cells.Count - needed);
                cells.RemoveRange(cells.Count - drop, drop);
            }

            if (cells.Count > needed && cells[0].Kind == Kind.Empty
                && HeadStart(doc, region, label.Line, label.Index, needed) is { } head
                && cells.FindIndex(f => f.Index == head) is >= 0 and var under && under + needed <= cells.Count
                && cells.Where((f, k) => k < under || k >= under + needed).All(f => f.Kind == Kind.Empty))
            {
                // More cells than the row has, an empty one first, under a header line whose column
                // heads after the label are exactly the row's cells and the rest empty, in a table
                // whose wider headers fill the whole width (so the empty heads are a colspan's
                // padding, not a blank column): the cells under the heads are the row's, the empty
                // ones after them padding ("信息内容 | 采购项目数量 | 采购总金额 |  |" over
                // "政府集中采购 |  | 0 |  |", a converter that pads merged cells).
                cells = cells.GetRange(under, needed);
            }

            if (cells.Count > needed && cells[0].Kind == Kind.Empty && cells[^1].Kind == Kind.Empty
                && AlignedStart(doc, region, label.Line, label.Index, needed) is { } start
                && cells.FindIndex(f => f.Index == start) is >= 0 and var first
                && first + needed <= cells.Count)
            {
                // Empty cells both before and after the row's cells (a merged label column, a blank
                // trailing column), and one of them is a blank: the grid's other rows say where the
                // row's cells stand.
                cells = cells.GetRange(first, needed);
            }

            while (cells.Count > needed && cells[0].Kind == Kind.Empty)
            {
                cells.RemoveAt(0);
            }

            while (cells.Count > needed && cells[^1].Kind == Kind.Empty)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.Count > needed && cells.Count(f => f.IsValue) <= needed)
            {
                cells = cells.Where(f => f.IsValue).ToList();
            }

            if (cells.Count < needed && Continuation(doc, region, label.Line, needed - cells.Count) is { } rest)
            {
                // The row's cells broken over lines, exactly as many as the row has: empty ones are blanks.
                values.AddRange(cells);
                values.AddRange(rest);
                return (values, rest[^1].Line, rest[^1].Index + 1);
            }

            if (cells.Count < needed)
            {
                // The row continues on the next lines: empty cells here are layout, not blanks.
                cells = cells.Where(f => f.IsValue).ToList();
            }

            values.AddRange(cells.Take(needed));
            endIndex = values.Count > 0 ? values[^1].Index + 1 : endIndex;
        }

        else if (same.Count > 0 && same.All(f => f.Kind == Kind.Empty) && !NextLineHasValues(doc, region, label.Line, later, complete: same.Count >= needed))
        {
            // The label followed by empty cells only, and the next line is not this row's numbers:
            // the cells were left blank.
            values.AddRange(same.Take(needed));
            return (values, label.Line, label.Index + values.Count + 1);
        }

        for (var i = label.Line + 1; i < region.End && values.Count < needed; i++)
        {
            if (values.Count == 0 && i - label.Line > MaxLinesBeforeValues)
            {
                // So far from its label, a line of numbers is another table's (a heading left out
                // leaves the table's region open to the next table's rows).
                break;
            }

            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text && later.Any(r => Matches(r, f.Norm))))
            {
                break;
            }

            var lineValues = frags.Where(f => f.IsValue).ToList();
            if (lineValues.Count == 0)
            {
                if (values.Count > 0 && frags.Any(f => f.Kind == Kind.Text))
                {
                    break;
                }

                continue;
            }

            if (values.Count > 0 && frags.Any(f => f.Kind == Kind.Text))
            {
                break;
            }

            // A line of cells that is exactly as wide as what is missing keeps its empty cells as blanks
            // (also when only empty cells, a blank trailing column, make it wider).
            var row = frags.SkipWhile(f => f.Kind == Kind.Text).ToList();
            var missing = needed - values.Count;
            if (row.Count > missing && row[0].IsValue && row.Skip(missing).All(f => f.Kind == Kind.Empty))
            {
                row = row.Take(missing).ToList();
            }

            var take = row.Count == missing ? row : lineValues;
            foreach (var f in take)
            {
                if (values.Count == needed)
                {
                    break;
                }

                values.Add(f);
                endLine = i;
                endIndex = f.Index + 1;
            }
        }

        return (values, endLine, endIndex);
    }

    /// <summary>How many lines after its label a row's first value may stand (a label's tail, a page break between).</summary>
    private const int MaxLinesBeforeValues = 4;

    /// <summary>How many lines either side are looked at for a row of the same grid (<see cref="AlignedStart"/>).</summary>
    private const int GridNeighbours = 8;

    /// <summary>
    /// Where the row's cells start on <paramref name="line"/>, told by a nearby line of the same grid:
    /// as many fragments, its label at the same index, and <paramref name="needed"/> cells after it
    /// that start and end with a value (a blank between them) with only empty cells around them; else null.
    /// </summary>
    private static int? AlignedStart(Doc doc, (int Start, int End) region, int line, int labelIndex, int needed)
    {
        var width = doc.Lines[line].Length;
        for (var d = 1; d <= GridNeighbours; d++)
        {
            foreach (var i in (ReadOnlySpan<int>)[line - d, line + d])
            {
                if (i < region.Start || i >= region.End || doc.Lines[i].Length != width || doc.Lines[i][labelIndex].Kind != Kind.Text)
                {
                    continue;
                }

                var after = doc.Lines[i][(labelIndex + 1)..];
                var first = Array.FindIndex(after, f => f.Kind != Kind.Empty);
                if (first >= 0 && first + needed <= after.Length && after[first + needed - 1].IsValue
                    && Enumerable.Range(0, after.Length).All(k => (k >= first && k < first + needed) ? after[k].Kind != Kind.Text : after[k].Kind == Kind.Empty))
                {
                    return labelIndex + 1 + first;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The cells of the lines after <paramref name="line"/> that hold no text, when they are exactly
    /// <paramref name="count"/> (the rest of a row broken over lines); else null.
    /// </summary>
    private static List<Frag>? Continuation(Doc doc, (int Start, int End) region, int line, int count)
    {
        var rest = new List<Frag>(count);
        for (var i = line + 1; i < region.End && rest.Count < count; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text) || frags.Length == 0)
            {
                return null;
            }

            rest.AddRange(frags);
        }

        return rest.Count == count ? rest : null;
    }
}
