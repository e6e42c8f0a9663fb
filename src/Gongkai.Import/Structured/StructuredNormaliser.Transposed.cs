using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>
/// Tables printed column by column put back into rows, before any row is read: text in which a
/// table's columns stand one after another rather than side by side (<c>pdftotext</c>'s default
/// reading order of a ruled table, which reads each cell as a block and the blocks column-major).
/// Told by the table's grammar, counts and arithmetic, never by where the text came from:
/// <list type="bullet">
/// <item>Table 2 printed column-major (<c>Doc.TransposedTable2</c>): a run of the table's row
/// labels with no number (the blocks set apart by their header lines, <c>第二十条第（一）项</c> /
/// <c>信息内容</c>), then each block's columns in turn, a caption and its numbers one a line. A column
/// as long as its block gives each row its cell, an empty one blanks; numbers under no caption (after
/// an empty line) are the rest of the one column still short of cells. A column short of some cells
/// is placed where the rows' own arithmetic allows one way; else the cells its ways disagree on are
/// left unread (never guessed), the others read.</item>
/// <item>Table 3 with its labels apart from its numbers (<c>Doc.GridInRowOrder</c>): group
/// labels among the rows, a row's numbers before its label, its first cell on the label's wrapped
/// line, the 总计 column printed as a block after a page's rows (even past the next heading). The
/// numbers, cut in order into rows as wide as the table, must each add up to their total and be as
/// many rows as the table has; each row is then its label and its numbers.</item>
/// </list>
/// </summary>
internal sealed partial class StructuredNormaliser
{
    private sealed partial class Doc
    {
        /// <summary>The document with the tables it prints column by column put back into rows (see the type's remarks); else the document itself.</summary>
        private static SourceDocument WithColumnsAsRows(SourceDocument source, FormatCatalogue catalogue)
        {
            var lines = source.Lines;
            if (NumberOnlyLines(lines, MinNumberOnlyLines) < MinNumberOnlyLines)
            {
                // A table printed by column puts its numbers on lines of their own (a column's, or a
                // row's apart from its label); a text whose rows keep label and numbers together has
                // at most table 4's row so: not worth classifying every cell again.
                return source;
            }

            var kinds = new LineKind[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                kinds[i] = KindOf(lines[i]);
            }

            var table2 = TransposedTable2(lines, kinds, catalogue);
            if (table2 is not null)
            {
                lines = table2.Value;
                kinds = new LineKind[lines.Length];
                for (var i = 0; i < lines.Length; i++)
                {
                    kinds[i] = KindOf(lines[i]);
                }
            }

            var ordered = GridInRowOrder(lines, kinds, catalogue) ?? GridInBands(lines, kinds, catalogue);
            return table2 is null && ordered is null ? source : source with { Lines = ordered ?? lines };
        }

        /// <summary>
        /// The lines with a grid table whose labels stand apart from its numbers (printed before or
        /// after them, group labels between) put back as one line a row, when the numbers from the
        /// table's first row label on, cut in order into rows as wide as the table, each add up to
        /// their total (the last column, <c>总计</c>), and are as many rows as the table has. The totals
        /// may stand as a block after a page's rows (a line <c>总计</c>, then one number a line, even
        /// past the next section's heading): the numbers before the block are then that many rows
        /// without their last column. Else null.
        /// </summary>
        private static ImmutableArray<SourceLine>? GridInRowOrder(ImmutableArray<SourceLine> lines, LineKind[] kinds, FormatCatalogue catalogue)
        {
            var next = catalogue.Sections.FirstOrDefault(s => s.Number == 4);
            foreach (var layout in catalogue.Layouts.Where(l => l.Table == "table3" && l.IsGrid))
            {
                var width = layout.Columns.Length;
                if (width < 3 || layout.Columns[^1].Label != "总计")
                {
                    continue;
                }

                var start = 0;
                while (start < lines.Length && !(kinds[start] is LineKind.Text or LineKind.TextThenNumbers && LabelRow(layout, lines[start], 0) == 0))
                {
                    start++;
                }

                if (start == lines.Length || ReadGrid(lines, kinds, start, width, next, layout.Anchors) is not { } grid || grid.Rows.Count != layout.Rows.Length)
                {
                    continue;
                }

                var rebuilt = new List<SourceLine>(lines.Length);
                rebuilt.AddRange(lines.Take(start));
                for (var r = 0; r < layout.Rows.Length; r++)
                {
                    var row = grid.Rows[r];
                    // The row's own label, without its group's (（六）其他处理 3.其他 is printed 3.其他).
                    rebuilt.Add(new SourceLine([new Fragment(layout.Rows[r].Label.Split(' ')[^1], row[0].Location), .. row]));
                }

                rebuilt.AddRange(lines.Skip(grid.End).Where((_, i) => !grid.Consumed.Contains(grid.End + i)));
                return [.. rebuilt];
            }

            return null;
        }

