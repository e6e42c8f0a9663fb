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
    private static (List<Cell> Cells, int Line, int Index)? PlaceByColumns(Doc doc, (int Start, int End) region, Frag label, RowDef row, RowDef[] later)
    {
        if (DigitsRunIntoLabel(label.Source.Text))
        {
            // A number run into the label's end (（二）部分公开（区分处0): the row's first cell, which
            // has no position of its own; the row is left to the reading that splits it off.
            return null;
        }

        var page = label.Source.Location.X is not null;
        var (grids, captions) = FullRows(doc, region, label.Line, row, page);
        if (grids.Count == 0)
        {
            return null;
        }

        // The nearest rows' grid first; when it does not place the row, the second row's alone
        // (a full row of numbers set flush where the nearest is a header row of centred captions).
        foreach (var secondOnly in (ReadOnlySpan<bool>)[false, true])
        {
            if (secondOnly && (grids.Count < 2 || captions))
            {
                break;
            }

            List<GridLine> grid = secondOnly ? [grids[1]] : grids;
            // Cells' middles first, so a row they place reads as before; then left edges, then (on a
            // page) the columns' extents under captions centred in their cells, then right edges. The
            // extents come before right edges: a number standing wholly past a caption's right edge, in
            // the gap before the next caption, is flush left in the next column (本年增/减 centred in
            // a column reaching the table's edge), which right edges would fit to the caption before.
            // Under a text dump's captions a number is placed by whichever of its edges or middle is
            // aligned (UnderCaption), once.
            ReadOnlySpan<Align> aligns = captions ? [Align.Centre] : page ? [Align.Centre, Align.Left, Align.Cells, Align.Right] : [Align.Centre, Align.Left, Align.Right];
            foreach (var align in aligns)
            {
                // Numbers set one space after the label are first taken as pushed right by it; when so
                // they do not fit and the positions are the page's (a PDF, not text whose spaces may be
                // single), as standing in their columns (a label filling its column up to the number).
                // Both readings under each alignment before the next: a looser alignment may fit the
                // pushed reading by chance where a tighter one places the number in its own column.
                foreach (var positioned in (ReadOnlySpan<bool>)[false, true])
                {
                    if (positioned && !page)
                    {
                        break;
                    }

                    if (PlaceAligned(doc, region, label, grid, captions, align, later, positioned) is { } placed)
                    {
                        return (placed.Cells, placed.Line, placed.Index);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> ends with a digit run into a CJK character (a number glued to a label).</summary>
    private static bool DigitsRunIntoLabel(string text)
    {
        var t = text.TrimEnd();
        var k = t.Length;
        while (k > 0 && char.IsAsciiDigit(t[k - 1]))
        {
            k--;
        }

        return k < t.Length && k > 0 && t[k - 1] >= '\u2E80';
    }

    /// <summary>The row placed on <paramref name="grid"/> under one alignment, counting columns both ways (the better of the two).</summary>
    private static (List<Cell> Cells, int Line, int Index, double Cost)? PlaceAligned(Doc doc, (int Start, int End) region, Frag label, List<GridLine> grid, bool captions, Align align, RowDef[] later, bool positioned)
    {
        (List<Cell> Cells, int Line, int Index, double Cost)? best = null;
        foreach (var wide in (ReadOnlySpan<bool>)[false, true])
        {
            var column = ColumnOf(grid, captions, align, wide);
            if (Place(doc, region, label, grid[0].Cells.Length, column, later, positioned) is { } placed && (best is null || placed.Cost < best.Value.Cost))
            {
                best = placed;
            }
        }

        return best;
    }

    /// <summary>How a number's span is given its column under <paramref name="align"/>.</summary>
    private static Func<CellSpan, (int Column, double Distance)> ColumnOf(List<GridLine> grid, bool captions, Align align, bool wide)
    {
        if (captions)
        {
            return span => UnderCaption(grid[0].Cells, span, wide);
        }

        if (align == Align.Cells)
        {
            var starts = Points(grid, wide, Align.Left);
            var ends = Points(grid, wide, Align.Right);
            return span => InExtent(starts, ends, Point(span, wide, Align.Left));
        }

        var points = Points(grid, wide, align);
        return span => Column(points, Point(span, wide, align));
    }

    /// <summary>Which point of a cell stands for its column: its middle, its left edge or its right edge; or the column's extent.</summary>
    private enum Align
    {
        Centre,
        Left,
        Right,

        /// <summary>
        /// Captions centred in their cells (a PDF table's header) over numbers set flush left: a column
        /// extends from the previous caption's right edge, so a number's left edge lies between that
        /// and its own caption's left edge. A caption centred in a column reaching the table's edge
        /// (本年增/减 over 行政事业性收费's last cell) stands far from its numbers' edges and middles.
        /// </summary>
        Cells,
    }

    /// <summary>
    /// A line that gives the grid's columns: where each of its cells stands (a full row's numbers, a
    /// header row's captions, captions run together cut at the catalogue's column labels).
    /// </summary>
    private sealed record GridLine(CellSpan[] Cells);

    /// <summary>The longest column caption a header row of the grid is taken to have.</summary>
    private const int HeaderCellChars = 16;

    /// <summary>How far (in the spans' units) a number's left edge may stand past its caption's and still be flush with its column.</summary>
    private const double ExtentSlack = 1.0;

    /// <summary>
    /// Nearby lines (nearest first, at most two) that give the grid's columns: full rows (text, then
    /// exactly as many numbers as the row's cells and nothing after them) or, when there is none, a
    /// header row of as many captions (and the row-label column's). Numbers stand alike in every row
    /// (left-aligned under a caption by a Markdown converter, centred by a PDF), a caption maybe not;
    /// past a header row, rows are another block's, whose columns a text dump may have laid out anew.
    /// On a PDF page (<paramref name="page"/>) the whole table shares one grid: the nearest two lines of
    /// either kind, their captions compared by middle or edge as the numbers are.
    /// </summary>
    private static (List<GridLine> Rows, bool Captions) FullRows(Doc doc, (int Start, int End) region, int line, RowDef row, bool page)
    {
        var needed = row.Columns.Length;
        if (page)
        {
            return (NearestGridLines(doc, region, line, row), false);
        }

        var rows = new List<GridLine>(2);
        var headers = new List<GridLine>(2);
        var (pastHeaderAbove, pastHeaderBelow) = (false, false);
        for (var d = 1; d <= ColumnNeighbours && rows.Count < 2; d++)
        {
            foreach (var i in (ReadOnlySpan<int>)[line - d, line + d])
            {
                if (i < region.Start || i >= region.End || doc.Spans[i].Length != doc.Lines[i].Length || rows.Count == 2
                    || (i < line ? pastHeaderAbove : pastHeaderBelow))
                {
                    // Past a header row, rows are another block's grid (table 2's blocks each have theirs).
                    continue;
                }

                var frags = doc.Lines[i];
                if (FullRowStart(frags, needed) is { } first)
                {
                    rows.Add(new GridLine([.. doc.Spans[i][first..]]));
                }
                else if (headers.Count < 2 && needed > 1 && frags.Length is var n && (n == needed || n == needed + 1)
                    && frags.All(f => f.Kind == Kind.Text && f.Norm.Length <= HeaderCellChars))
                {
                    // The grid's header row (信息内容 本年制发件数 本年废止件数 现行有效件数): its
                    // column captions stand over the numbers.
                    headers.Add(new GridLine([.. doc.Spans[i][(n - needed)..]]));
                    (pastHeaderAbove, pastHeaderBelow) = (pastHeaderAbove || i < line, pastHeaderBelow || i > line);
                }
            }
        }

        return rows.Count > 0 ? (rows, false) : (headers, true);
    }

    /// <summary>Where a full row's numbers start (text, then exactly <paramref name="needed"/> numbers and nothing after them); else null.</summary>
    private static int? FullRowStart(Frag[] frags, int needed)
    {
        var first = Array.FindIndex(frags, f => f.IsValue);
        return first > 0 && frags.Length - first == needed && frags[first..].All(f => f.IsValue) && frags[..first].Any(f => f.Kind == Kind.Text)
            ? first
            : null;
    }

    /// <summary>The two lines nearest <paramref name="line"/> that are a full row or a header row, nearest first.</summary>
    private static List<GridLine> NearestGridLines(Doc doc, (int Start, int End) region, int line, RowDef row)
    {
        var needed = row.Columns.Length;
        var rows = new List<GridLine>(2);
        for (var d = 1; d <= ColumnNeighbours && rows.Count < 2; d++)
        {
            foreach (var i in (ReadOnlySpan<int>)[line - d, line + d])
            {
                if (i < region.Start || i >= region.End || doc.Spans[i].Length != doc.Lines[i].Length || rows.Count == 2)
                {
                    continue;
                }

                if (FullRowStart(doc.Lines[i], needed) is { } first)
                {
                    rows.Add(new GridLine([.. doc.Spans[i][first..]]));
                }
                else if (needed > 1 && Captions(doc, i, row) is { } captions && captions.Count is var n && (n == needed || n == needed + 1)
                    && captions.All(c => c.Norm.Length <= HeaderCellChars))
                {
                    rows.Add(new GridLine([.. captions.Skip(n - needed).Select(c => c.Span)]));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The captions of a line of text only, with where each stands; a run holding two or more of the
    /// row's column labels in order (本年制发件数本年废止件数现行有效件数: captions filling their columns
    /// with no space between) is cut at them, its width shared by their characters' widths. Null when
    /// the line holds anything but text.
    /// </summary>
    private static List<(string Norm, CellSpan Span)>? Captions(Doc doc, int line, RowDef row)
    {
        var frags = doc.Lines[line];
        if (!frags.All(f => f.Kind == Kind.Text))
        {
            return null;
        }

        var captions = new List<(string Norm, CellSpan Span)>(frags.Length + 2);
        foreach (var f in frags)
        {
            var span = doc.Spans[line][f.Index];
            if (RunOfColumnLabels(f.Norm, row) is not { } labels)
            {
                captions.Add((f.Norm, span));
                continue;
            }

            var widths = labels.Select(l => l.Sum(ch => ch >= '\u2E80' ? 2 : 1)).ToArray();
            var (total, before) = ((double)widths.Sum(), 0);
            for (var k = 0; k < labels.Count; k++)
            {
                var (from, to) = (before / total, (before + widths[k]) / total);
                captions.Add((LabelText.Normalize(labels[k]), new CellSpan(
                    Share(span.Start, span.End, from), Share(span.Start, span.End, to), Share(span.WideStart, span.WideEnd, from), Share(span.WideStart, span.WideEnd, to))));
                before += widths[k];
            }
        }

        return captions;
    }

    private static int Share(int start, int end, double part) => start + (int)Math.Round((end - start) * part, MidpointRounding.AwayFromZero);

    /// <summary>The row's column labels (two or more, consecutive) that <paramref name="norm"/> is made of, in order; else null.</summary>
    private static List<string>? RunOfColumnLabels(string norm, RowDef row)
    {
        if (row.Columns.Length < 2 || norm.Length <= HeaderCellChars / 2)
        {
            return null;
        }

        for (var s = 0; s < row.Columns.Length - 1; s++)
        {
            var (at, k) = (0, s);
            while (k < row.Columns.Length && LabelText.Normalize(row.Columns[k].Label) is var label && label.Length > 0
                && norm.AsSpan(at).StartsWith(label, StringComparison.Ordinal))
            {
                (at, k) = (at + label.Length, k + 1);
            }

            if (at == norm.Length && k - s >= 2)
            {
                return [.. row.Columns[s..k].Select(c => c.Label)];
            }
        }

        return null;
    }

    /// <summary>The grid's columns as points (middles or an edge): the nearest line's, or both lines' mean where they agree.</summary>
    private static double[] Points(List<GridLine> rows, bool wide, Align align)
    {
        var first = rows[0].Cells.Select(c => Point(c, wide, align)).ToArray();
        if (rows.Count < 2)
        {
            return first;
        }

        var second = rows[1].Cells.Select(c => Point(c, wide, align)).ToArray();
        return first.Zip(second).All(p => Math.Abs(p.First - p.Second) <= 1.5) ? [.. first.Zip(second, (a, b) => (a + b) / 2)] : first;
    }

    private static double Point(CellSpan span, bool wide, Align align) => align switch
    {
        Align.Left => wide ? span.WideStart : span.Start,
        Align.Right => wide ? span.WideEnd - 1 : span.End - 1,
        _ => wide ? span.WideCentre : span.Centre,
    };

    /// <summary>
    /// The column a number set flush left stands in when the grid's captions are centred in their cells
    /// (<see cref="Align.Cells"/>): its left edge lies past the previous caption's right edge and not past
    /// its own caption's left edge. -1 when it lies so for no column.
    /// </summary>
    private static (int Column, double Distance) InExtent(double[] starts, double[] ends, double start)
    {
        for (var k = 0; k < starts.Length; k++)
        {
            if ((k == 0 || start > ends[k - 1]) && start <= starts[k] + ExtentSlack)
            {
                return (k, Math.Max(0, start - starts[k]));
            }
        }

        return (-1, double.MaxValue);
    }

    /// <summary>Each number of the label's line and of the lines it runs onto, under its column.</summary>
    private static (List<Cell> Cells, int Line, int Index, double Cost)? Place(Doc doc, (int Start, int End) region, Frag label, int count, Func<CellSpan, (int Column, double Distance)> column, RowDef[] later, bool positioned)
    {
        var cells = new Cell?[count];
        var packed = positioned ? [] : Packed(doc, label);
        var (last, cost, endLine, endIndex) = (packed.Count - 1, 0.0, label.Line, label.Index + 1);
        var ended = label.Line + 1 >= region.End;
        for (var i = label.Line; i <= label.Line + ColumnRunOn && i < region.End && last < count - 1; i++)
        {
            var frags = doc.Lines[i];
            var from = i == label.Line ? label.Index + 1 : 0;
            if (i > label.Line && frags.Any(f => f.Kind == Kind.Text && later.Any(r => Matches(r, f.Norm))))
            {
                // The next row's label: the row ended, its last cells blank.
                ended = true;
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
                return i == label.Line ? null : Done(cells, last, endLine, endIndex, cost, label, ended: false);
            }

            var columns = values.Select(v => column(doc.Spans[v.Line][v.Index])).ToList();
            var ordered = columns.All(c => c.Column >= 0) && columns.Zip(columns.Skip(1)).All(p => p.Second.Column > p.First.Column);
            if (!ordered || columns[0].Column <= last)
            {
                // A number between columns or out of order: positions do not say; a line whose numbers
                // start again at or before this row's last column is the next row (this one ended).
                return i == label.Line ? null : Done(cells, last, endLine, endIndex, cost, label, ended: ordered && frags[0].Kind == Kind.Text);
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

        return Done(cells, last, endLine, endIndex, cost, label, ended || NextRowFollows(doc, region, label.Line + 1, later));
    }

    /// <summary>
    /// Whether, from <paramref name="line"/>, lines without numbers (a heading, a header row) lead to
    /// the next row's label or the table's end: the row before them ended there.
    /// </summary>
    private static bool NextRowFollows(Doc doc, (int Start, int End) region, int line, RowDef[] later)
    {
        for (var i = line; i < region.End && i <= line + ColumnNeighbours; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text && later.Any(r => Matches(r, f.Norm))))
            {
                return true;
            }

            // Numbers, or digits run into text (a glued form: a label's tail with its row's cells).
            if (frags.Any(f => f.IsValue || (f.Kind == Kind.Text && EndsWithDigits(f.Source.Text))))
            {
                return false;
            }
        }

        return line + ColumnNeighbours >= region.End;
    }

    /// <summary>Whether <paramref name="text"/> ends with two or more digits (cells glued to a label; a year ends with 年).</summary>
    private static bool EndsWithDigits(string text)
    {
        var t = text.TrimEnd();
        return t.Length >= 2 && char.IsAsciiDigit(t[^1]) && char.IsAsciiDigit(t[^2]);
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

    /// <summary>
    /// The row's cells, when its last column was reached or the row is known to have ended (the next
    /// row follows): the cells no number stands under are blank. Else null.
    /// </summary>
    private static (List<Cell> Cells, int Line, int Index, double Cost)? Done(Cell?[] cells, int last, int line, int index, double cost, Frag label, bool ended) =>
        cells.Any(c => c is not null) && (last == cells.Length - 1 || ended)
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

    /// <summary>
    /// The header caption a number stands under, aligned with it as a column's cells are: its left edge
    /// (a Markdown converter's table), its middle (a PDF's) or its right edge, within a column; -1 when
    /// it is aligned with none (a caption centred over merged columns, or a browser's dump that narrows
    /// an empty column, says nothing of where the number stands).
    /// </summary>
    private static (int Column, double Distance) UnderCaption(CellSpan[] captions, CellSpan number, bool wide)
    {
        var (best, bestDistance) = (-1, double.MaxValue);
        var (start, end) = wide ? (number.WideStart, number.WideEnd) : (number.Start, number.End);
        for (var k = 0; k < captions.Length; k++)
        {
            var (s, e) = wide ? (captions[k].WideStart, captions[k].WideEnd) : (captions[k].Start, captions[k].End);
            var distance = Math.Min(Math.Min(Math.Abs(s - start), Math.Abs(e - end)), Math.Abs(((s + e) / 2.0) - ((start + end) / 2.0)));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (k, distance);
            }
        }

        return bestDistance <= 1 ? (best, bestDistance) : (-1, bestDistance);
    }
}
