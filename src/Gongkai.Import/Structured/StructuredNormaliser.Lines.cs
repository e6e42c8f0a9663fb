using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>The document as the structured normaliser sees it: lines of classified fragments.</summary>
internal sealed partial class StructuredNormaliser
{
    private enum Kind
    {
        Text,
        Empty,
        Number,
        NonNumeric,
    }

    private sealed record Frag(Fragment Source, int Line, int Index, string Norm, Kind Kind, decimal? Value)
    {
        public bool IsValue => Kind is Kind.Number or Kind.NonNumeric;

        /// <summary>
        /// Text that holds three or more numbers set apart by spaces: several cells run together
        /// (a page collapsed into one line and cut only where a label had a run of spaces), not a
        /// row label. The flattened normaliser reads them.
        /// </summary>
        public bool RunTogether { get; init; }
    }

    private sealed partial class Doc
    {
        public Doc(SourceDocument source, FormatCatalogue catalogue)
        {
            EmptyCellLines = PrintsEmptyCellsAsLines(source);
            source = WithColumnsAsRows(WithoutPageBreaksInLabels(WithoutRowIndex(source), catalogue), catalogue);
            Source = source;
            var count = source.Lines.Length;
            Lines = new Frag[count][];
            LineNorm = new string[count];
            SpaceSeparated = new bool[count];
            Spans = new ImmutableArray<CellSpan>[count];
            var norm = new System.Text.StringBuilder();
            for (var i = 0; i < count; i++)
            {
                var line = source.Lines[i];
                var frags = new Frag[line.Cells.Length];
                norm.Clear();
                for (var j = 0; j < frags.Length; j++)
                {
                    frags[j] = MarkRunTogether(Classify(line.Cells[j], i, j));
                    if (frags[j].Kind == Kind.Text)
                    {
                        norm.Append(frags[j].Norm);
                    }
                }

                Lines[i] = frags;
                LineNorm[i] = norm.ToString();
                SpaceSeparated[i] = line.SpaceSeparated;
                Spans[i] = line.Spans;
            }
        }

        /// <summary>
        /// Whether the text prints its tables one cell per line, an empty cell an empty line
        /// (LibreOffice's text export), as the source gave it (before its rows are put together).
        /// </summary>
        public bool EmptyCellLines { get; }

        /// <summary>Longer text is no value (a number with its unit and padding is far shorter).</summary>
        private const int MaxValueText = 32;

        /// <summary>Pairs of lines of one value each, one after the other, that a text printing one cell per line has at least.</summary>
        private const int MinCellLinePairs = 4;

        /// <summary>
        /// Whether the source prints one cell per line with its empty cells as empty lines, not its
        /// cells as paragraphs set apart by empty lines (a page's cells as Markdown paragraphs): of
        /// its pairs of lines of one value each that follow one another, at least
        /// <see cref="MinCellLinePairs"/>, nine in ten stand on adjacent source lines.
        /// </summary>
        private static bool PrintsEmptyCellsAsLines(SourceDocument source)
        {
            var (pairs, adjacent) = (0, 0);
            int? previous = null;
            foreach (var line in source.Lines)
            {
                // A value is short: prose is not classified.
                int? at = line.Cells is [var only] && only.Location.Line is { } n && only.Text.Length <= MaxValueText
                    && !string.IsNullOrWhiteSpace(only.Text) && IsValueText(only.Text) ? n : null;
                if (previous is { } p && at is { } a)
                {
                    pairs++;
                    adjacent += a == p + 1 ? 1 : 0;
                }

                previous = at;
            }

            return pairs >= MinCellLinePairs && adjacent * 10 >= pairs * 9;
        }

        private static Frag MarkRunTogether(Frag frag) =>
            frag.Kind == Kind.Text && frag.Source.Text.Length >= 5 && NumbersApartPattern().IsMatch(frag.Source.Text) ? frag with { RunTogether = true } : frag;

        [GeneratedRegex(@"(?:^|\s)[0-9]+(?:\s+[0-9]+){2}(?:\s|$)", RegexOptions.CultureInvariant)]
        private static partial Regex NumbersApartPattern();