        /// <summary>
        /// The rows of numbers from <paramref name="start"/> (see <see cref="GridInRowOrder"/>), the
        /// line the table ends at (the next section's heading) and the lines after it taken (a block
        /// of totals printed past the heading); null when the numbers do not cut into rows that add up.
        /// </summary>
        private static (List<List<Fragment>> Rows, int End, HashSet<int> Consumed)? ReadGrid(ImmutableArray<SourceLine> lines, LineKind[] kinds, int start, int width, SectionDef? next, ImmutableArray<string> anchors)
        {
            var rows = new List<List<Fragment>>();
            var pieces = new List<Piece>();
            var consumed = new HashSet<int>();
            var end = -1;
            var inHeader = false;
            for (var i = start; i < lines.Length; i++)
            {
                if (kinds[i] != LineKind.Text)
                {
                    inHeader = false;
                }
                else if (end < 0 && JoinedNorm(lines[i]) is var norm && !(next is not null && IsHeading(norm, next)))
                {
                    // The table's header printed again on a page it runs onto (申请人情况 … 总计, up to
                    // the first number): its 总计 is the column's caption, not a block of totals.
                    inHeader |= anchors.Any(a => norm.Contains(a, StringComparison.Ordinal));
                    if (inHeader)
                    {
                        inHeader = norm is not ("总计" or "合计");
                        continue;
                    }
                }

                if (end < 0 && kinds[i] == LineKind.Text && next is not null && IsHeading(JoinedNorm(lines[i]), next))
                {
                    end = i;
                    if (pieces.Count == 0)
                    {
                        break;
                    }

                    continue;
                }

                if (kinds[i] == LineKind.Text && JoinedNorm(lines[i]) is "总计" or "合计")
                {
                    var totals = new List<(Fragment Cell, decimal Value)>();
                    var k = i + 1;
                    for (; k < lines.Length && kinds[k] == LineKind.Number; k++)
                    {
                        totals.Add(Numbers(lines[k])[0]);
                    }

                    if (totals.Count >= 2)
                    {
                        // A block of totals: the rows before it printed without their last column.
                        var pending = InRows(pieces, width - 1);
                        if (end >= 0 && pending?.Count != totals.Count * (width - 1))
                        {
                            // Past the heading, a block that is not these rows' totals is another table's.
                            break;
                        }

                        if (pending is null || pending.Count != totals.Count * (width - 1) || !AddUp(pending, totals, width - 1))
                        {
                            return null;
                        }

                        for (var r = 0; r < totals.Count; r++)
                        {
                            rows.Add([.. pending.GetRange(r * (width - 1), width - 1).Select(n => n.Cell), totals[r].Cell]);
                        }

                        pieces.Clear();
                        if (end >= 0)
                        {
                            consumed.UnionWith(Enumerable.Range(i, k - i));
                            break;
                        }

                        i = k - 1;
                        continue;
                    }
                }

                var numbers = Numbers(lines[i]);
                if (end >= 0 && numbers.Count > 0)
                {
                    // Numbers past the heading that are no block of totals: another table's.
                    break;
                }

                if (numbers.Count == 0)
                {
                    continue;
                }

                var glued = kinds[i] is not (LineKind.Number or LineKind.Numbers);
                if (!glued && pieces.Count > 0 && !pieces[^1].Glued && kinds[i - 1] is LineKind.Number or LineKind.Numbers)
                {
                    pieces[^1].Numbers.AddRange(numbers);
                }
                else
                {
                    pieces.Add(new Piece(numbers, glued));
                }
            }

            if (end < 0)
            {
                end = lines.Length;
            }

            if (pieces.Count > 0)
            {
                // Rows printed whole (the totals in their place): cut at the table's width.
                var pending = InRows(pieces, width);
                if (pending is null)
                {
                    return null;
                }

                var chunks = Enumerable.Range(0, pending.Count / width).Select(r => pending.GetRange(r * width, width)).ToList();
                if (!AddUp([.. chunks.SelectMany(c => c.Take(width - 1))], [.. chunks.Select(c => c[^1])], width - 1))
                {
                    return null;
                }

                rows.AddRange(chunks.Select(c => c.Select(n => n.Cell).ToList()));
            }

            return rows.Count == 0 ? null : (rows, end, consumed);
        }

