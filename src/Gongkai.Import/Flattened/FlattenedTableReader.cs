using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Flattened;

/// <summary>
/// Reads tables 2-4 from text in which a scraper flattened every table row into one run of
/// characters with no separator between cells (<c>一、本年新收政府信息公开申请数量1230000015</c>).
/// Rows are found by the catalogue's <see cref="RowDef.Match"/> phrases, in table order, in the
/// label-normalised text; the digits between one row's label and the next are the row's cells, and
/// are split by <see cref="FlattenedTableSolver"/> using every rule the tables obey. A cell the rules
/// cannot settle is <see cref="Cell.Ambiguous"/> with its readings, never a guess.
/// </summary>
public static partial class FlattenedTableReader
{
    /// <summary>How far (label characters other than digits) the next row's label may lie from the previous one.</summary>
    public const int MaxRowDistance = 400;

    /// <summary>How many label characters may stand between a row's match phrase and its numbers.</summary>
    public const int MaxLabelTail = 48;

    /// <summary>How many header characters may stand between table 4's last group name and its numbers.</summary>
    public const int MaxTable4Header = 80;

    private static readonly string[] s_table3Anchors = ["申请人情况", "法律服务机构", "社会公益组织"];

    /// <summary>
    /// The report read from <paramref name="text"/> when it holds flattened tables, else null (no
    /// table rows found, or every row's numbers are already separated: the normal reader's job).
    /// Every cell's <see cref="Cell.Source"/> is <c>SourceLocation(name, line)</c>. The report's
    /// agency, year and sections are left to the caller; rules are not evaluated here (call
    /// <see cref="RuleEngine.Validate"/>), but the diagnostics say how the tables were split.
    /// <paramref name="previousYear"/>, when given, settles table 2 (现行有效 = last year's + 本年制发 − 本年废止)
    /// and table 3's 上年结转 (= last year's 结转下年度继续办理) where the digits allow those readings.
    /// </summary>
    public static Report? TryRead(string text, string name, Report? previousYear = null, FormatCatalogue? catalogue = null) =>
        string.IsNullOrEmpty(text) ? null : Read(text, name, line => new SourceLocation(name, line), previousYear, catalogue);

    /// <summary>
    /// As <see cref="TryRead(string, string, Report?, FormatCatalogue?)"/> for a document a reader
    /// already produced: its lines are joined, and every cell's source is the location the reader gave
    /// the line it stands on (a text line, an HTML table row, a PDF page), so line numbers survive
    /// the blank lines a reader drops.
    /// </summary>
    public static Report? TryRead(SourceDocument document, Report? previousYear = null, FormatCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Lines.IsEmpty)
        {
            return null;
        }