        /// <summary>
        /// The document without a data frame's index: a table printed by pandas (<c>to_markdown()</c>
        /// of <c>read_html</c>) has a header line of column numbers (an empty cell, then <c>0</c>,
        /// <c>1</c>, … in order) and each row led by its number (<c>0</c>, <c>1</c>, …). The header line
        /// is dropped and each row's number with it; a row number would be read as the row's first cell.
        /// When pandas took the table's header rows for column names (<c>read_html</c> inferring them from
        /// <c>th</c> or <c>thead</c>), the header line holds the names (<c>('申请人情况', '自然人')</c>,
        /// <c>Unnamed: 0_level_0</c>) after its empty cell: it stays, without that cell. Printed by
        /// <c>to_string()</c> in columns of spaces, the names stand right of the index column (the line
        /// has no cell for it) and each row has one cell more: the line stays as it is.
        /// </summary>
        private static SourceDocument WithoutRowIndex(SourceDocument source)
        {
            List<SourceLine>? kept = null;
            for (var i = 0; i < source.Lines.Length; i++)
            {
                var line = source.Lines[i];
                // The header line: column numbers (dropped), names after the index's empty cell (kept
                // without it), or names set right of the index column in columns of spaces (kept as they are).
                var header = IsColumnNumbers(line.Cells) ? 0 : IsNamedHeader(line.Cells) ? 1 : IndentedHeader(source.Lines, i) ? 2 : -1;
                var rows = header switch
                {
                    0 => CountIndexed(source.Lines, i + 1),
                    1 => CountIndexed(source.Lines, i + 1, line.Cells.Length),
                    2 => CountIndexed(source.Lines, i + 1, line.Cells.Length + 1),
                    _ => 0,
                };
                if (rows == 0)
                {
                    kept?.Add(line);
                    continue;
                }

                kept ??= [.. source.Lines.Take(i)];
                if (header == 1)
                {
                    kept.Add(line with { Cells = line.Cells.RemoveAt(0), Spans = line.Spans.IsDefaultOrEmpty ? line.Spans : line.Spans.RemoveAt(0) });
                }
                else if (header == 2)
                {
                    kept.Add(line);
                }

                for (var r = 1; r <= rows; r++)
                {
                    var row = source.Lines[i + r];
                    kept.Add(row with { Cells = row.Cells.RemoveAt(0), Spans = row.Spans.IsDefaultOrEmpty ? row.Spans : row.Spans.RemoveAt(0) });
                }

                i += rows;
            }

            return kept is null ? source : source with { Lines = [.. kept] };
        }

