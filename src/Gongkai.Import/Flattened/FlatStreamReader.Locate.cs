using System.Collections.Immutable;
using Gongkai.Domain.Reports;
using static Gongkai.Import.Flattened.FlattenedTableReader;

namespace Gongkai.Import.Flattened;

/// <summary>Table location: rows found by their label phrases in table order, and the numbers after them.</summary>
internal sealed partial class FlatStreamReader
{
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
        var layout2021 = catalogue.LayoutFor("2021", "table3");
        var anchor = layout2021.Anchors.Select(a => flat.Label.IndexOf(a, from, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(from).Min();
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
        var headers = HeaderSpans(layout);
        for (var i = 0; i < layout.Rows.Length; i++)
        {
            var (start, end) = FindRow(layout.Rows[i], pos, found == 0 ? flat.Label.Length : WordsAfter(pos, MaxRowDistance), headers);
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
    /// <param name="row">The row.</param>
    /// <param name="from">Where to search from (label view).</param>
    /// <param name="until">Where a match may start at the latest.</param>
    /// <param name="headers">Spans of the table's header printed (again): no row is found inside them.</param>
    private (int Start, int End) FindRow(RowDef row, int from, int until, List<(int Start, int End)>? headers = null)
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

                if (!Excluded(row, i, phrase.Length) && !InHeader(headers, i))
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

    private readonly Dictionary<string, List<(int Start, int End)>> _headerSpans = new(StringComparer.Ordinal);

    /// <summary>How many label characters may stand between two column labels of one header (法人或其他组织, 申请人情况).</summary>
    private const int MaxHeaderGap = 8;

    /// <summary>
    /// Where a grid's header stands in the label view (its first print and any repeat after a page
    /// break): three or more of its column labels one after another, with no digit between them, each once.
    /// A label printed again after it (<c>…法律服务机构 其他 其他 0 8236</c>, <c>…其他 （七）总计</c>) is
    /// the row of that name.
    /// Its 其他 and 总计 (合计) are column labels, not the rows of that name.
    /// </summary>
    private List<(int Start, int End)>? HeaderSpans(TableLayout layout)
    {
        if (!layout.IsGrid)
        {
            return null;
        }

        if (_headerSpans.TryGetValue(layout.Id, out var cached))
        {
            return cached;
        }

        var hits = new List<(int Start, int End, string Label)>();
        foreach (var label in layout.Columns.Select(c => LabelText.Normalize(c.Label)).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal))
        {
            for (var i = flat.Label.IndexOf(label, StringComparison.Ordinal); i >= 0; i = flat.Label.IndexOf(label, i + 1, StringComparison.Ordinal))
            {
                hits.Add((i, i + label.Length, label));
            }
        }

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var spans = new List<(int, int)>();
        for (var k = 0; k < hits.Count;)
        {
            var (start, end, _) = hits[k];
            var labels = new HashSet<string>(StringComparer.Ordinal) { hits[k].Label };
            var before = end;
            var m = k + 1;
            while (m < hits.Count && Joins(end, hits[m].Start))
            {
                // A label standing next to another one is a column of its own (其他 inside 法人或其他组织
                // is not); printed again, it is the row of that name after the header.
                var own = hits[m].Start <= end || (m + 1 < hits.Count && hits[m + 1].Start <= hits[m].End);
                if (own && !labels.Add(hits[m].Label))
                {
                    break;
                }

                (before, end) = (end, Math.Max(end, hits[m].End));
                m++;
            }

            if (m - k >= 2 && hits[m - 1].Start > before)
            {
                // The last label stands apart from the header (（七）总计 after …其他): the row's.
                end = before;
            }

            if (labels.Count >= 3)
            {
                spans.Add((start, end));
            }

            k = m;
        }

        _headerSpans[layout.Id] = spans;
        return spans;
    }

    /// <summary>Whether a column label at <paramref name="next"/> goes on the header ending at <paramref name="end"/>: close to it and no digit between.</summary>
    private bool Joins(int end, int next) =>
        next - end <= MaxHeaderGap && !flat.Label.AsSpan(Math.Min(end, next), Math.Max(0, next - end)).ContainsAnyInRange('0', '9');

    private static bool InHeader(List<(int Start, int End)>? headers, int at) =>
        headers is not null && headers.Exists(h => at >= h.Start && at < h.End);

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
                if (flat.SepBefore[i] && OpensProse(i, limit))
                {
                    // A number set apart before it and run into text after it ("… 2021年，本机关…"):
                    // prose after the table, not a cell (a cell ends at a separator or a label).
                    break;
                }

                frags.Add((fragStart, i));
                fragStart = i;
            }

            i++;
        }

        if (i < limit && flat.Chars[i] == '年' && !flat.SepBefore[i] && i - fragStart > 4 && IsYear(i - 4))
        {
            // Digits run into a year of the prose after the table ("…107.90792021年，本机关…"): no
            // cell is followed by 年, so its last four digits are the year's.
            i -= 4;
        }

        frags.Add((fragStart, i));

        // A '.' that ends up at a fragment edge is punctuation, not a decimal point.
        var cleaned = frags.Select(f => Trim(f)).Where(f => f.Item2 > f.Item1).ToImmutableArray();
        return cleaned.IsEmpty ? null : new Run(start, i, cleaned);
    }

    /// <summary>Whether the four characters at <paramref name="i"/> are a year (19xx, 20xx) and not the tail of a decimal's point.</summary>
    private bool IsYear(int i) =>
        flat.Chars[i] is '1' or '2' && flat.Chars[i + 1] is '9' or '0' && (flat.Chars[i] == '2' ? flat.Chars[i + 1] == '0' : flat.Chars[i + 1] == '9')
        && char.IsAsciiDigit(flat.Chars[i + 2]) && char.IsAsciiDigit(flat.Chars[i + 3]) && !flat.SepBefore[i];

    /// <summary>Whether the digits at <paramref name="i"/> run straight into text (no separator) before <paramref name="limit"/>.</summary>
    private bool OpensProse(int i, int limit)
    {
        var end = i;
        while (end < limit && char.IsAsciiDigit(flat.Chars[end]) && (end == i || !flat.SepBefore[end]))
        {
            end++;
        }

        return end < limit && end > i && !flat.SepBefore[end] && !FlatText.IsNumeric(flat.Chars[end]);
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
    /// Whether digits stand between the end of a run and the next found label (<c>…2552</c>, a table
    /// header printed again, <c>(2)重复申请</c>): the next row's ordinal is printed there, so the
    /// run's last digit is not it.
    /// </summary>
    private bool OrdinalPrintedBefore(int runEnd, Located? next)
    {
        if (next is null)
        {
            return false;
        }

        var labelStart = flat.StreamAt(next.MatchStart);
        for (var i = runEnd; i < labelStart; i++)
        {
            if (char.IsAsciiDigit(flat.Chars[i]))
            {
                return true;
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
            || row.Run.End >= flat.Length || FlatText.IsNumeric(flat.Chars[row.Run.End])
            || OrdinalPrintedBefore(row.Run.End, nextFound))
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
}