        /// <summary>
        /// Numbers as printed: a run of lines of numbers only, or the numbers a line of text ends with
        /// (<see cref="Glued"/>: a label's line, the cell beside the label on its baseline).
        /// </summary>
        private sealed record Piece(List<(Fragment Cell, decimal Value)> Numbers, bool Glued);

        /// <summary>
        /// The numbers in row order, rows of <paramref name="length"/>: a run as long as whole rows is
        /// those rows; a run short of a row is completed by the numbers glued to a label line just
        /// before it, else just after it (the cell beside the label, its first column, which
        /// <c>pdftotext</c> prints with the label's line: <c>（二）部分公开（…只计这 0</c> / <c>3</c> …, or
        /// <c>0</c> … / <c>要求缴纳费用、行政机关不 0</c>); null when the pieces do not make whole rows.
        /// </summary>
        private static List<(Fragment Cell, decimal Value)>? InRows(List<Piece> pieces, int length)
        {
            var rows = new List<(Fragment Cell, decimal Value)>();
            var used = new bool[pieces.Count];
            bool Completes(int glued, int run) =>
                glued >= 0 && glued < pieces.Count && !used[glued] && pieces[glued].Glued && pieces[glued].Numbers.Count + pieces[run].Numbers.Count == length;
            for (var p = 0; p < pieces.Count; p++)
            {
                if (used[p])
                {
                    continue;
                }

                var count = pieces[p].Numbers.Count;
                if (pieces[p].Glued && p + 1 < pieces.Count && !pieces[p + 1].Glued && Completes(p, p + 1))
                {
                    // Left to the run after it.
                    continue;
                }

                if (!pieces[p].Glued && count % length != 0)
                {
                    var partner = Completes(p - 1, p) ? p - 1 : Completes(p + 1, p) ? p + 1 : -1;
                    if (partner < 0 && count < length && Strays(pieces, used, p, length - count) is { } strays)
                    {
                        // A row short of its first cells, printed apart after the table's last row
                        // (LibreOffice's PDF in pdftotext's default order: a page's first row's first
                        // cells stand among its repeated header's words, in no order: the cells of
                        // the first columns, whose header words they are printed with). Their order
                        // is known when it makes no difference (the cells all alike, as zeros); else
                        // they are left to the table's arithmetic (Fragment.OneOf, SettleByArithmetic).
                        var stray = strays.SelectMany(k => pieces[k].Numbers).ToList();
                        rows.AddRange(stray.Select(n => n.Value).Distinct().Count() == 1
                            ? stray
                            : stray.Select(n => (n.Cell with { OneOf = true }, n.Value)));
                        rows.AddRange(pieces[p].Numbers);
                        strays.ForEach(k => used[k] = true);
                        used[p] = true;
                        continue;
                    }

                    if (partner < 0)
                    {
                        return null;
                    }

                    rows.AddRange(pieces[partner].Numbers);
                    rows.AddRange(pieces[p].Numbers);
                    used[partner] = used[p] = true;
                    continue;
                }

                if (count % length != 0)
                {
                    return null;
                }

                rows.AddRange(pieces[p].Numbers);
                used[p] = true;
            }

            return used.All(u => u) ? rows : null;
        }

