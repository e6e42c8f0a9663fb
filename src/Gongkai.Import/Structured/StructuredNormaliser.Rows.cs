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
        for (var r = 0; r < layout.Rows.Length; r++)
        {
            var previous = cellLines;
            cellLines = null;
            var row = layout.Rows[r];
            var label = FindLabel(doc, region, line, index, row, headers);
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
                else if (UnclaimedNumberBefore(doc, region, label))
                {
                    doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                    values.Clear();
                }
            }

            if (values.Count == 0 && doc.Lines[label.Line].Length == 1 && UnclaimedNumberBefore(doc, region, label))
            {
                // No number after the label, numbers no row took before it: the row's cells may be
                // among them; not to be filled by another reading's guess.
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
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
                && above.Row.Columns.Select(c => c.Label).SequenceEqual(row.Columns.Select(c => c.Label)))
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

            if (values.Any(v => v.Source.Unsettled))
            {
                // Cells the source holds but does not settle: not to be filled by another reading.
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
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

    /// <summary>
    /// Whether the row's label stands alone on its line and each value alone on a line of its own after
    /// it (LibreOffice's or a script's text export of a document: one cell per line, an empty cell an
    /// empty line, which the reader drops), each a number of its own (not digits run into the label,
    /// as in a glued form, whose solver splits them).
    /// </summary>
    private static bool OneCellPerLine(Doc doc, Frag label, List<Frag> values)
    {
        var text = label.Source.Text.AsSpan().TrimEnd();
        if (doc.Lines[label.Line].Length != 1 || text.IsEmpty || char.IsAsciiDigit(text[^1]))
        {
            return false;
        }

        var previous = label.Line;
        foreach (var v in values)
        {
            if (v.Line <= previous || doc.Lines[v.Line].Length != 1)
            {
                return false;
            }

            previous = v.Line;
        }

        return true;
    }

    /// <summary>
    /// The number of a one-cell row printed between its column's caption and its label, each alone on
    /// its line, no value after the label (<c>本年处理决定数量</c> / <c>550</c> / <c>行政许可</c> /
    /// <c>第二十条第（六）项</c>: pdftotext's default order of a one-cell block whose label cell stands
    /// lower than its number), when no row before took it (it stands at or after <paramref name="from"/>);
    /// else null. The values after the label would be the next block's.
    /// </summary>
    private static Frag? ValueBeforeLabel(Doc doc, Frag label, RowDef row, int from)
    {
        var at = label.Line - 1;
        if (row.Columns.Length != 1 || at - 1 < from || doc.Lines[label.Line].Length != 1
            || (label.Line + 1 < doc.Lines.Length && doc.Lines[label.Line + 1].Any(f => f.IsValue))
            || doc.Lines[at] is not [{ Kind: Kind.Number } number] || doc.Lines[at - 1] is not [{ Kind: Kind.Text } caption])
        {
            return null;
        }

        var column = LabelText.Normalize(row.Columns[0].Label);
        return caption.Norm.StartsWith(column, StringComparison.Ordinal) && caption.Norm.Length <= column.Length + 12 ? number : null;
    }

    /// <summary>
    /// Whether a line from <paramref name="from"/> to before <paramref name="to"/> is another block's
    /// header alone: <c>信息内容</c>, or a column caption that is not one of <paramref name="row"/>'s own
    /// (its own caption may stand between its label and its number: <c>行政许可</c> / <c>本年处理决定数量</c> / <c>9487</c>).
    /// </summary>
    private static bool CaptionBetween(Doc doc, TableLayout layout, RowDef row, int from, int to)
    {
        var own = row.Columns.Select(c => LabelText.Normalize(c.Label)).ToHashSet(StringComparer.Ordinal);
        for (var i = from; i < to; i++)
        {
            if (doc.Lines[i] is [{ Kind: Kind.Text } only] && (only.Norm == LabelText.Normalize("信息内容")
                || (!own.Contains(only.Norm) && layout.Rows.Any(r => r.Columns.Any(c => c.Label.Length > 0 && LabelText.Normalize(c.Label) == only.Norm)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The row's numbers printed before its label under its columns' captions (pdftotext's default
    /// order of a block whose label cells stand lower: <c>上一年项目数量</c> / <c>本年增/减</c> / <c>3402</c>
    /// / <c>19523</c> / … / <c>行政事业性收费</c>, or a block of two rows' numbers in turn before both
    /// labels): the nearest run before the label of the row's column captions in order, each alone on
    /// its line, followed by exactly as many numbers as the block's rows have cells (the rows around
    /// it with the same columns), each alone on its line and taken by no row; the row's are its
    /// place's in the block. Else null: a block short of a blank that left no trace is not so placed.
    /// </summary>
    private static List<Frag>? CaptionedNumbersBefore(Doc doc, (int Start, int End) region, TableLayout layout, int r, Frag label)
    {
        var row = layout.Rows[r];
        var n = row.Columns.Length;
        bool Same(int k) => k >= 0 && k < layout.Rows.Length && layout.Rows[k].Columns.Select(c => c.Label).SequenceEqual(row.Columns.Select(c => c.Label));
        var first = r;
        while (Same(first - 1))
        {
            first--;
        }

        var last = r;
        while (Same(last + 1))
        {
            last++;
        }

        var captions = row.Columns.Select(c => LabelText.Normalize(c.Label)).ToArray();
        for (var end = label.Line - 1; end - n + 1 >= region.Start; end--)
        {
            if (!Enumerable.Range(0, n).All(k => doc.Lines[end - n + 1 + k] is [{ Kind: Kind.Text } t] && t.Norm == captions[k]))
            {
                continue;
            }

            var run = new List<Frag>();
            for (var i = end + 1; i < label.Line && doc.Lines[i] is [{ Kind: Kind.Number } f]; i++)
            {
                run.Add(f);
            }

            var mine = run.Count == n * (last - first + 1) ? run.GetRange((r - first) * n, n) : null;
            return mine is not null && mine.All(f => !doc.Claimed(f)) ? mine : null;
        }

        return null;
    }

    /// <summary>Whether a number alone on its line that no row took stands in the table before the label.</summary>
    private static bool UnclaimedNumberBefore(Doc doc, (int Start, int End) region, Frag label)
    {
        for (var i = region.Start; i < label.Line; i++)
        {
            if (doc.Lines[i] is [{ Kind: Kind.Number } f] && !doc.Claimed(f))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The row's cells in a table printed one cell per line whose empty cells are empty lines
    /// (<see cref="Doc.EmptyCellLines"/>): the <paramref name="needed"/> source lines after the
    /// label's are its cells, a number's line its cell and an empty line a blank, when every value
    /// stands within them and the next line printed comes after them and is no value; else null.
    /// </summary>
    private static List<Frag>? ByEmptyLines(Doc doc, Frag label, List<Frag> values, int needed)
    {
        if (SourceLineOf(doc, label.Line) is not { } top)
        {
            return null;
        }

        var cells = Enumerable.Repeat(label with { Kind = Kind.Empty, Value = null, Source = new Fragment(string.Empty, label.Source.Location) }, needed).ToList();
        foreach (var v in values)
        {
            if (SourceLineOf(doc, v.Line) is not { } at || at - top - 1 is var k && (k < 0 || k >= needed))
            {
                return null;
            }

            cells[at - top - 1] = v;
        }

        var next = values[^1].Line + 1;
        if (next < doc.Lines.Length && (SourceLineOf(doc, next) is not { } after || after <= top + needed || doc.Lines[next].Any(f => f.IsValue)))
        {
            return null;
        }

        return cells;
    }

    /// <summary>The source line number of line <paramref name="i"/> of the document (text sources), or null.</summary>
    private static int? SourceLineOf(Doc doc, int i) => doc.Lines[i] is [var first, ..] ? first.Source.Location.Line : null;

    /// <summary>
    /// Whether the row's values stand on one line of cells set apart by the source (pipes, tabs, HTML
    /// cells; not text cut at spaces, not a page's runs with positions), after a text cell (the label or
    /// its tail), each value a cell of its own, and no cell of the line empty: a source that prints no
    /// empty cell (a scraper's <c>规章 | 5 | 9 |</c>).
    /// </summary>
    private static bool SkipsEmptyCells(Doc doc, List<Frag> values)
    {
        var at = values[0].Line;
        var line = doc.Lines[at];
        return line.Length >= 2 && !doc.SpaceSeparated[at] && doc.Spans[at].IsDefaultOrEmpty && values.All(v => v.Line == at)
            && values[0].Index > 0 && line[values[0].Index - 1].Kind == Kind.Text
            && line.All(f => f.Kind != Kind.Empty && f.Source.Text.Trim().Length > 0);
    }

    /// <summary>The rows of the catalogue's other tables than <paramref name="layout"/>'s.</summary>
    private static IEnumerable<RowDef> OtherTablesRows(FormatCatalogue catalogue, TableLayout layout) =>
        catalogue.Layouts.Where(l => l.Table != layout.Table).SelectMany(l => l.Rows);

    /// <summary>Lines of numbers a table printed one cell per line has at least.</summary>
    private const int MinCellPerLineValues = 4;

    /// <summary>
    /// Whether the table is printed one cell per line (a document's text export, a page's cells as
    /// paragraphs): <see cref="MinCellPerLineValues"/> or more lines with a number, and nine in ten of
    /// them the number alone.
    /// </summary>
    private static bool PrintsCellPerLine(Doc doc, (int Start, int End) region)
    {
        var (valueLines, alone) = (0, 0);
        for (var i = region.Start; i < region.End && i < doc.Lines.Length; i++)
        {
            var line = doc.Lines[i];
            if (line.Any(f => f.IsValue))
            {
                valueLines++;
                alone += line.Length == 1 ? 1 : 0;
            }
        }

        return valueLines >= MinCellPerLineValues && alone * 10 >= valueLines * 9;
    }

    /// <summary>
    /// Whether the table's lines of cells set apart by the source print no empty cell: three or more
    /// such lines of two or more cells, and no empty cell in the region (a scraper that skips them).
    /// </summary>
    private static bool PrintsNoEmptyCell(Doc doc, (int Start, int End) region)
    {
        var separated = 0;
        for (var i = region.Start; i < region.End && i < doc.Lines.Length; i++)
        {
            var line = doc.Lines[i];
            if (line.Any(f => f.Kind == Kind.Empty || f.Source.Text.Trim().Length == 0))
            {
                return false;
            }

            if (line.Length >= 2 && !doc.SpaceSeparated[i] && doc.Spans[i].IsDefaultOrEmpty)
            {
                separated++;
            }
        }

        return separated >= 3;
    }

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