        var text = string.Join('\n', document.Lines.Select(l => l.Text.Replace('\n', ' ')));
        var locations = document.Lines.Select(l => l.Cells.IsDefaultOrEmpty ? new SourceLocation(document.Name) : l.Cells[0].Location).ToArray();
        return Read(text, document.Name, line => locations[Math.Clamp(line - 1, 0, locations.Length - 1)], previousYear, catalogue);
    }

    /// <summary>
    /// The layout-free reading of <paramref name="document"/>: tables found by the sequence of their
    /// row labels in the document's token stream, whatever its line breaks, and each row's numbers
    /// assigned by the table's grammar and arithmetic, whether or not the cells were flattened (a
    /// page collapsed into one line, one cell per line, rows broken over lines). Null when no table
    /// row is found.
    /// </summary>
    public static Report? ReadStream(SourceDocument document, Report? previousYear = null, FormatCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Lines.IsEmpty)
        {
            return null;
        }

        var text = string.Join('\n', document.Lines.Select(l => l.Text.Replace('\n', ' ')));
        var locations = document.Lines.Select(l => l.Cells.IsDefaultOrEmpty ? new SourceLocation(document.Name) : l.Cells[0].Location).ToArray();
        return Read(text, document.Name, line => locations[Math.Clamp(line - 1, 0, locations.Length - 1)], previousYear, catalogue, requireFlattened: false);
    }

    private static Report? Read(string text, string name, Func<int, SourceLocation> locate, Report? previousYear, FormatCatalogue? catalogue, bool requireFlattened = true)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var diagnostics = new List<Diagnostic>();
        if (text.Length > FlattenedLimits.MaxTextChars)
        {
            diagnostics.Add(FlattenedDiagnostics.LimitReached("全文", nameof(FlattenedLimits.MaxTextChars), FlattenedLimits.MaxTextChars, new SourceLocation(name)));
            text = text[..FlattenedLimits.MaxTextChars];
        }

        var flat = FlatText.Build(text);
        ImportBudget.ThrowIfOutOfTime();
        var reader = new Reader(flat, name, cat, locate);
        var t2 = reader.LocateTable2();
        var t3 = reader.LocateTable3(t2?.EndLabel ?? 0);
        var t4 = reader.LocateTable4(t3?.EndLabel ?? t2?.EndLabel ?? 0);
        if (requireFlattened ? !new[] { t2, t3, t4 }.Any(t => t is not null && t.IsFlattened) : t2 is null && t3 is null && t4 is null)
        {
            return null;
        }

        var format = t2?.Layout.Format ?? t3?.Layout.Format ?? "2021";
        var builder = new ReportBuilder(format, cat) { SourceName = name };
        foreach (var t in new[] { t2, t3 })
        {
            if (t is not null)
            {
                builder.UseLayout(t.Layout.Id);
            }
        }

        if (t2 is not null)
        {
            reader.ReadTable2(t2, builder, previousYear);
        }

        if (t3 is not null)
        {
            reader.ReadGrid(t3, builder, previousYear);
        }

        if (t4 is not null)
        {
            reader.ReadTable4(t4, builder);
        }

        foreach (var d in diagnostics.Concat(reader.Diagnostics))
        {
            builder.Add(d);
        }

        return builder.Build();
    }

    [GeneratedRegex(@"(\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalPattern();

    /// <summary>The digit ordinal a row's label starts its own part with (<c>2.其他法律…</c> → 2), if any.</summary>
    internal static string? Ordinal(RowDef row) =>
        OrdinalPattern().Matches(row.Label) is { Count: > 0 } m ? m[^1].Groups[1].Value : null;

    /// <summary>A run of numeric characters in the stream, cut into fragments at separators and placeholders.</summary>
    internal sealed record Run(int Start, int End, ImmutableArray<(int Start, int End)> Fragments);

    /// <summary>Where a row's match phrase was found (label view) and the numbers after it.</summary>
    internal sealed record Located(RowDef Row, int MatchStart, int MatchEnd, bool PhraseHasOrdinal, Run? Run);

    internal sealed record LocatedTable(TableLayout Layout, ImmutableArray<Located?> Rows, int EndLabel, bool IsFlattened);

    private sealed class Reader(FlatText flat, string name, FormatCatalogue catalogue, Func<int, SourceLocation> locate)
    {
        // For each label-view index, how many non-digit characters precede it (distances ignore digit runs).
        private readonly int[] _words = WordPrefix(flat.Label);

        private static int[] WordPrefix(string label)
        {
            var prefix = new int[label.Length + 1];
            for (var i = 0; i < label.Length; i++)
            {
                prefix[i + 1] = prefix[i] + (char.IsAsciiDigit(label[i]) ? 0 : 1);
            }

            return prefix;
        }

        /// <summary>The label-view index <paramref name="words"/> non-digit characters after <paramref name="from"/>.</summary>
        private int WordsAfter(int from, int words)
        {
            var target = _words[Math.Min(from, flat.Label.Length)] + words;
            var i = Array.BinarySearch(_words, target);
            return i < 0 ? flat.Label.Length : i;
        }

        public List<Diagnostic> Diagnostics { get; } = [];

        private SourceLocation At(int streamIndex) =>
            flat.Length == 0 ? new SourceLocation(name) : locate(flat.Lines[Math.Clamp(streamIndex, 0, flat.Length - 1)]);

        // ---------------------------------------------------------------- locating

        public LocatedTable? LocateTable2()
        {
            // The layout whose signals (column headers, 2019-only rows) occur most; the table starts at
            // its first column header (a word the narrative does not use), else its earliest signal.
            TableLayout? layout = null;
            var best = 0;
            var anchor = -1;
            foreach (var candidate in catalogue.Layouts.Where(l => l.Table == "table2"))
            {
                var positions = candidate.Signals.Select(sig => flat.Label.IndexOf(sig, StringComparison.Ordinal)).ToList();
                var score = positions.Count(i => i >= 0);
                if (score > best)
                {
                    best = score;
                    layout = candidate;
                    anchor = positions[0] >= 0 ? positions[0] : positions.Where(i => i >= 0).Min();
                }
            }

            return layout is null ? null : Locate(layout, anchor);
        }

        public LocatedTable? LocateTable3(int from)
        {
            var anchor = s_table3Anchors.Select(a => flat.Label.IndexOf(a, from, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(from).Min();
            var layout2021 = catalogue.LayoutFor("2021", "table3");
            var layout2019 = catalogue.LayoutFor("2019", "table3");
            var located = Locate(layout2021, anchor);
            if (located is null)
            {
                return null;
            }

            // 2021 has the three （六） rows; when they are absent the table follows 2019.
            var sixth = located.Rows.Where(r => r is not null && r.Row.Key.StartsWith("other_", StringComparison.Ordinal)).Count();
            if (sixth < 2 && Locate(layout2019, anchor) is { } l19)
            {
                return l19;
            }

            return located;
        }

        public LocatedTable? LocateTable4(int from)
        {
            var layout = catalogue.Layouts.First(l => l.Table == "table4");
            var last = layout.Rows[^1];
            var review = flat.Label.IndexOf(layout.Rows[0].Match[0], from, StringComparison.Ordinal);
            if (review < 0)
            {
                return null;
            }

            var (start, end) = FindRow(last, review, WordsAfter(review, MaxRowDistance));
            if (start < 0)
            {
                return null;
            }

            var run = RunAfter(flat.StreamAfter(end), flat.Length, MaxTable4Header);
            if (run is null)
            {
                return null;
            }

            var whole = new Located(last, start, end, false, run);
            var rows = layout.Rows.Select((r, i) => i == 0 ? whole : null).ToImmutableArray();
            var columns = layout.Rows.Sum(r => r.Columns.Length);
            return new LocatedTable(layout, rows, end, run.Fragments.Length < columns);
        }

        /// <summary>How many times the row search restarts after a first row that led nowhere (a narrative mention).</summary>
        private const int MaxRestarts = 4;

        /// <summary>
        /// The table's rows from <paramref name="anchor"/>; when a first row found there is not followed
        /// by the others (e.g. 本年新收 quoted in the narrative), the search restarts after it.
        /// </summary>
        private LocatedTable? Locate(TableLayout layout, int anchor)
        {
            LocatedTable? best = null;
            for (var attempt = 0; attempt <= MaxRestarts && anchor < flat.Label.Length; attempt++)
            {
                var (table, firstEnd) = LocateFrom(layout, anchor);
                if (table is not null && (best is null || Found(table) > Found(best)))
                {
                    best = table;
                }

                if (firstEnd < 0 || (best is not null && Found(best) == layout.Rows.Length))
                {
                    break;
                }

                anchor = firstEnd;
            }

            return best;

            static int Found(LocatedTable t) => t.Rows.Count(r => r is not null);
        }

        private (LocatedTable? Table, int FirstEnd) LocateFrom(TableLayout layout, int anchor)
        {
            var rows = new Located?[layout.Rows.Length];
            var pos = anchor;
            var found = 0;
            for (var i = 0; i < layout.Rows.Length; i++)
            {
                var (start, end) = FindRow(layout.Rows[i], pos, found == 0 ? flat.Label.Length : WordsAfter(pos, MaxRowDistance));
                if (start < 0)
                {
                    continue;
                }

                var phraseHasOrdinal = char.IsAsciiDigit(flat.Label[start]);
                rows[i] = new Located(layout.Rows[i], start, end, phraseHasOrdinal, null);
                pos = end;
                found++;
            }

            var firstEnd = rows.FirstOrDefault(r => r is not null)?.MatchEnd ?? -1;
            if (found < Math.Max(2, layout.Rows.Length / 2))
            {
                return (null, firstEnd);
            }

            // Numbers: the first run after each label, before the next found label.
            var endLabel = anchor;
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i] is not { } row)
                {
                    continue;
                }

                var next = rows.Skip(i + 1).FirstOrDefault(r => r is not null);
                var limit = next is null ? Math.Min(flat.Length, flat.StreamAfter(row.MatchEnd) + MaxLabelTail + FlattenedLimits.MaxDigitsPerRow) : flat.StreamAt(next.MatchStart);
                var run = RunAfter(flat.StreamAfter(row.MatchEnd), limit, MaxLabelTail);
                rows[i] = row with { Run = run };
                endLabel = row.MatchEnd;
            }

            var flattened = rows.Any(r => r?.Run is { } run && run.Fragments.Length < r.Row.Columns.Length);
            return (new LocatedTable(layout, [.. rows], endLabel, flattened), firstEnd);
        }

        /// <summary>The earliest occurrence of any of the row's phrases in [from, until), honouring its exclusions.</summary>
        private (int Start, int End) FindRow(RowDef row, int from, int until)
        {
            var best = (-1, -1);
            foreach (var phrase in Phrases(row))
            {
                var at = from;
                while (at < flat.Label.Length)
                {
                    var i = flat.Label.IndexOf(phrase, at, StringComparison.Ordinal);
                    if (i < 0 || i >= until)
                    {
                        break;
                    }

                    if (!Excluded(row, i, phrase.Length))
                    {
                        if (best.Item1 < 0 || i < best.Item1)
                        {
                            best = (i, i + phrase.Length);
                        }

                        break;
                    }

                    at = i + 1;
                }
            }

            return best;
        }

        /// <summary>
        /// The row's phrases, a leading digit ordinal dropped (<c>3其他</c> → <c>其他</c>): whether the
        /// digit before the label is its ordinal or the previous row's last digit is decided like any
        /// glued ordinal (see <see cref="Alternatives"/>).
        /// </summary>
        private static IEnumerable<string> Phrases(RowDef row)
        {
            foreach (var phrase in row.Match)
            {
                var bare = phrase.TrimStart("0123456789".ToCharArray());
                yield return bare.Length > 1 ? bare : phrase;
            }
        }

        private bool Excluded(RowDef row, int start, int length)
        {
            foreach (var ex in row.Exclude)
            {
                var from = Math.Max(0, start - ex.Length);
                var to = Math.Min(flat.Label.Length, start + length + ex.Length);
                var i = flat.Label.IndexOf(ex, from, to - from, StringComparison.Ordinal);
                if (i >= 0 && i < start + length && i + ex.Length > start)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first numeric run in the stream from <paramref name="from"/>, after at most <paramref name="maxSkip"/> label characters.</summary>
        private Run? RunAfter(int from, int limit, int maxSkip)
        {
            var i = from;
            var skipped = 0;
            while (i < limit && !FlatText.IsNumeric(flat.Chars[i]))
            {
                if (++skipped > maxSkip)
                {
                    return null;
                }

                i++;
            }

            if (i >= limit)
            {
                return null;
            }

            var frags = ImmutableArray.CreateBuilder<(int, int)>();
            var start = i;
            var fragStart = i;
            while (i < limit && FlatText.IsNumeric(flat.Chars[i]))
            {
                var c = flat.Chars[i];
                if (i > fragStart && (flat.SepBefore[i] || c is '/' or '-' || flat.Chars[i - 1] == '/'))
                {
                    frags.Add((fragStart, i));
                    fragStart = i;
                }

                i++;
            }

            frags.Add((fragStart, i));

            // A '.' that ends up at a fragment edge is punctuation, not a decimal point.
            var cleaned = frags.Select(f => Trim(f)).Where(f => f.Item2 > f.Item1).ToImmutableArray();
            return cleaned.IsEmpty ? null : new Run(start, i, cleaned);
        }

        private (int, int) Trim((int Start, int End) f)
        {
            var (s, e) = f;
            while (s < e && flat.Chars[s] == '.')
            {
                s++;
            }

            while (e > s && flat.Chars[e - 1] == '.')
            {
                e--;
            }

            return (s, e);
        }

        private string Text((int Start, int End) f) => new(flat.Chars, f.Start, f.End - f.Start);

        // ---------------------------------------------------------------- ordinals

        /// <summary>Whether the document prints digit ordinals: a first sub-row (<c>不予公开1属于国家秘密</c>) shows its "1" after text.</summary>
        private bool DocumentHasOrdinals(LocatedTable table)
        {
            for (var i = 1; i < table.Rows.Length; i++)
            {
                if (table.Rows[i] is not { } row || Ordinal(row.Row) != "1" || row.PhraseHasOrdinal)
                {
                    continue;
                }

                var prev = table.Rows.Take(i).LastOrDefault(r => r is not null);
                var headStart = prev?.Run?.End ?? (prev is null ? 0 : flat.StreamAfter(prev.MatchEnd));
                var headEnd = flat.StreamAt(row.MatchStart);
                for (var j = headStart + 1; j < headEnd; j++)
                {
                    if (flat.Chars[j] == '1' && !FlatText.IsNumeric(flat.Chars[j - 1]) && (j + 1 >= headEnd || !char.IsAsciiDigit(flat.Chars[j + 1])))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The ways a row's run may be cut: as found, and without a trailing ordinal of the next row
        /// (<c>…0002</c> before <c>其他法律…</c> when the next label is <c>2.其他法律…</c>). When the
        /// document shows it prints ordinals, only the stripped form is kept.
        /// </summary>
        private ImmutableArray<ImmutableArray<(int Start, int End)>> Alternatives(LocatedTable table, int index, bool ordinals)
        {
            var row = table.Rows[index]!;
            var frags = row.Run!.Fragments;
            var nextDef = index + 1 < table.Layout.Rows.Length ? table.Layout.Rows[index + 1] : null;
            var ordinal = nextDef is null ? null : Ordinal(nextDef);
            var nextFound = table.Rows.Skip(index + 1).FirstOrDefault(r => r is not null);
            var last = frags[^1];
            var lastText = Text(last);
            if (ordinal is null or "1" || (nextFound is not null && nextFound.Row == nextDef && nextFound.PhraseHasOrdinal)
                || !lastText.EndsWith(ordinal, StringComparison.Ordinal) || !lastText.All(char.IsAsciiDigit)
                || row.Run.End >= flat.Length || FlatText.IsNumeric(flat.Chars[row.Run.End]))
            {
                return [frags];
            }

            var strippedLast = (last.Start, last.End - ordinal.Length);
            var stripped = strippedLast.Item2 > strippedLast.Start ? frags.SetItem(frags.Length - 1, strippedLast) : frags.RemoveAt(frags.Length - 1);
            if (stripped.IsEmpty)
            {
                return ordinals ? [] : [frags];
            }

            return ordinals ? [stripped] : [stripped, frags];
        }

        // ---------------------------------------------------------------- reading

        public void ReadTable2(LocatedTable table, ReportBuilder builder, Report? previous)
        {
            var split = 0;
            var ambiguous = 0;
            foreach (var located in table.Rows)
            {
                if (located is null)
                {
                    continue;
                }

                var row = located.Row;
                var cells = new CellRef[row.Columns.Length];
                for (var c = 0; c < cells.Length; c++)
                {
                    cells[c] = new CellRef("table2", row.Key, c);
                }

                if (located.Run is not { } run)
                {
                    foreach (var cell in cells)
                    {
                        builder.Set(cell, new Cell(CellState.Missing, null, null, At(flat.StreamAt(located.MatchStart))));
                    }

                    continue;
                }

                var shape = Table2Shape(table.Layout, row);
                var fragments = run.Fragments.Select(Text).ToList();
                var result = FlattenedTableSolver.SplitRow(fragments, shape);
                var readings = result.Readings;
                if (previous is not null && table.Layout.Id == "table2-2021" && row.Columns.Length == 3
                    && previous.Layouts.GetValueOrDefault("table2") == "table2-2021"
                    && previous["table2", row.Key, 2].Value is { } lastInForce)
                {
                    var consistent = readings.Where(r => r[2] == lastInForce + r[0] - r[1]).ToImmutableArray();
                    if (!consistent.IsEmpty)
                    {
                        readings = consistent;
                    }
                }

                if (result.LimitReached)
                {
                    Diagnostics.Add(FlattenedDiagnostics.LimitReached(RuleEngine.CellName(table.Layout, row, 0), nameof(FlattenedLimits.MaxCandidatesPerRow), FlattenedLimits.MaxCandidatesPerRow, At(run.Start)));
                }

                if (run.Fragments.Length < row.Columns.Length)
                {
                    split++;
                }

                ambiguous += SetRow(builder, cells, readings, run.Fragments, run, table.Layout, row);
            }

            if (split > 0)
            {
                Diagnostics.Add(FlattenedDiagnostics.SplitDone("table2", split, table.Rows.Where(r => r is not null).Sum(r => r!.Row.Columns.Length), ambiguous, 0, FirstLocation(table)));
            }
        }

        private static RowShape Table2Shape(TableLayout layout, RowDef row)
        {
            var n = row.Columns.Length;
            var shape = new RowShape(n)
            {
                AllowNegative = [.. row.Columns.Select(c => c.AllowNegative)],
                AllowDecimal = [.. Enumerable.Range(0, n).Select(c => row.IsDecimal && c == n - 1)],
            };

            // Plausibility (shared/spec/ogi-domain.md A.3, B.2): no more issued or repealed than there
            // can be in force; a 2019 count of items cannot fall below zero.
            return (layout.Format, row.Columns.Select(c => c.Key).FirstOrDefault()) switch
            {
                // A placeholder cell (null) leaves nothing to check.
                ("2021", "issued") => shape with { Plausible = v => v[0] is not { } issued || v[1] is not { } repealed || v[2] is not { } inForce || issued <= inForce + repealed },
                ("2019", "new_made") => shape with { Plausible = v => v[1] is not { } published || v[2] is not { } total || published <= total },
                ("2019", "previous_items") => shape with { Plausible = v => v[0] is not { } items || v[1] is not { } change || items + change >= 0 },
                _ => shape,
            };
        }

        public void ReadGrid(LocatedTable table, ReportBuilder builder, Report? previous)
        {
            var layout = table.Layout;
            var ordinals = DocumentHasOrdinals(table);
            var inputs = new List<GridRowInput>();
            var alternatives = new List<ImmutableArray<ImmutableArray<(int Start, int End)>>>();
            var rowShape = GridRowShape(layout);
            for (var i = 0; i < table.Rows.Length; i++)
            {
                var alts = table.Rows[i]?.Run is null ? [] : Alternatives(table, i, ordinals);
                var texts = alts.Select(a => a.Select(Text).ToImmutableArray()).ToImmutableArray();
                if (previous is not null && layout.Rows[i].Key == "carried_over" && CarriedForward(previous, rowShape.Columns) is { } last)
                {
                    // X.carry-over: last year's 结转下年度 is this year's 上年结转. When the run can be read
                    // so, that reading is the only one offered (each cell its own fragment).
                    var k = -1;
                    for (var a = 0; a < texts.Length && k < 0; a++)
                    {
                        var readings = FlattenedTableSolver.SplitRow(texts[a], rowShape).Readings;
                        k = readings.Any(r => r.Cells.Select(c => c.Value).SequenceEqual(last.Select(v => (decimal?)v))) ? a : -1;
                    }

                    if (k >= 0)
                    {
                        alts = [alts[k]];
                        texts = [[.. last.Select(v => v.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture))]];
                    }
                }

                alternatives.Add(alts);
                inputs.Add(new GridRowInput(texts, rowShape));
            }

            var equations = catalogue.Rules
                .Where(r => r.Table == layout.Table && r.Over == RuleScope.Columns)
                .Select(r => Equation(layout, r))
                .Where(e => e is not null)
                .Select(e => e!)
                .ToList();
            var solution = FlattenedTableSolver.SolveGrid(inputs, equations, layout.Columns.Length);
            if (solution.LimitReached is { } limit)
            {
                Diagnostics.Add(FlattenedDiagnostics.LimitReached(RuleEngine.TableName(layout.Table), limit, LimitValue(limit), FirstLocation(table)));
            }

            var split = 0;
            var ambiguous = 0;
            for (var i = 0; i < table.Rows.Length; i++)
            {
                var def = layout.Rows[i];
                var cells = Enumerable.Range(0, def.Columns.Length).Select(c => new CellRef(layout.Table, def.Key, c)).ToArray();
                if (table.Rows[i] is not { } located)
                {
                    continue;
                }

                if (alternatives[i].IsEmpty)
                {
                    foreach (var cell in cells)
                    {
                        builder.Set(cell, new Cell(CellState.Missing, null, null, At(flat.StreamAt(located.MatchStart))));
                    }

                    continue;
                }

                if (located.Run is not { } run || solution.Rows[i] is not { } row)
                {
                    var where = located.Run is { } r0 ? At(r0.Start) : At(flat.StreamAt(located.MatchStart));
                    if (located.Run is { } r1)
                    {
                        Diagnostics.Add(Unsplittable(RuleEngine.CellName(layout, def, 0), RawOf(r1), def.Columns.Length, where));
                    }

                    foreach (var cell in cells)
                    {
                        builder.Set(cell, new Cell(CellState.Missing, null, located.Run is null ? null : RawOf(located.Run), where));
                    }

                    continue;
                }

                if (run.Fragments.Length < def.Columns.Length)
                {
                    split++;
                }

                var frags = alternatives[i][^1];
                for (var c = 0; c < cells.Length; c++)
                {
                    ambiguous += SetCell(builder, cells[c], row[c].Values, row[c].Cell, frags, run);
                }
            }

            Diagnostics.Add(FlattenedDiagnostics.SplitDone(layout.Table, split, split * layout.Columns.Length, ambiguous, solution.Violations, FirstLocation(table)));
            if (solution.Violations > 0 && ambiguous > 0)
            {
                Diagnostics.Add(FlattenedDiagnostics.InconsistentTable(layout.Table, solution.Violations, ambiguous, FirstLocation(table)));
            }
        }

        public void ReadTable4(LocatedTable table, ReportBuilder builder)
        {
            var layout = table.Layout;
            var run = table.Rows[0]!.Run!;
            var columns = layout.Rows.Sum(r => r.Columns.Length);
            var rules = ImmutableArray.CreateBuilder<RowRule>();
            var offset = 0;
            foreach (var row in layout.Rows)
            {
                foreach (var rule in catalogue.Rules.Where(r => r.Table == layout.Table && r.Over == RuleScope.Rows))
                {
                    var keys = layout.Columns.Select(c => c.Key).ToList();
                    var total = keys.IndexOf(rule.Left[0]);
                    var parts = rule.Right.Select(keys.IndexOf).ToList();
                    if (total >= 0 && parts.All(p => p >= 0))
                    {
                        rules.Add(new RowRule(offset + total, [.. parts.Select(p => offset + p)]));
                    }
                }

                offset += row.Columns.Length;
            }

            var shape = new RowShape(columns) { Rules = rules.ToImmutable() };
            var result = FlattenedTableSolver.SplitRow(run.Fragments.Select(Text).ToList(), shape);
            if (result.LimitReached)
            {
                Diagnostics.Add(FlattenedDiagnostics.LimitReached(RuleEngine.TableName(layout.Table), nameof(FlattenedLimits.MaxSearchNodes), FlattenedLimits.MaxSearchNodes, At(run.Start)));
            }

            var refs = layout.Rows.SelectMany(r => Enumerable.Range(0, r.Columns.Length).Select(c => new CellRef(layout.Table, r.Key, c))).ToArray();
            if (result.Readings.IsEmpty)
            {
                Diagnostics.Add(Unsplittable(RuleEngine.TableName(layout.Table), RawOf(run), columns, At(run.Start)));
                foreach (var cell in refs)
                {
                    builder.Set(cell, new Cell(CellState.Missing, null, RawOf(run), At(run.Start)));
                }

                return;
            }

            var ambiguous = SetRow(builder, refs, result.Readings, run.Fragments, run, layout, null);
            if (run.Fragments.Length < columns)
            {
                Diagnostics.Add(FlattenedDiagnostics.SplitDone(layout.Table, layout.Rows.Length, columns, ambiguous, result.Violations, At(run.Start)));
            }

            if (result.Violations > 0 && ambiguous > 0)
            {
                Diagnostics.Add(FlattenedDiagnostics.InconsistentTable(layout.Table, result.Violations, ambiguous, At(run.Start)));
            }
        }

        private int SetRow(ReportBuilder builder, CellRef[] cells, ImmutableArray<RowReading> readings, ImmutableArray<(int Start, int End)> frags, Run run, TableLayout layout, RowDef? row)
        {
            if (readings.IsEmpty)
            {
                var where = At(run.Start);
                Diagnostics.Add(Unsplittable(row is null ? RuleEngine.TableName(layout.Table) : RuleEngine.CellName(layout, row, 0), RawOf(run), cells.Length, where));
                foreach (var cell in cells)
                {
                    builder.Set(cell, new Cell(CellState.Missing, null, RawOf(run), where));
                }

                return 0;
            }

            var ambiguous = 0;
            for (var c = 0; c < cells.Length; c++)
            {
                var column = c;
                var values = readings.Select(r => r[column]).Distinct().OrderBy(v => v ?? decimal.MinValue).ToImmutableArray();
                ambiguous += SetCell(builder, cells[c], values, readings[0].Cells[c], frags, run);
            }

            return ambiguous;
        }

        private int SetCell(ReportBuilder builder, CellRef cell, ImmutableArray<decimal?> values, SplitCell read, ImmutableArray<(int Start, int End)> frags, Run run)
        {
            if (values.Length == 1)
            {
                var where = At(StreamIndex(frags, read.Offset, run));
                builder.Set(cell, values[0] is { } v ? Cell.Of(v, where, read.Raw) : read.IsInferred ? new Cell(CellState.Missing, null, null, where) : Cell.NonNumeric(read.Raw, where));
                return 0;
            }

            var readings = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
            builder.Set(cell, Cell.Ambiguous(readings, RawOf(run), At(run.Start)));
            return 1;
        }

        private static int StreamIndex(ImmutableArray<(int Start, int End)> frags, int offset, Run run)
        {
            if (offset < 0)
            {
                return run.Start;
            }

            foreach (var (start, end) in frags)
            {
                if (offset < end - start)
                {
                    return start + offset;
                }

                offset -= end - start;
            }

            return run.Start;
        }

        private static decimal[]? CarriedForward(Report previous, int columns)
        {
            var values = Enumerable.Range(0, columns).Select(c => previous["table3", "carried_forward", c].Value).ToArray();
            return values.All(v => v.HasValue) ? [.. values.Select(v => v!.Value)] : null;
        }

        private RowShape GridRowShape(TableLayout layout)
        {
            var rules = ImmutableArray.CreateBuilder<RowRule>();
            var keys = layout.Columns.Select(c => c.Key).ToList();
            foreach (var rule in catalogue.Rules.Where(r => r.Table == layout.Table && r.Over == RuleScope.Rows))
            {
                var total = keys.IndexOf(rule.Left[0]);
                var parts = rule.Right.Select(keys.IndexOf).ToList();
                if (rule.Left.Length == 1 && total >= 0 && parts.All(p => p >= 0))
                {
                    rules.Add(new RowRule(total, [.. parts]));
                }
            }

            return new RowShape(layout.Columns.Length) { Rules = rules.ToImmutable() };
        }

        private static ColumnEquation? Equation(TableLayout layout, EquationRule rule)
        {
            var rows = new List<int>();
            var coefs = new List<int>();
            var keys = layout.Rows.Select(r => r.Key).ToList();
            foreach (var (side, coef) in new[] { (rule.Left, 1), (rule.Right, -1) })
            {
                foreach (var key in side)
                {
                    var indices = key == "@outcome"
                        ? Enumerable.Range(0, layout.Rows.Length).Where(i => layout.Rows[i].IsOutcome).ToList()
                        : [keys.IndexOf(key)];
                    if (indices.Contains(-1))
                    {
                        return null;
                    }

                    rows.AddRange(indices);
                    coefs.AddRange(indices.Select(_ => coef));
                }
            }

            return new ColumnEquation(rule.Id, [.. rows], [.. coefs]);
        }

        private static int LimitValue(string limit) => limit switch
        {
            nameof(FlattenedLimits.MaxCandidatesPerRow) => FlattenedLimits.MaxCandidatesPerRow,
            nameof(FlattenedLimits.MaxViolations) => FlattenedLimits.MaxViolations,
            _ => FlattenedLimits.MaxSearchNodes,
        };

        private string RawOf(Run run) => string.Join(' ', run.Fragments.Select(Text));

        private SourceLocation FirstLocation(LocatedTable table) =>
            table.Rows.FirstOrDefault(r => r?.Run is not null)?.Run is { } run ? At(run.Start) : new SourceLocation(name);

        private static Diagnostic Unsplittable(string what, string raw, int cells, SourceLocation where) =>
            new(FlattenedDiagnostics.Unsplittable, Severity.Warning, $"{what}：“{raw}”不能拆成{cells}个单元格", where);
    }
}