        /// <summary>
        /// The last pieces, after <paramref name="short"/>, each a few numbers alone (fewer than a row,
        /// none glued to a label) that together are the <paramref name="missing"/> numbers the short
        /// piece lacks, every piece between them a whole number of rows; else null.
        /// </summary>
        private static List<int>? Strays(List<Piece> pieces, bool[] used, int @short, int missing)
        {
            var strays = new List<int>();
            var count = 0;
            var k = pieces.Count - 1;
            for (; k > @short && count < missing; k--)
            {
                if (used[k] || pieces[k].Glued || pieces[k].Numbers.Count + count > missing)
                {
                    return null;
                }

                strays.Insert(0, k);
                count += pieces[k].Numbers.Count;
            }

            for (var between = @short + 1; between <= k; between++)
            {
                if (pieces[between].Numbers.Count % (missing + pieces[@short].Numbers.Count) != 0)
                {
                    return null;
                }
            }

            return count == missing ? strays : null;
        }

        /// <summary>Whether each run of <paramref name="parts"/> numbers adds up to its total.</summary>
        private static bool AddUp(List<(Fragment Cell, decimal Value)> values, List<(Fragment Cell, decimal Value)> totals, int parts)
        {
            for (var r = 0; r < totals.Count; r++)
            {
                if (!AddsUpToTotal([.. values.Skip(r * parts).Take(parts).Select(n => n.Value), totals[r].Value]))
                {
                    return false;
                }
            }

            return true;
        }

        private static List<(Fragment Cell, decimal Value)> Numbers(SourceLine line)
        {
            var numbers = new List<(Fragment Cell, decimal Value)>();
            foreach (var cell in line.Cells)
            {
                if (!string.IsNullOrWhiteSpace(cell.Text) && Classify(cell, 0, 0, label: false) is { Kind: Kind.Number } f)
                {
                    numbers.Add((cell, f.Value!.Value));
                }
            }

            return numbers;
        }

        private static bool IsHeading(string norm, SectionDef section) =>
            norm.Length <= 40 && section.Match.Any(m => norm.Contains(m, StringComparison.Ordinal));

        private enum LineKind
        {
            /// <summary>Text only.</summary>
            Text,

            /// <summary>Exactly one number.</summary>
            Number,

            /// <summary>Numbers only, more than one.</summary>
            Numbers,

            /// <summary>Text, then one or more numbers.</summary>
            TextThenNumbers,

            /// <summary>Anything else (placeholders, text after numbers).</summary>
            Other,
        }

        /// <summary>Fewer lines of numbers alone than this and no table can be printed by column.</summary>
        private const int MinNumberOnlyLines = 4;

        /// <summary>How many lines hold digits and nothing but numbers' characters, counted up to <paramref name="enough"/>.</summary>
        private static int NumberOnlyLines(ImmutableArray<SourceLine> lines, int enough)
        {
            var count = 0;
            foreach (var line in lines)
            {
                var digits = false;
                var only = true;
                foreach (var cell in line.Cells)
                {
                    var text = cell.Text.AsSpan();
                    digits |= text.IndexOfAnyInRange('0', '9') >= 0 || text.IndexOfAnyInRange('０', '９') >= 0;
                    only &= text.IndexOfAnyExcept(s_numberChars) < 0;
                }

                if (digits && only && ++count >= enough)
                {
                    return count;
                }
            }

            return count;
        }

        private static readonly System.Buffers.SearchValues<char> s_numberChars =
            System.Buffers.SearchValues.Create("0123456789０１２３４５６７８９.,，．+-−－ \u3000\u00a0\t");

        private static LineKind KindOf(SourceLine line)
        {
            var text = 0;
            var numbers = 0;
            var numbersAfterText = true;
            foreach (var cell in line.Cells)
            {
                if (string.IsNullOrWhiteSpace(cell.Text))
                {
                    continue;
                }

                var kind = Classify(cell, 0, 0, label: false).Kind;
                if (kind == Kind.Number)
                {
                    numbers++;
                }
                else if (kind == Kind.Text && numbers == 0)
                {
                    text++;
                }
                else
                {
                    numbersAfterText = false;
                }
            }

            return (text, numbers, numbersAfterText) switch
            {
                (_, _, false) => LineKind.Other,
                ( > 0, 0, _) => LineKind.Text,
                (0, 1, _) => LineKind.Number,
                (0, > 1, _) => LineKind.Numbers,
                ( > 0, > 0, _) => LineKind.TextThenNumbers,
                _ => LineKind.Other,
            };
        }

        private static string JoinedNorm(SourceLine line) =>
            string.Concat(line.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => LabelText.Normalize(c.Text.Trim())));