        /// <summary>Whether the cells are an empty one, then <c>0</c>, <c>1</c>, … (two or more).</summary>
        private static bool IsColumnNumbers(ImmutableArray<Fragment> cells)
        {
            if (cells.Length < 3 || cells[0].Text.Trim().Length > 0)
            {
                return false;
            }

            for (var c = 1; c < cells.Length; c++)
            {
                if (!IsNumber(cells[c].Text, c - 1))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the line of <paramref name="i"/> is a data frame's header as <c>to_string()</c> prints
        /// it in columns of spaces: text only (two or more names, none a number), set right of where the
        /// next line's first cell (its index) ends.
        /// </summary>
        private static bool IndentedHeader(ImmutableArray<SourceLine> lines, int i)
        {
            var line = lines[i];
            if (i + 1 >= lines.Length || line.Cells.Length < 2 || line.Spans.Length != line.Cells.Length
                || lines[i + 1].Spans.Length != lines[i + 1].Cells.Length || lines[i + 1].Cells.Length != line.Cells.Length + 1
                || line.Spans[0].Start <= lines[i + 1].Spans[0].End)
            {
                return false;
            }

            foreach (var cell in line.Cells)
            {
                var text = cell.Text.AsSpan().Trim();
                if (text.IsEmpty || char.IsAsciiDigit(text[0]) || text[0] == '-')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the cells are a data frame's named header: an empty cell (the index's), then three or
        /// more names, none of them empty or a number.
        /// </summary>
        private static bool IsNamedHeader(ImmutableArray<Fragment> cells)
        {
            if (cells.Length < 4 || cells[0].Text.Trim().Length > 0)
            {
                return false;
            }

            for (var c = 1; c < cells.Length; c++)
            {
                var text = cells[c].Text.AsSpan().Trim();
                if (text.IsEmpty || char.IsAsciiDigit(text[0]) || text[0] == '-')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// How many lines from <paramref name="start"/> are led by their number from 0 (and have more
        /// cells; exactly <paramref name="width"/> when given, as under a named header).
        /// </summary>
        private static int CountIndexed(ImmutableArray<SourceLine> lines, int start, int width = 0)
        {
            var n = 0;
            while (start + n < lines.Length && lines[start + n].Cells.Length > 1 && (width == 0 || lines[start + n].Cells.Length == width) && IsNumber(lines[start + n].Cells[0].Text, n))
            {
                n++;
            }

            return n;
        }

        private static bool IsNumber(string text, int n) =>
            int.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k == n;

        /// <summary>How many running header or footer lines may stand beside a page number.</summary>
        internal const int MaxRunningLines = 2;

        /// <summary>
        /// The document without the page breaks that cut a row label (<c>4、无正当理由大</c> / <c>- 3 -</c> /
        /// <c>政府信息公开</c> / <c>量反复申请 0 0 …</c>): a page number (<c>3</c>, <c>- 3 -</c>,
        /// <c>第 3 页 共 5 页</c>) alone on its line, after a line of text only, and followed by at most
        /// two lines of one text cell each (the running footer and header) and then a line that starts
        /// with text and holds values (the label's tail and the row's cells), where the text before
        /// the break and the tail are one row's label and the tail alone none. The page number would be read as
        /// the row's first cell, the running lines as the label's tail.
        /// </summary>
        private static SourceDocument WithoutPageBreaksInLabels(SourceDocument source, FormatCatalogue catalogue)
        {
            var lines = source.Lines;
            List<SourceLine>? kept = null;
            for (var i = 0; i < lines.Length; i++)
            {
                // Cheapest tests first: most lines of a one-cell-per-line table are numbers, like a page number.
                if (i > 0 && IsPageNumber(lines[i]) && TailAfterBreak(lines, i) is { } tail && TextOnly(lines[i - 1]) is { } head
                    && CutLabel(catalogue, head, Classify(lines[tail].Cells.First(c => !string.IsNullOrWhiteSpace(c.Text)), tail, 0).Norm)
                    && !Enumerable.Range(i + 1, tail - i - 1).Any(k => NamesRow(catalogue, lines[k])))
                {
                    kept ??= [.. lines.Take(i)];
                    i = tail - 1;
                    continue;
                }

                kept?.Add(lines[i]);
            }

            return kept is null ? source : source with { Lines = [.. kept] };
        }

        /// <summary>The index of the line after a page number at <paramref name="page"/> that starts with text and holds values, past at most <see cref="MaxRunningLines"/> running lines; else null.</summary>
        private static int? TailAfterBreak(ImmutableArray<SourceLine> lines, int page)
        {
            for (var i = page + 1; i < lines.Length && i <= page + MaxRunningLines + 1; i++)
            {
                var cells = lines[i].Cells;
                var at = 0;
                while (at < cells.Length && string.IsNullOrWhiteSpace(cells[at].Text))
                {
                    at++;
                }

                if (at == cells.Length || DigitsOnly(cells[at].Text) || Classify(cells[at], i, 0, label: false).Kind != Kind.Text)
                {
                    return null;
                }

                var others = false;
                for (var k = at + 1; k < cells.Length; k++)
                {
                    if (string.IsNullOrWhiteSpace(cells[k].Text))
                    {
                        continue;
                    }

                    if (Classify(cells[k], i, 0, label: false).IsValue)
                    {
                        return i;
                    }

                    others = true;
                }

                if (others)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The line's last text when it holds text only; else null.</summary>
        private static string? TextOnly(SourceLine line)
        {
            var cells = line.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => Classify(c, 0, 0)).ToList();
            return cells.Count > 0 && cells.All(c => c.Kind == Kind.Text) ? cells[^1].Norm : null;
        }

        /// <summary>
        /// Whether <paramref name="head"/> continued by <paramref name="tail"/> is a row's label
        /// (<c>二、上年结转政</c> + <c>府信息公开申请数量</c>) and neither part alone is another row's
        /// (<c>行政许可</c> / <c>15</c> / <c>行政处罚 8</c> is two rows).
        /// </summary>
        private static bool CutLabel(FormatCatalogue catalogue, string head, string tail)
        {
            var rows = catalogue.Layouts.SelectMany(l => l.Rows).ToList();
            var alone = rows.Where(r => Matches(r, head) || Matches(r, tail)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            return rows.Exists(r => (MatchesAcross(r, head, tail) || Matches(r, head + tail)) && alone.All(k => k == r.Key));
        }

        /// <summary>Whether the line's text names a row (<c>行政处罚</c> with its cell left blank is a row, not a running line).</summary>
        private static bool NamesRow(FormatCatalogue catalogue, SourceLine line)
        {
            var text = TextOnly(line);
            return text is not null && catalogue.Layouts.SelectMany(l => l.Rows).Any(r => Matches(r, text));
        }

        /// <summary>Whether the line holds a page number alone (<c>3</c>, <c>- 3 -</c>, <c>第 3 页 共 5 页</c>).</summary>
        internal static bool IsPageNumber(SourceLine line)
        {
            string? only = null;
            foreach (var cell in line.Cells)
            {
                if (string.IsNullOrWhiteSpace(cell.Text))
                {
                    continue;
                }

                if (only is not null)
                {
                    return false;
                }

                only = cell.Text;
            }

            return only is not null && PageNumberPattern().IsMatch(only.AsSpan().Trim());
        }

        /// <summary>Whether <paramref name="text"/> is digits only (spaces aside): a number, never a label's tail.</summary>
        private static bool DigitsOnly(string text)
        {
            var any = false;
            foreach (var c in text)
            {
                if (char.IsAsciiDigit(c))
                {
                    any = true;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return any;
        }

        [GeneratedRegex(@"^(?:[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$", RegexOptions.CultureInvariant)]
        private static partial Regex PageNumberPattern();

        /// <summary>Per line, <see cref="SourceLine.Spans"/> (empty when the line's positions are not known).</summary>
        public ImmutableArray<CellSpan>[] Spans { get; }

        /// <summary>Per line, <see cref="SourceLine.SpaceSeparated"/>.</summary>
        public bool[] SpaceSeparated { get; }

        /// <summary>
        /// Rows (<c>table/row</c>) found on a space-separated line with fewer numbers than cells and
        /// nothing after them: which cell is blank cannot be told, so the row is left unread.
        /// </summary>
        public HashSet<string> ShortRows { get; } = new(StringComparer.Ordinal);

        /// <summary>Where the values rows took stand (line, cell), so a later row knows what no row took.</summary>
        private readonly HashSet<(int Line, int Index)> _claimed = [];

        public void Claim(IEnumerable<Frag> values)
        {
            foreach (var v in values)
            {
                _claimed.Add((v.Line, v.Index));
            }
        }

        public bool Claimed(Frag value) => _claimed.Contains((value.Line, value.Index));

        /// <summary>Cells whose values are known but not their order (<see cref="Fragment.OneOf"/>), left to <see cref="SettleByArithmetic"/>.</summary>
        public List<OneOfCells> OneOf { get; } = [];

        /// <summary>Lines a table took past its region (table 4 after the next sections' headings): not those sections' text.</summary>
        public HashSet<int> TakenLines { get; } = [];

        public SourceDocument Source { get; }

        public Frag[][] Lines { get; }

        public string[] LineNorm { get; }

        private readonly Dictionary<(int Start, int End), string> _regionText = [];

        /// <summary>Whether the region's text holds <paramref name="phrase"/>, also when a line break cuts it.</summary>
        public bool RegionContains((int Start, int End) region, string phrase)
        {
            if (region.End <= region.Start)
            {
                return false;
            }

            // The region's text as one string, joined once per region: a phrase within a line is in it,
            // and so is one cut by a line break.
            if (!_regionText.TryGetValue(region, out var text))
            {
                text = string.Concat(LineNorm.AsSpan(region.Start, region.End - region.Start));
                _regionText[region] = text;
            }

            return text.Contains(phrase, StringComparison.Ordinal);
        }
    }
}
