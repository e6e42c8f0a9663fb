using System.Collections.Immutable;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Row and cell assignment: each row found by its label phrases in table order, and its value cells (on its line, or on the next lines when a row wraps).</summary>
internal sealed partial class StructuredNormaliser
{
    private static bool Matches(RowDef row, string norm)
    {
        if (norm.Length == 0)
        {
            return false;
        }

        var any = false;
        foreach (var m in row.Match)
        {
            if (row.Exact ? norm.Length <= m.Length + 4 && norm.EndsWith(m, StringComparison.Ordinal) : norm.Contains(m, StringComparison.Ordinal))
            {
                any = true;
                break;
            }
        }

        return any && !ContainsAny(norm, row.Exclude);
    }

    private static bool ContainsAny(string text, ImmutableArray<string> phrases)
    {
        foreach (var x in phrases)
        {
            if (text.Contains(x, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="head"/> could begin a label that <see cref="MatchesAcross"/> finds
    /// (checked before the next text is looked for): for an exact row, a head short enough; else a
    /// head that ends with the start of one of the row's phrases.
    /// </summary>
    private static bool MayContinue(RowDef row, string head)
    {
        if (head.Length == 0)
        {
            return false;
        }

        foreach (var m in row.Match)
        {
            if (row.Exact)
            {
                if (head.Length <= m.Length + 3)
                {
                    return true;
                }

                continue;
            }

            for (var k = Math.Min(m.Length - 1, head.Length); k >= 1; k--)
            {
                if (m[k - 1] == head[^1] && head.AsSpan(head.Length - k).SequenceEqual(m.AsSpan(0, k)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a label wrapped from <paramref name="head"/> onto <paramref name="tail"/> matches
    /// <paramref name="row"/>: the phrase must start in the head (a caption line followed by the
    /// row's own label is not that row).
    /// </summary>
    private static bool MatchesAcross(RowDef row, string head, string tail)
    {
        if (head.Length == 0 || tail.Length == 0)
        {
            return false;
        }

        var joined = head + tail;
        if (row.Exact)
        {
            return Matches(row, joined) && row.Match.Any(m => joined.Length - m.Length < head.Length);
        }

        return !row.Exclude.Any(x => joined.Contains(x, StringComparison.Ordinal))
            && row.Match.Any(m => joined.IndexOf(m, StringComparison.Ordinal) is >= 0 and var at && at < head.Length && at + m.Length > head.Length);
    }

    /// <summary>Reads the rows of <paramref name="layout"/> in order; returns how many rows were found.</summary>
    private static int ReadRows(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder)
    {
        if (ReadDetached(doc, region, layout, builder) is > 0 and var detached)
        {
            return detached;
        }

        var found = 0;
        var line = region.Start;
        var index = 0;
        var headers = HeaderLines(doc, region, layout);

        // A source that prints no empty cell: a row whose cells are all blank is its label alone, and
        // the next table's rows (a heading between left out) end the table as a later row does.
        var noEmptyCell = PrintsNoEmptyCell(doc, region);
        var cellPerLine = PrintsCellPerLine(doc, region);
        var emptyLines = doc.EmptyCellLines;
        RowDef[] others = noEmptyCell ? [.. OtherTablesRows(builder.Catalogue, layout)] : [];
        (RowDef Row, int LastLine)? cellLines = null;
        var labelLines = new HashSet<int>();
        var valuedLabels = new HashSet<int>();
        (int Line, int Index)? resume = null;
        for (var r = 0; r < layout.Rows.Length; r++)
        {
            if (resume is { } back && (back.Line > line || (back.Line == line && back.Index > index)))
            {
                (line, index) = back;
            }

            resume = null;
            var previous = cellLines;
            cellLines = null;
            var row = layout.Rows[r];
            var label = FindLabel(doc, region, line, index, row, headers);
            if (label is null && cellPerLine && FindLabel(doc, region, region.Start, 0, row, headers) is { } earlier && earlier.Line < line && !labelLines.Contains(earlier.Line))
            {
                // A label printed before an earlier row's, one cell a line (pdftotext's default order
                // puts a block whose label cells stand lower after the next block): read there, and
                // the rows after it looked for from where the table had got to.
                label = earlier;
                resume = (line, index);
            }

            if (label is not null)
            {
                labelLines.Add(label.Line);
            }

            if (label is null)
            {
                var where = region.Start > 0 && region.Start - 1 < doc.Lines.Length && doc.Lines[region.Start - 1].Length > 0
                    ? doc.Lines[region.Start - 1][0].Source.Location
                    : new SourceLocation(doc.Source.Name);
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    builder.Set(new CellRef(layout.Table, row.Key, c), Cell.Missing with { Source = where });
                }

                continue;
            }

            found++;
            if (cellPerLine && !emptyLines && LabelRun(doc, region, layout, r, label) is { } block)
            {
                // A block's labels one after another, then its numbers: read in the order the text
                // shows, else only the cells both orders agree on.
                for (var k = 0; k < block.Rows.Count; k++)
                {
                    var blockRow = layout.Rows[r + k];
                    for (var c = 0; c < blockRow.Columns.Length; c++)
                    {
                        builder.Set(new CellRef(layout.Table, blockRow.Key, c), block.Rows[k][c] is { } cell ? ToCell(cell) : Cell.Missing with { Source = label.Source.Location });
                    }

                    if (block.Rows[k].Any(c => c is null))
                    {
                        doc.ShortRows.Add($"{layout.Table}/{blockRow.Key}");
                    }
                }

                doc.Claim(block.Run);
                found += block.Rows.Count - 1;
                (line, index) = (block.End, 0);
                r += block.Rows.Count - 1;
                continue;
            }

            var later = layout.Rows.Skip(r + 1).ToArray();
            var (values, endLine, endIndex) = ValueBeforeLabel(doc, label, row, line) is { } before
                ? ([before], label.Line, label.Index + 1)
                : CollectValues(doc, region, label, row.Columns.Length, noEmptyCell ? [.. later, .. others] : later);
            if (values.Count > 0 && values[0].Line > label.Line + 1 && CaptionBetween(doc, layout, row, label.Line + 1, values[0].Line))
            {
                // Past a column caption: the numbers are the next block's (本年处理决定数量 / 行政强制 /
                // 第二十条第（八）项 / 信息内容 / 本年收费金额（单位：万元） / 6.9).
                values.Clear();
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                (endLine, endIndex) = (label.Line, label.Index + 1);
            }

            if (values.Count > 0 && cellPerLine && !emptyLines && doc.Lines[label.Line].Length == 1 && AfterAnotherLabel(doc, region, layout, row, label, valuedLabels) && OutOfRowOrder(doc, region, layout))
            {
                // One cell a line in an order other than the rows' (pdfminer's): a label right after
                // another row's, no number between, then numbers; whose they are the text does not say.
                values.Clear();
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                (endLine, endIndex) = (label.Line, label.Index + 1);
            }

            if (values.Count > 0 && cellPerLine && !emptyLines && doc.Lines[label.Line].Length == 1 && values[0].Line > label.Line
                && UnclaimedNumberRightBefore(doc, region, label) && NextOfBlockAlone(doc, region, layout, r, values[^1], headers))
            {
                // 0 / 行政许可 / 7 / 0 / 0 / … / 其他对外管理服务事项 / (no number): pdftotext's default
                // order put a number of the row before its label and left the block's next row's label
                // without numbers; the numbers after this label may be that row's. Left unread.
                values.Clear();
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                (endLine, endIndex) = (label.Line, label.Index + 1);
            }

            var labelAlone = values.Count == 0;
            if (values.Count < row.Columns.Length && values.Count > 0 && values.All(v => doc.Spans[v.Line].Length == doc.Lines[v.Line].Length)
                && PlaceByColumns(doc, region, label, row, later) is { } placed)
            {
                // Text laid out in columns: each number's position says its cell; the others are blank.
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    builder.Set(new CellRef(layout.Table, row.Key, c), placed.Cells[c]);
                }

                doc.Claim(values);
                (line, index) = (placed.Line, placed.Index);
                continue;
            }

            if (values.Count == 0 && doc.Lines[label.Line].Length == 1 && label.Norm.Length <= 40 && label.Norm.Count(char.IsAsciiDigit) <= 2 && !char.IsAsciiDigit(label.Norm[^1])
                && (((doc.SpaceSeparated.Any(s => s) || doc.Spans[label.Line].Length > 0) && NextRowFollows(doc, region, label.Line + 1, later))
                    || (noEmptyCell && NextRowFollows(doc, region, label.Line + 1, [.. later, .. others]))
                    || (cellPerLine && NextRowFollows(doc, region, label.Line + 1, later))))
            {
                // Text cut at spaces, or a table without rules whose runs' positions are kept (a PDF's):
                // a label alone on its line (no digits run into it, as in a glued form), then the next
                // row's label (or a heading, or the table's end) with no number between: the row's
                // cells were left blank. So too in a table printed one cell per line (a document's
                // text export, a page's cells as paragraphs), whose empty cells leave no line.
                values.AddRange(Enumerable.Repeat(label with { Kind = Kind.Empty, Value = null }, row.Columns.Length));
            }

            if (values.Count > 0 && values.All(v => v.Kind == Kind.Empty && v.Line == label.Line && v.Index == label.Index))
            {
                // A blank row told by its label standing alone. Not when numbers no row took stand
                // before it (a block printed captions, numbers, then labels: pdftotext's default
                // order): then its numbers are the ones under its columns' captions, else unknown.
                if (CaptionedNumbersBefore(doc, region, layout, r, label) is { } captioned)
                {
                    values = captioned;
                }
                else if (UnclaimedNumberBefore(doc, region, label) || (cellPerLine && OutOfRowOrder(doc, region, layout)))
                {
                    doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                    values.Clear();
                }
            }

            if (values.Count == 0 && doc.Lines[label.Line].Length == 1 && UnclaimedNumberBefore(doc, region, label))
            {
                // No number after the label, numbers no row took before it: the row's cells are the
                // block's run under its captions when it is exact (CaptionedNumbersBefore), else they
                // may be among them; not to be filled by another reading's guess.
                if (CaptionedNumbersBefore(doc, region, layout, r, label) is { } captioned)
                {
                    values = captioned;
                }
                else
                {
                    doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                }
            }

            if (values.Count < row.Columns.Length && values.Count > 0 && emptyLines && OneCellPerLine(doc, label, values)
                && ByEmptyLines(doc, label, values, row.Columns.Length) is { } byLines)
            {
                // One cell per line, an empty cell an empty line (LibreOffice's text export): each
                // number's line says its cell.
                values = byLines;
            }

            if (values.Count < row.Columns.Length && values.Count > 0
                && ((doc.SpaceSeparated[label.Line] && values.All(v => v.Line == label.Line)) || SkipsEmptyCells(doc, values) || OneCellPerLine(doc, label, values)))
            {
                // Fewer numbers than cells on a line cut at spaces only, on a line of separated cells
                // that prints no empty cell (a scraper's `规章 | 5 | 9 |`), or one per line after a label
                // alone on its line (a document's text export whose empty cells' lines were dropped): a
                // blank cell left no trace, so which one it was is unknown; leave the row unread rather
                // than shift its numbers.
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                values.Clear();
            }

            var blankByLabel = values.Count > 0 && values.All(v => v.Kind == Kind.Empty && v.Line == label.Line && v.Index == label.Index);
            if (labelAlone && (blankByLabel || values.Count == 0) && cellPerLine && !emptyLines && previous is { } above && above.LastLine == label.Line - 1
                && SameColumns(above.Row, row))
            {
                // One cell per line, blanks leaving no trace: 行政处罚 / 3 / 行政强制 / (the next block)
                // is 3 and a blank, or (pdftotext's default order puts the lower row's number after the
                // upper label when the upper cell is empty) a blank and 3. Both rows are left unread.
                foreach (var r2 in new[] { above.Row, row })
                {
                    doc.ShortRows.Add($"{layout.Table}/{r2.Key}");
                    for (var c = 0; c < r2.Columns.Length; c++)
                    {
                        builder.Set(new CellRef(layout.Table, r2.Key, c), Cell.Missing with { Source = label.Source.Location });
                    }
                }

                (line, index) = (endLine, endIndex);
                continue;
            }

            if (!blankByLabel && values.Count == row.Columns.Length && doc.Lines[label.Line].Length == 1
                && values.All(v => v.Line > label.Line && doc.Lines[v.Line].Length == 1) && values[^1].Line == label.Line + values.Count)
            {
                cellLines = (row, values[^1].Line);
            }

            if (values.Any(v => v.Source.Unsettled || v.Source.OneOf))
            {
                // Cells the source holds but does not settle: not to be filled by another reading.
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
            }

            if (values.Take(row.Columns.Length).Select((v, c) => (v, c)).Where(x => x.v.Source.OneOf).ToList() is { Count: > 1 } oneOf && oneOf.All(x => x.v.Kind == Kind.Number))
            {
                doc.OneOf.Add(new OneOfCells([.. oneOf.Select(x => new CellRef(layout.Table, row.Key, x.c))], [.. oneOf.Select(x => x.v.Value!.Value)], [.. oneOf.Select(x => x.v.Source)]));
            }

            if (cellPerLine && row.Columns.Length > 2 && row.Columns[^1].Label == "总计" && values.Count == row.Columns.Length
                && values.All(v => v.Kind == Kind.Number) && !AddsUpToTotal([.. values.Select(v => v.Value!.Value)]))
            {
                // One cell a line, where a row's cells are not surely those after its label (pdftotext's
                // or pdfminer's order): a row that does not add up was most likely cut from other rows'
                // cells; left unread, not misread (a report's own wrong sum is then not reported).
                values.Clear();
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
            }

            if (values.Any(v => v.IsValue))
            {
                valuedLabels.Add(label.Line);
            }

            for (var c = 0; c < row.Columns.Length; c++)
            {
                var cellRef = new CellRef(layout.Table, row.Key, c);
                builder.Set(cellRef, c < values.Count ? ToCell(values[c]) : Cell.Missing with { Source = label.Source.Location });
            }

            doc.Claim(values);
            (line, index) = (endLine, endIndex);
        }

        return found;
    }

    /// <summary>The rows of the catalogue's other tables than <paramref name="layout"/>'s.</summary>
    private static IEnumerable<RowDef> OtherTablesRows(FormatCatalogue catalogue, TableLayout layout) =>
        catalogue.Layouts.Where(l => l.Table != layout.Table).SelectMany(l => l.Rows);

    /// <summary>
    /// A converter's table whose labels stand apart from their numbers: every row label on a line
    /// without values, then a block of lines of values only, one per found row and as wide as the
    /// row. The value lines are the rows' cells in label order. Returns the rows read, or 0 when the
    /// table is not laid out so.
    /// </summary>
    private static int ReadDetached(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder)
    {
        var labels = new List<(RowDef Row, Frag Label)>();
        var (line, index) = (region.Start, 0);
        var headers = HeaderLines(doc, region, layout);
        foreach (var row in layout.Rows)
        {
            if (FindLabel(doc, region, line, index, row, headers) is not { } label)
            {
                continue;
            }

            if (doc.Lines[label.Line].Any(f => f.IsValue))
            {
                return 0;
            }

            labels.Add((row, label));
            (line, index) = (label.Line, label.Index + 1);
        }

        if (labels.Count < 2)
        {
            return 0;
        }

        var valueLines = new List<Frag[]>(labels.Count);
        for (var i = labels[^1].Label.Line + 1; i < region.End && valueLines.Count < labels.Count; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text))
            {
                if (valueLines.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (frags.Any(f => f.IsValue))
            {
                valueLines.Add(frags);
            }
        }

        if (valueLines.Count != labels.Count || valueLines.Select((v, k) => v.Length == labels[k].Row.Columns.Length).Any(ok => !ok))
        {
            return 0;
        }

        for (var k = 0; k < labels.Count; k++)
        {
            var row = labels[k].Row;
            for (var c = 0; c < row.Columns.Length; c++)
            {
                builder.Set(new CellRef(layout.Table, row.Key, c), ToCell(valueLines[k][c]));
                doc.Claim([valueLines[k][c]]);
            }
        }

        foreach (var row in layout.Rows.Where(r => labels.All(l => l.Row != r)))
        {
            for (var c = 0; c < row.Columns.Length; c++)
            {
                builder.Set(new CellRef(layout.Table, row.Key, c), Cell.Missing with { Source = labels[0].Label.Source.Location });
            }
        }

        return labels.Count;
    }

    /// <summary>
    /// The region's lines that are a header row of the table's grid (two or more of its column
    /// labels, no values: 商业企业 … 其他, 自然人 … 总计), also where the header is printed again after a
    /// page break: no row label is read from them (其他, 总计 are row labels too).
    /// </summary>
    private static bool[] HeaderLines(Doc doc, (int Start, int End) region, TableLayout layout)
    {
        var headers = new bool[Math.Max(0, region.End - region.Start)];
        if (!layout.IsGrid)
        {
            return headers;
        }

        var columns = layout.Columns.Select(c => LabelText.Normalize(c.Label)).ToHashSet(StringComparer.Ordinal);
        for (var i = region.Start; i < region.End; i++)
        {
            var frags = doc.Lines[i];
            headers[i - region.Start] = frags.Length <= MaxRowCells && !frags.Any(f => f.IsValue)
                && frags.Count(f => f.Kind == Kind.Text && columns.Contains(f.Norm)) >= 2;
        }

        return headers;
    }

    /// <summary>Whether the line before the label, empty lines aside, is a number alone that no row took.</summary>
    private static bool UnclaimedNumberRightBefore(Doc doc, (int Start, int End) region, Frag label)
    {
        var i = label.Line - 1;
        while (i >= region.Start && doc.Lines[i].Length == 0)
        {
            i--;
        }

        return i >= region.Start && doc.Lines[i] is [{ Kind: Kind.Number } f] && !doc.Claimed(f);
    }

    /// <summary>
    /// Whether the next row of the layout is of the same block (the same columns) and its label,
    /// found after <paramref name="after"/>, stands alone with no number after it (the next line
    /// printed is text, or the table ends).
    /// </summary>
    private static bool NextOfBlockAlone(Doc doc, (int Start, int End) region, TableLayout layout, int r, Frag after, bool[] headers)
    {
        if (r + 1 >= layout.Rows.Length || !SameColumns(layout.Rows[r], layout.Rows[r + 1])
            || FindLabel(doc, region, after.Line, after.Index + 1, layout.Rows[r + 1], headers) is not { } next || doc.Lines[next.Line].Length != 1)
        {
            return false;
        }

        var i = next.Line + 1;
        while (i < region.End && doc.Lines[i].Length == 0)
        {
            i++;
        }

        return i >= region.End || doc.Lines[i].All(f => f.Kind == Kind.Text);
    }

    private static Frag? FindLabel(Doc doc, (int Start, int End) region, int line, int index, RowDef row, bool[] headers)
    {
        for (var i = line; i < region.End; i++)
        {
            if (headers[i - region.Start])
            {
                continue;
            }

            var frags = doc.Lines[i];
            for (var j = i == line ? index : 0; j < frags.Length; j++)
            {
                if (frags[j].Kind != Kind.Text || frags[j].RunTogether)
                {
                    continue;
                }

                if (Matches(row, frags[j].Norm) || (MayContinue(row, frags[j].Norm) && MatchesAcross(row, frags[j].Norm, NextText(doc, region, i, j))))
                {
                    return frags[j];
                }

                if (!row.Exact && frags[j].Source.Location.X is { } x && frags.Skip(j + 1).FirstOrDefault(f => f.Kind != Kind.Empty)?.IsValue == true
                    && Matches(row, frags[j].Norm + TailBelow(doc, region, i, x, withValues: false)))
                {
                    // A label head followed by its row's numbers, the rest of the label below it in its
                    // column (lines without numbers): the row's phrase may lie in that rest.
                    return frags[j];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the next line holds this row's values: it starts with values, or with the tail of a
    /// label split over two rows (text that is no later row's label) followed by values.
    /// </summary>
    /// <remarks>
    /// When the label's line already has as many (empty) cells as the row (<paramref name="complete"/>),
    /// only a label tail followed by values continues it: a bare number on the next line is then not
    /// this row's (a page number, the next block), and the row's cells were left blank.
    /// </remarks>
    private static bool NextLineHasValues(Doc doc, (int Start, int End) region, int line, RowDef[] later, bool complete)
    {
        if (line + 1 >= region.End || doc.Lines[line + 1].Length == 0)
        {
            return false;
        }

        var next = doc.Lines[line + 1].SkipWhile(f => f.Kind == Kind.Empty).ToList();
        if (next.Count == 0)
        {
            return false;
        }

        if (next[0].IsValue)
        {
            return !complete;
        }

        if (next[0].Kind != Kind.Text || later.Any(r => Matches(r, next[0].Norm)))
        {
            return false;
        }

        if (next.Skip(1).SkipWhile(f => f.Kind == Kind.Empty).FirstOrDefault()?.IsValue == true)
        {
            return true;
        }

        // The tail itself broken over one more line (a line break inside the label's cell): text
        // alone on this line, then text followed by values.
        return next.Count == 1 && line + 2 < region.End
            && doc.Lines[line + 2].SkipWhile(f => f.Kind == Kind.Empty).ToList() is [{ Kind: Kind.Text } tail, .. var rest]
            && !later.Any(r => Matches(r, tail.Norm))
            && rest.SkipWhile(f => f.Kind == Kind.Empty).FirstOrDefault()?.IsValue == true;
    }

    /// <summary>The text that continues a label wrapped onto the next cell or line (up to two more lines).</summary>
    private static string NextText(Doc doc, (int Start, int End) region, int line, int index)
    {
        var frags = doc.Lines[line];
        // The empty cells a label head leaves before the row's end (a row has at most a few; bounded,
        // so a line of thousands of fragments stays linear).
        for (var k = index + 1; k < frags.Length && k <= index + MaxRowCells; k++)
        {
            if (frags[k].Kind != Kind.Empty)
            {
                return frags[k].Kind == Kind.Text ? frags[k].Norm
                    : frags[index].Source.Location.X is { } x ? TailBelow(doc, region, line, x) : string.Empty;
            }
        }

        if (frags.Length - index - 1 > MaxRowCells)
        {
            return string.Empty;
        }

        if (frags[index].Source.Location.X is { } left && TailBelow(doc, region, line, left) is { Length: > 0 } below)
        {
            // Positions known (PDF): the tail is the text below in the head's column.
            return below;
        }

        var sb = new StringBuilder();
        for (var i = line + 1; i < region.End && i <= line + 2; i++)
        {
            var first = doc.Lines[i].FirstOrDefault(f => f.Kind != Kind.Empty);
            if (first is null && doc.Lines[i].Length > 0 && sb.Length == 0)
            {
                // The head's row goes on with empty cells only on this line (a Markdown row broken
                // after the label's head: "| 行政规" / " | | | |" / "| 范性文件 | 0 | 5 |").
                continue;
            }

            if (first is null || first.Kind != Kind.Text)
            {
                break;
            }

            sb.Append(first.Norm);
            if (doc.Lines[i].Any(f => f.IsValue))
            {
                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>How far (points) a label's tail may stand from its head's left edge.</summary>
    private const double TailTolerance = 2.0;

    /// <summary>
    /// A label whose row's numbers follow it on its line, its text going on below in the same column
    /// (a PDF's top-aligned cells), or the row's numbers on the line between (a cell centred across
    /// the label's lines): the text of the next lines (at most two) at the head's left edge; with
    /// <paramref name="withValues"/> false, only up to the next line holding numbers.
    /// </summary>
    private static string TailBelow(Doc doc, (int Start, int End) region, int line, double x, bool withValues = true)
    {
        var sb = new StringBuilder();
        var start = PastPageHeader(doc, region, line, x);
        for (var i = start; i < region.End && i <= start + 1; i++)
        {
            var frags = doc.Lines[i];
            if (!withValues && frags.Any(f => f.IsValue))
            {
                break;
            }

            var same = frags.FirstOrDefault(f => f.Kind == Kind.Text && f.Source.Location.X is { } at && Math.Abs(at - x) <= TailTolerance);
            if (same is not null)
            {
                sb.Append(same.Norm);
                if (frags.Any(f => f.IsValue))
                {
                    break;
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The line a label's tail below <paramref name="line"/> starts on: the next line, or, when a
    /// page break follows the label's line, the first line of the next page with text in the label's
    /// column past the table's header printed again there (lines of text only, none in that column).
    /// </summary>
    private static int PastPageHeader(Doc doc, (int Start, int End) region, int line, double x)
    {
        var next = line + 1;
        if (next >= region.End || PageOf(doc, line) is not { } page || PageOf(doc, next) is not { } after || after <= page)
        {
            return next;
        }

        for (var i = next; i < region.End && i <= line + ColumnNeighbours; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.IsValue))
            {
                return next;
            }

            if (frags.Any(f => f.Kind == Kind.Text && f.Source.Location.X is { } at && Math.Abs(at - x) <= TailTolerance)
                && !Repeated(doc, region, i, line))
            {
                return i;
            }
        }

        return next;
    }

    /// <summary>
    /// Whether <paramref name="line"/> repeats a line of the region before <paramref name="before"/>
    /// word for word (the table's header printed again after a page break: <c>和）</c> of a wrapped
    /// caption may stand in a label's column).
    /// </summary>
    private static bool Repeated(Doc doc, (int Start, int End) region, int line, int before)
    {
        var frags = doc.Lines[line];
        for (var i = region.Start; i < before; i++)
        {
            var other = doc.Lines[i];
            if (other.Length == frags.Length && other.Zip(frags).All(p => p.First.Kind == p.Second.Kind && p.First.Norm == p.Second.Norm))
            {
                return true;
            }
        }

        return false;
    }

    private static int? PageOf(Doc doc, int line) => doc.Lines[line].FirstOrDefault()?.Source.Location.Page;
}