        /// <summary>The lines with table 2 put back into rows when it is printed column-major; else null.</summary>
        private static ImmutableArray<SourceLine>? TransposedTable2(ImmutableArray<SourceLine> lines, LineKind[] kinds, FormatCatalogue catalogue)
        {
            foreach (var layout in catalogue.Layouts.Where(l => l.Table == "table2").OrderByDescending(l => l.Rows.Length))
            {
                for (var start = 0; start < lines.Length; start++)
                {
                    if (kinds[start] != LineKind.Text || LabelRow(layout, lines[start], 0) is null)
                    {
                        continue;
                    }

                    if (TryTranspose(lines, kinds, layout, start) is { } rebuilt)
                    {
                        return rebuilt;
                    }

                    break;
                }
            }

            return null;
        }

        /// <summary>The index in <paramref name="layout"/> of the row the line's text names, at or after <paramref name="from"/>; else null.</summary>
        private static int? LabelRow(TableLayout layout, SourceLine line, int from)
        {
            var norm = JoinedNorm(line);
            for (var r = from; r < layout.Rows.Length; r++)
            {
                if (Matches(layout.Rows[r], norm))
                {
                    return r;
                }
            }

            return null;
        }

        /// <summary>
        /// The block's cells by row (null: blank) from its columns' numbers in order: a column as long
        /// as the block gives each row its cell, an empty one blanks. A column short of some cells
        /// (the blanks left no trace) is placed by every way its numbers can stand in order that the
        /// rows' own arithmetic allows (<see cref="Possible"/>): a cell on which every such way agrees
        /// is read; one on which they differ is unsettled (<see cref="Fragment.Unsettled"/>: which
        /// row's cell is blank cannot be told, never guessed). Null when no way is possible.
        /// </summary>
        private static Fragment?[][]? Placed(List<List<Fragment>> columns, int?[] gaps, bool[] unknown, RowDef[] rows, SourceLocation at)
        {
            var n = rows.Length;
            columns = [.. columns.Select((c, i) => unknown[i] ? [] : c)];
            var choices = columns.Select((c, i) => c.Count == n || c.Count == 0 ? [null] : gaps[i] is { } gap ? [AtGap(n, c.Count, gap)] : Subsets(n, c.Count).ToList()).ToList();
            Fragment?[][]? found = null;
            bool[][]? differ = null;
            foreach (var pick in Product(choices))
            {
                var grid = Enumerable.Range(0, n).Select(_ => new Fragment?[columns.Count]).ToArray();
                for (var c = 0; c < columns.Count; c++)
                {
                    var k = 0;
                    for (var r = 0; r < n; r++)
                    {
                        if (columns[c].Count > 0 && (pick[c] is null || pick[c]![r]))
                        {
                            grid[r][c] = columns[c][k++];
                        }
                    }
                }

                if (!Enumerable.Range(0, n).All(r => Possible(rows[r], grid[r])))
                {
                    continue;
                }

                if (found is null)
                {
                    found = grid;
                    differ = [.. Enumerable.Range(0, n).Select(_ => new bool[columns.Count])];
                    continue;
                }

                for (var r = 0; r < n; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        differ![r][c] |= !ReferenceEquals(found[r][c], grid[r][c]);
                    }
                }
            }

            for (var r = 0; found is not null && r < n; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (differ![r][c] || unknown[c])
                    {
                        found[r][c] = new Fragment(string.Empty, at) { Unsettled = true };
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// A column cut in two by its blank cells: the numbers before the cut stand in the first rows,
        /// the blanks at the cut, the numbers after it in the last rows.
        /// </summary>
        private static bool[] AtGap(int n, int count, int gap) =>
            [.. Enumerable.Range(0, n).Select(r => r < gap || r >= gap + (n - count))];

        /// <summary>A column as printed: its caption's lines, its numbers' lines, and where a blank cut it (the numbers before the cut), if one did.</summary>
        private sealed record PrintedColumn(List<int> Caption, List<int> Numbers)
        {
            public int? Gap { get; set; }

            /// <summary>Whether numbers printed apart (under no caption) may be this column's or another's: its cells are unsettled.</summary>
            public bool Unknown { get; set; }
        }

        /// <summary>The ways <paramref name="count"/> numbers stand in <paramref name="n"/> rows, in order (true: the row has one).</summary>
        private static IEnumerable<bool[]?> Subsets(int n, int count)
        {
            for (var mask = 0; mask < 1 << n; mask++)
            {
                if (System.Numerics.BitOperations.PopCount((uint)mask) == count)
                {
                    yield return [.. Enumerable.Range(0, n).Select(r => (mask & (1 << r)) != 0)];
                }
            }
        }

        private static IEnumerable<bool[]?[]> Product(List<List<bool[]?>> choices)
        {
            IEnumerable<bool[]?[]> all = [[]];
            foreach (var options in choices)
            {
                all = all.SelectMany(prefix => options.Select(o => (bool[]?[])[.. prefix, o]));
            }

            return all;
        }

        /// <summary>
        /// Whether a table-2 row's cells can stand so by what the columns mean: this year's newly
        /// published (本年新公开数量) are among all published (对外公开总数量); last year's items
        /// (上一年项目数量) changed by this year's (本年增/减) leave no fewer than none.
        /// </summary>
        private static bool Possible(RowDef row, Fragment?[] cells)
        {
            decimal? Value(string key)
            {
                var c = row.Columns.Select(x => x.Key).ToList().IndexOf(key);
                return c >= 0 && c < cells.Length && cells[c] is { } f ? Classify(f, 0, 0, label: false).Value : null;
            }

            return !(Value("new_published") > Value("total_published")) && !(Value("previous_items") + Value("change") < 0);
        }

        /// <summary>Whether the line's text is one of the layout's column captions, whole.</summary>
        private static bool IsCaption(TableLayout layout, SourceLine line) => IsCaptionText(layout, JoinedNorm(line));

        private static bool IsCaptionText(TableLayout layout, string norm) =>
            layout.Rows.Any(r => r.Columns.Any(c => LabelText.Normalize(c.Label) == norm));

        /// <summary>Whether an empty line stands between the two lines in the source (blocks of text apart).</summary>
        private static bool Apart(SourceLine a, SourceLine b) =>
            a.Cells[0].Location.Line is { } x && b.Cells[0].Location.Line is { } y && y > x + 1;

        /// <summary>Whether the line holds an ASCII digit anywhere (a label or caption printed column-major has none; a glued row has).</summary>
        private static bool HasDigit(SourceLine line) => line.Cells.Any(c => c.Text.Any(char.IsAsciiDigit));

        private static ImmutableArray<SourceLine>? TryTranspose(ImmutableArray<SourceLine> lines, LineKind[] kinds, TableLayout layout, int start)
        {
            // The run of labels: text lines only, row labels in table order, blocks set apart by other text.
            var blocks = new List<(List<int> Heads, List<(int Line, RowDef Row)> Rows)>();
            var heads = new List<int>();
            var next = 0;
            var end = start;
            var i = start;
            for (; i < lines.Length && kinds[i] == LineKind.Text && !HasDigit(lines[i]); i++)
            {
                if (LabelRow(layout, lines[i], next) is { } r)
                {
                    if (blocks.Count == 0 || heads.Count > 0)
                    {
                        blocks.Add((heads, []));
                        heads = [];
                    }

                    blocks[^1].Rows.Add((i, layout.Rows[r]));
                    next = r + 1;
                    end = i;
                }
                else
                {
                    heads.Add(i);
                }
            }

            var labels = blocks.Sum(b => b.Rows.Count);
            if (labels < 2 || blocks.Any(b => b.Rows.Any(r => r.Row.Columns.Length != b.Rows[0].Row.Columns.Length)))
            {
                return null;
            }

            // The columns: a caption (text lines), then its numbers one a line.
            var groups = new List<PrintedColumn>();
            var expected = blocks.Sum(b => b.Rows[0].Row.Columns.Length);
            var heights = blocks.SelectMany(b => Enumerable.Repeat(b.Rows.Count, b.Rows[0].Row.Columns.Length)).ToList();
            var at = end + 1;
            while (at < lines.Length && (groups.Count < expected || kinds[at] == LineKind.Number))
            {
                var caption = new List<int>();
                while (at < lines.Length && kinds[at] == LineKind.Text && !HasDigit(lines[at]) && caption.Count < 3 && groups.Count < expected
                    && !(caption.Count > 0 && IsCaption(layout, lines[at])))
                {
                    // A caption may wrap over lines; a line that is a column's whole caption starts the next column (the one before had no number).
                    caption.Add(at++);
                }

                var numbers = new List<int>();
                var previous = caption.Count > 0 ? caption[^1] : -1;
                while (at < lines.Length && kinds[at] == LineKind.Number && (previous < 0 || !Apart(lines[previous], lines[at])))
                {
                    // A column's cells one a line under its caption; an empty line between ends the
                    // block (a blank cell cut the column: what follows is printed later).
                    numbers.Add(at);
                    previous = at++;
                }

                if (caption.Count == 0)
                {
                    // Numbers under no caption: the rest of a column whose blank cell cut it in two
                    // blocks (the blank its first cell: the caption stands with no number), printed
                    // later. It is the one column so far still short of its cells that they fill.
                    var owners = Enumerable.Range(0, groups.Count)
                        .Where(g => groups[g].Gap is null && !groups[g].Unknown && groups[g].Numbers.Count + numbers.Count < heights[g])
                        .ToList();
                    var unknown = Enumerable.Range(0, groups.Count).Where(g => groups[g].Unknown).ToList();
                    if (numbers.Count > 0 && owners.Count != 1 && unknown.Count == 0 && groups.Count == expected)
                    {
                        // Numbers after the table's last column that no column lacks: not the table's.
                        at = numbers[0];
                        break;
                    }

                    if (numbers.Count == 0 || owners.Count + unknown.Count == 0)
                    {
                        return null;
                    }

                    if (owners.Count == 1 && unknown.Count == 0)
                    {
                        groups[owners[0]].Gap = groups[owners[0]].Numbers.Count;
                        groups[owners[0]].Numbers.AddRange(numbers);
                        continue;
                    }

                    // Two or more columns cut so: which rest is whose cannot be told. Those columns'
                    // cells are left unread.
                    foreach (var o in owners.Concat(unknown))
                    {
                        groups[o].Unknown = true;
                    }

                    continue;
                }

                groups.Add(new PrintedColumn(caption, numbers));
            }

            // Each column under a caption of its own: most of them the table's column captions, whole.
            if (groups.Count != expected || groups.All(g => g.Numbers.Count == 0)
                || groups.Count(g => IsCaptionText(layout, string.Concat(g.Caption.Select(k => JoinedNorm(lines[k]))))) * 2 < expected)
            {
                return null;
            }

            var rebuilt = new List<SourceLine>(lines.Length);
            rebuilt.AddRange(lines.Take(start));
            var g = 0;
            foreach (var (blockHeads, rows) in blocks)
            {
                var columns = rows[0].Row.Columns.Length;
                var mine = groups.Skip(g).Take(columns).ToList();
                g += columns;
                if (mine.Any(c => c.Numbers.Count > rows.Count))
                {
                    return null;
                }

                rebuilt.AddRange(blockHeads.Select(h => lines[h]));
                var captions = mine.Select(c => new Fragment(string.Concat(c.Caption.Select(k => lines[k].Text.Trim())), lines[c.Caption[0]].Cells[0].Location));
                rebuilt.Add(new SourceLine([lines[rows[0].Line].Cells[0] with { Text = string.Empty }, .. captions]));
                var columnCells = mine.Select(c => c.Numbers.Select(k => lines[k].Cells.First(x => !string.IsNullOrWhiteSpace(x.Text))).ToList()).ToList();
                var grid = Placed(columnCells, [.. mine.Select(c => c.Gap)], [.. mine.Select(c => c.Unknown)], [.. rows.Select(r => r.Row)], lines[rows[0].Line].Cells[0].Location);
                for (var r = 0; r < rows.Count && grid is not null; r++)
                {
                    var label = lines[rows[r].Line];
                    var cells = label.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
                    var labelCell = cells[0] with { Text = string.Concat(cells.Select(c => c.Text.Trim())) };
                    var values = grid[r].Select(v => v ?? new Fragment(string.Empty, labelCell.Location));
                    rebuilt.Add(new SourceLine([labelCell, .. values]));
                }
            }

            rebuilt.AddRange(lines.Skip(at));
            return [.. rebuilt];
        }
    }
}
