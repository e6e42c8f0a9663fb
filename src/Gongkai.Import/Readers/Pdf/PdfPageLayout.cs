using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers.Pdf;

/// <summary>One glyph in reading coordinates (x to the right, y up), with its position as printed.</summary>
/// <remarks><see cref="Left"/>..<see cref="Right"/> is the ink; <see cref="AdvanceLeft"/>..<see cref="AdvanceRight"/> the advance along the baseline.</remarks>
internal readonly record struct Glyph(string Value, double Left, double Right, double Bottom, double Top, double BaseY, double Size, double PageX, double PageY, double AdvanceLeft, double AdvanceRight)
{
    public double Width => Math.Max(Right - Left, AdvanceRight - AdvanceLeft);

    /// <summary>The space between this glyph's advance and the next glyph's.</summary>
    public double GapTo(Glyph next) => Math.Min(next.Left - Right, next.AdvanceLeft - AdvanceRight);
}

/// <summary>The page a layout is computed for.</summary>
internal readonly record struct PageInfo(string Name, int Number, double Width, double Height);

/// <summary>A horizontal ruling line at <paramref name="Y"/> from <paramref name="X1"/> to <paramref name="X2"/>.</summary>
internal readonly record struct HRule(double Y, double X1, double X2);

/// <summary>A vertical ruling line at <paramref name="X"/> from <paramref name="Y1"/> to <paramref name="Y2"/>.</summary>
internal readonly record struct VRule(double X, double Y1, double Y2);

/// <summary>The ruling lines of a page.</summary>
internal sealed class Segments
{
    /// <summary>Segments shorter than this (points) are ticks or glyph parts, not rules.</summary>
    public const double MinLength = 3;

    public List<HRule> Horizontal { get; } = [];

    public List<VRule> Vertical { get; } = [];

    public int Count => Horizontal.Count + Vertical.Count;

    public void Add((double X, double Y) a, (double X, double Y) b)
    {
        var dx = Math.Abs(a.X - b.X);
        var dy = Math.Abs(a.Y - b.Y);
        if (dy < 1 && dx >= MinLength)
        {
            AddHorizontal((a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X));
        }
        else if (dx < 1 && dy >= MinLength)
        {
            AddVertical((a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y));
        }
    }

    public void AddHorizontal(double y, double x1, double x2)
    {
        if (double.IsFinite(y) && double.IsFinite(x1) && double.IsFinite(x2))
        {
            Horizontal.Add(new HRule(y, x1, x2));
        }
    }

    public void AddVertical(double x, double y1, double y2)
    {
        if (double.IsFinite(x) && double.IsFinite(y1) && double.IsFinite(y2))
        {
            Vertical.Add(new VRule(x, y1, y2));
        }
    }
}

/// <summary>
/// Rebuilds lines and cells from a page's glyphs and ruling lines.
/// <list type="number">
/// <item>Glyphs sharing a baseline form a visual line; a visual line splits into runs at gaps wider
/// than <see cref="ColumnGapFactor"/> glyph widths and at vertical rules.</item>
/// <item>When the page has rules, each run is placed in the cell the nearest rules around it bound.
/// All runs of a cell become one fragment (a wrapped label is joined), and the cells that share a
/// top rule form one table row: one line, label first, then the value cells in column order, with
/// an empty fragment for an empty cell. A cell taller than its row (a merged label such as
/// （三）不予公开) becomes a line of its own before the row.</item>
/// <item>Runs outside cells are free text, one line per visual line. A label printed on one or two
/// text lines directly followed by a line of numbers (a table without rules) is joined to it.</item>
/// <item>Page numbers (<c>-2-</c>, <c>第 2 页</c>) are dropped.</item>
/// </list>
/// </summary>
internal static partial class PdfPageLayout
{
    /// <summary>A gap wider than this many glyph widths separates two columns.</summary>
    public const double ColumnGapFactor = 1.5;

    /// <summary>A gap wider than this many times the type size between two glyphs of a run is a word space.</summary>
    public const double WordGapFactor = 0.2;

    /// <summary>Rules closer than this (points) to a glyph's box still bound it.</summary>
    public const double RuleTolerance = 1.5;

    /// <summary>A "cell" taller than this (points) is a frame around text, not a table cell.</summary>
    public const double MaxCellHeight = 260;

    /// <summary>Text this many times larger than the page's body text is a heading (a wrapped title is joined).</summary>
    public const double HeadingSizeFactor = 1.2;

    /// <summary>A cell with more visual lines than this is a frame around text, not a table cell.</summary>
    public const int MaxCellLines = 8;

    /// <summary>Only a box wider than this (points) can be a frame; narrow tall cells hold vertical labels.</summary>
    public const double MinFrameWidth = 200;

    private sealed class Run
    {
        public Run(List<Glyph> glyphs)
        {
            Glyphs = glyphs;
            Bottom = double.MaxValue;
            Top = double.MinValue;
            foreach (var g in glyphs)
            {
                Bottom = Math.Min(Bottom, g.Bottom);
                Top = Math.Max(Top, g.Top);
                Size = Math.Max(Size, g.Size);
            }
        }

        public List<Glyph> Glyphs { get; }

        public double Left => Glyphs[0].Left;

        public double Right => Glyphs[^1].Right;

        public double Bottom { get; }

        public double Top { get; }

        public double BaseY => Glyphs[0].BaseY;

        public double Size { get; }

        /// <summary>The glyphs' text, with a space where a gap between two glyphs is a word space (PDFs often draw none).</summary>
        public string Text => _text ??= BuildText();

        private string? _text;

        private string BuildText()
        {
            var sb = new StringBuilder(Glyphs.Count + 4);
            for (var i = 0; i < Glyphs.Count; i++)
            {
                if (i > 0 && !IsWide(Glyphs[i].Value) && !IsWide(Glyphs[i - 1].Value)
                    && Glyphs[i - 1].GapTo(Glyphs[i]) > WordGapFactor * Math.Min(Glyphs[i].Size, Glyphs[i - 1].Size))
                {
                    sb.Append(' ');
                }

                sb.Append(Glyphs[i].Value);
            }

            return sb.ToString();
        }

        public int Line { get; init; }
    }

    private sealed record CellBox(double Left, double Right, double Bottom, double Top);

    private sealed record CellItem(CellBox Box, string Text, SourceLocation Location);

    private sealed record Output(double Key, int Order, ImmutableArray<Fragment> Cells, bool Free)
    {
        /// <summary>Where each cell stands, in half the body type size (see <see cref="SourceLine.Spans"/>); empty when unknown.</summary>
        public ImmutableArray<CellSpan> Spans { get; init; } = [];
    }

    public static List<SourceLine> Lines(List<Glyph> glyphs, Segments segments, PageInfo page)
    {
        var visual = VisualLines(glyphs);
        var rules = new RuleIndex(segments);
        var runs = new List<Run>();
        for (var i = 0; i < visual.Count; i++)
        {
            runs.AddRange(SplitRuns(visual[i], rules, i));
        }

        runs = SplitAtColumns(SplitGluedNumbers(runs));

        var outputs = new List<Output>();
        var free = new List<Run>();
        var cells = new Dictionary<CellBox, List<Run>>();
        var ruled = segments.Horizontal.Count > 0 && segments.Vertical.Count > 0;
        foreach (var run in runs)
        {
            if (ruled && CellOf(run, rules) is { } box)
            {
                if (!cells.TryGetValue(box, out var list))
                {
                    cells[box] = list = [];
                }

                list.Add(run);
            }
            else
            {
                free.Add(run);
            }
        }

        // A frame around a page of text is not a table cell.
        foreach (var (box, list) in cells.ToList())
        {
            // A "cell" whose line holds several runs with a number among them is a whole row of a
            // table ruled only across (no column rules): its runs are columns, read as free text.
            var rowLike = list.GroupBy(r => r.Line).Any(g => g.Count() >= 2 && g.Any(r => IsNumber(r.Text)));
            var wide = box.Right - box.Left > MinFrameWidth;
            if (rowLike || (wide && (box.Top - box.Bottom > MaxCellHeight || list.Select(r => r.Line).Distinct().Count() > MaxCellLines)))
            {
                free.AddRange(list);
                cells.Remove(box);
            }
        }

        var order = 0;
        outputs.AddRange(TableRows(cells, segments, page, ref order));
        outputs.AddRange(FreeLines(free, page, ref order));

        var sorted = outputs.OrderByDescending(o => Math.Round(o.Key, 1)).ThenBy(o => o.Order).ToList();
        DropPageNumbers(sorted);
        return sorted.Where(o => o.Cells.Length > 0).Select(o => new SourceLine(o.Cells) { Spans = o.Spans.Length == o.Cells.Length ? o.Spans : [] }).ToList();
    }

    // ---- visual lines and runs -----------------------------------------------------------------

    private static List<List<Glyph>> VisualLines(List<Glyph> glyphs)
    {
        var lines = new List<List<Glyph>>();
        var byBaseline = glyphs.OrderByDescending(g => g.BaseY).ThenBy(g => g.Left).ToList();
        List<Glyph>? current = null;
        var lineBase = 0.0;
        var lineSize = 0.0;
        foreach (var g in byBaseline)
        {
            var tolerance = Math.Max(1.0, 0.3 * Math.Min(lineSize, g.Size));
            if (current is null || Math.Abs(lineBase - g.BaseY) > tolerance)
            {
                current = [];
                lines.Add(current);
                lineBase = g.BaseY;
                lineSize = g.Size;
            }

            current.Add(g);
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return lines;
    }

    private static IEnumerable<Run> SplitRuns(List<Glyph> line, RuleIndex rules, int lineIndex)
    {
        var current = new List<Glyph> { line[0] };
        for (var i = 1; i < line.Count; i++)
        {
            var prev = line[i - 1];
            var next = line[i];
            var gap = prev.GapTo(next);
            var width = Math.Max((prev.Width + next.Width) / 2, Math.Min(prev.Size, next.Size) * 0.3);
            if (gap > ColumnGapFactor * width || RuleBetween(prev, next, rules))
            {
                yield return new Run(current) { Line = lineIndex };
                current = [];
            }

            current.Add(next);
        }

        yield return new Run(current) { Line = lineIndex };
    }

    /// <summary>How close (points) a number's edge must be to a column of numbers to be taken as in it.</summary>
    public const double ColumnEdgeTolerance = 1.5;

    /// <summary>
    /// A label and the number of the next cell printed with next to no gap (a table without rules
    /// whose label fills its column: <c>其他对外管理服务事项35459</c>): the number at the run's end
    /// is split off when it stands where a column of numbers does, its left or right edge at that of
    /// two or more numbers on the page's other lines.
    /// </summary>
    private static List<Run> SplitGluedNumbers(List<Run> runs)
    {
        var numbers = runs.Where(r => IsNumber(r.Text)).ToList();
        if (numbers.Count < 2)
        {
            return runs;
        }

        // The numbers glued to labels on other lines count too, once one number stands there alone
        // (a table at a page's foot whose long labels all touch their numbers: …申请数量 272).
        var glued = new List<(int Line, double Left)>();
        foreach (var r in runs)
        {
            if (GluedNumberStart(r) is > 0 and var at)
            {
                glued.Add((r.Line, r.Glyphs[at].Left));
            }
        }

        bool InColumn(double edge, bool left, int line) =>
            numbers.Count(n => n.Line != line && Math.Abs((left ? n.Left : n.Right) - edge) <= ColumnEdgeTolerance) is var alone
            && (alone >= 2 || (alone == 1 && left && glued.Exists(c => c.Line != line && Math.Abs(c.Left - edge) <= ColumnEdgeTolerance)));

        var result = new List<Run>(runs.Count);
        foreach (var run in runs)
        {
            var g = run.Glyphs;
            var k = GluedNumberStart(run);
            if (k > 0
                && (InColumn(g[k].Left, left: true, run.Line) || InColumn(g[^1].Right, left: false, run.Line)))
            {
                result.Add(new Run(g[..k]) { Line = run.Line });
                result.Add(new Run(g[k..]) { Line = run.Line });
                continue;
            }

            result.Add(run);
        }

        return result;
    }

    /// <summary>Where the number at the end of a run of text starts (after a CJK glyph), or 0 when none does.</summary>
    private static int GluedNumberStart(Run run)
    {
        var g = run.Glyphs;
        var k = g.Count;
        while (k > 0 && g[k - 1].Value.Length == 1 && (char.IsAsciiDigit(g[k - 1].Value[0]) || (g[k - 1].Value[0] == '.' && k < g.Count)))
        {
            k--;
        }

        return k > 0 && k < g.Count && IsWide(g[k - 1].Value) && char.IsAsciiDigit(g[k].Value[0]) ? k : 0;
    }

    /// <summary>How many runs on other lines must start at an edge for it to be a column's.</summary>
    public const int ColumnSupport = 3;

    /// <summary>As <see cref="ColumnSupport"/>, for a split between two numbers a word space apart.</summary>
    public const int NumberColumnSupport = 2;

    /// <summary>
    /// Two columns' text run together (a table without rules whose narrow group column touches the
    /// label column: <c>（五3.要求提供公开出版</c>), or two numbers a word space apart: a run that starts
    /// at a column's left edge is split where one of its glyphs starts at another column's left edge
    /// (after a CJK glyph, or a digit then a word space), each edge that of
    /// <see cref="ColumnSupport"/> or more runs on the page's other lines (<see cref="NumberColumnSupport"/>
    /// between two numbers).
    /// </summary>
    private static List<Run> SplitAtColumns(List<Run> runs)
    {
        var lefts = runs.Select(r => (Left: r.Glyphs[0].AdvanceLeft, r.Line)).ToList();
        bool Column(double x, int line, int support = ColumnSupport) => lefts.Count(l => l.Line != line && Math.Abs(l.Left - x) <= 1.0) >= support;

        var result = new List<Run>(runs.Count);
        foreach (var run in runs)
        {
            var g = run.Glyphs;
            // Two numbers a word space apart need the support of two other lines only, at both edges
            // when the run starts with a digit (as a number glued to a label does): a table starting
            // at a page's foot has few rows there (`3557 0`, `6230 50`: their edge is only two other
            // lines' of the page). A split after a CJK glyph still needs three at both edges.
            var numberStart = g.Count >= 2 && char.IsAsciiDigit(g[0].Value[0]) && Column(g[0].AdvanceLeft, run.Line, NumberColumnSupport);
            var columnStart = g.Count >= 2 && Column(g[0].AdvanceLeft, run.Line);
            if (!numberStart && !columnStart)
            {
                result.Add(run);
                continue;
            }

            var from = 0;
            for (var k = 1; k < g.Count; k++)
            {
                if (g[k].Left - g[k - 1].Right < ColumnGapFactor * g[k].Size
                    && (IsWide(g[k - 1].Value)
                        ? columnStart && Column(g[k].AdvanceLeft, run.Line)
                        : (columnStart || numberStart) && NumbersApart(g[k - 1], g[k]) && Column(g[k].AdvanceLeft, run.Line, NumberColumnSupport)))
                {
                    result.Add(new Run(g[from..k]) { Line = run.Line });
                    from = k;
                }
            }

            result.Add(from == 0 ? run : new Run(g[from..]) { Line = run.Line });
        }

        return result;
    }

    /// <summary>
    /// Two digits a word space apart, by their advances as well as their ink (a narrow <c>1</c> leaves
    /// a gap of ink only): the end of one number and the start of the next (a wide number filling its
    /// column: <c>22249 629</c>).
    /// </summary>
    private static bool NumbersApart(Glyph a, Glyph b) =>
        a.Value.Length == 1 && b.Value.Length == 1 && char.IsAsciiDigit(a.Value[0]) && char.IsAsciiDigit(b.Value[0])
        && a.GapTo(b) > WordGapFactor * Math.Min(a.Size, b.Size);

    private static bool RuleBetween(Glyph a, Glyph b, RuleIndex rules)
    {
        var y = (a.Bottom + a.Top) / 2;
        var from = Math.Min(a.Right, (a.Left + a.Right) / 2 + (a.Width / 4));
        var to = Math.Max(b.Left, (b.Left + b.Right) / 2 - (b.Width / 4));
        var vertical = rules.Vertical;
        for (var i = rules.FirstVerticalAbove(from); i < vertical.Length && vertical[i].X < to; i++)
        {
            var v = vertical[i];
            if (v.Y1 - RuleTolerance <= y && y <= v.Y2 + RuleTolerance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A page's rules sorted once (vertical by x, horizontal by y) for binary search; ties keep drawing order.</summary>
    private sealed class RuleIndex
    {
        public RuleIndex(Segments segments)
        {
            // OrderBy is a stable sort: among rules at the same position the one drawn first is
            // found first, as in a scan in drawing order.
            Vertical = [.. segments.Vertical.OrderBy(v => v.X)];
            Horizontal = [.. segments.Horizontal.OrderBy(h => h.Y)];
        }

        /// <summary>Vertical rules by ascending x.</summary>
        public VRule[] Vertical { get; }

        /// <summary>Horizontal rules by ascending y.</summary>
        public HRule[] Horizontal { get; }

        /// <summary>The index of the first vertical rule with x &gt; <paramref name="x"/>.</summary>
        public int FirstVerticalAbove(double x)
        {
            int lo = 0, hi = Vertical.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Vertical[mid].X > x)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }

        /// <summary>The index of the first horizontal rule with y &gt;= <paramref name="y"/>.</summary>
        public int FirstHorizontalAtOrAbove(double y)
        {
            int lo = 0, hi = Horizontal.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Horizontal[mid].Y >= y)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }

    // ---- ruled tables --------------------------------------------------------------------------

    private static CellBox? CellOf(Run run, RuleIndex rules)
    {
        var cx = (run.Left + run.Right) / 2;
        var cy = (run.Bottom + run.Top) / 2;
        VRule? left = null, right = null;
        double? top = null, bottom = null;
        var vertical = rules.Vertical;
        var leftLimit = run.Left + RuleTolerance;
        var split = rules.FirstVerticalAbove(leftLimit);

        // Left: the rule with the largest x <= leftLimit covering cy; among equal x the first drawn.
        for (var i = split - 1; i >= 0; i--)
        {
            var v = vertical[i];
            if (left is { } found && v.X < found.X)
            {
                break;
            }

            if (v.Y1 - RuleTolerance > cy || cy > v.Y2 + RuleTolerance)
            {
                continue;
            }

            left = v;
        }

        // Right: the rule with the smallest x > leftLimit and >= run.Right - tolerance covering cy.
        var rightLimit = run.Right - RuleTolerance;
        for (var i = split; i < vertical.Length; i++)
        {
            var v = vertical[i];
            if (v.X < rightLimit || v.Y1 - RuleTolerance > cy || cy > v.Y2 + RuleTolerance)
            {
                continue;
            }

            right = v;
            break;
        }

        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        var horizontal = rules.Horizontal;
        var above = rules.FirstHorizontalAtOrAbove(cy);
        for (var i = above; i < horizontal.Length; i++)
        {
            var h = horizontal[i];
            if (h.X1 - RuleTolerance > cx || cx > h.X2 + RuleTolerance)
            {
                continue;
            }

            top = h.Y;
            break;
        }

        for (var i = above - 1; i >= 0; i--)
        {
            var h = horizontal[i];
            if (h.X1 - RuleTolerance > cx || cx > h.X2 + RuleTolerance)
            {
                continue;
            }

            bottom = h.Y;
            break;
        }

        // A merged cell that runs on to the next page has no closing rule on this page: the side
        // rules end where the table does.
        top ??= Math.Min(l.Y2, r.Y2);
        bottom ??= Math.Max(l.Y1, r.Y1);
        if (top <= cy || bottom >= cy)
        {
            return null;
        }

        return new CellBox(Snap(l.X), Snap(r.X), Snap(bottom.Value), Snap(top.Value));
    }

    private static double Snap(double v) => Math.Round(v * 2, MidpointRounding.AwayFromZero) / 2;

    private static List<Output> TableRows(Dictionary<CellBox, List<Run>> cells, Segments segments, PageInfo page, ref int order)
    {
        var outputs = new List<Output>();
        if (cells.Count == 0)
        {
            return outputs;
        }

        var items = cells.Select(kv => ToItem(kv.Key, kv.Value, page)).ToList();
        var tall = new List<CellBox>();
        foreach (var group in GroupByTop(items))
        {
            var minHeight = group.Min(i => i.Box.Top - i.Box.Bottom);
            var rowCells = group.Where(i => i.Box.Top - i.Box.Bottom <= minHeight + 2).OrderBy(i => i.Box.Left).ToList();
            var taller = group.Where(i => i.Box.Top - i.Box.Bottom > minHeight + 2).OrderBy(i => i.Box.Left).ToList();
            var key = group.Max(i => i.Box.Top);
            foreach (var t in taller)
            {
                tall.Add(t.Box);
                outputs.Add(new Output(key, order++, [new Fragment(t.Text, t.Location)], false));
            }

            var rowTop = rowCells.Max(i => i.Box.Top);
            var rowBottom = rowCells.Min(i => i.Box.Bottom);
            var fragments = WithEmptyCells(rowCells, rowTop, rowBottom, segments, tall, page);
            outputs.Add(new Output(key, order++, fragments, false));
        }

        return outputs;
    }

    private static IEnumerable<List<CellItem>> GroupByTop(List<CellItem> items)
    {
        List<CellItem>? current = null;
        var top = 0.0;
        foreach (var item in items.OrderByDescending(i => i.Box.Top).ThenBy(i => i.Box.Left))
        {
            if (current is null || top - item.Box.Top > 2)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = [];
                top = item.Box.Top;
            }

            current.Add(item);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>The row's cells in column order, with an empty fragment for each ruled cell without text.</summary>
    private static ImmutableArray<Fragment> WithEmptyCells(List<CellItem> rowCells, double rowTop, double rowBottom, Segments segments, List<CellBox> tall, PageInfo page)
    {
        var midY = (rowTop + rowBottom) / 2;
        var xs = segments.Vertical
            .Where(v => v.Y1 - RuleTolerance <= midY && midY <= v.Y2 + RuleTolerance)
            .Select(v => Snap(v.X))
            .Distinct()
            .Order()
            .ToList();

        // Collapse rules drawn twice a hair apart.
        var columns = new List<double>();
        foreach (var x in xs)
        {
            if (columns.Count == 0 || x - columns[^1] > 2)
            {
                columns.Add(x);
            }
        }

        var fragments = ImmutableArray.CreateBuilder<Fragment>();
        var pending = new Queue<CellItem>(rowCells);
        for (var i = 0; i + 1 < columns.Count; i++)
        {
            var (a, b) = (columns[i], columns[i + 1]);
            var center = (a + b) / 2;
            var emitted = false;
            while (pending.Count > 0 && pending.Peek().Box.Left < b - 1)
            {
                fragments.Add(Fragment(pending.Dequeue()));
                emitted = true;
            }

            if (emitted || rowCells.Any(c => c.Box.Left < center && center < c.Box.Right))
            {
                continue;
            }

            if (tall.Any(t => t.Left < center && center < t.Right && t.Bottom < midY && midY < t.Top))
            {
                continue;
            }

            // No row cell and no merged cell from above covers this ruled column: an empty cell.
            fragments.Add(new Fragment(string.Empty, new SourceLocation(page.Name, Page: page.Number, X: Math.Round(a, 1), Y: Math.Round(midY, 1))));
        }

        while (pending.Count > 0)
        {
            fragments.Add(Fragment(pending.Dequeue()));
        }

        // Empty cells before the row's label are the continuation of merged label cells.
        var label = 0;
        while (label < fragments.Count && (fragments[label].Text.Length == 0 || IsNumber(fragments[label].Text)))
        {
            label++;
        }

        label = label < fragments.Count ? label : -1;
        if (label > 0 && fragments.Take(label).All(f => f.Text.Length == 0))
        {
            fragments.RemoveRange(0, label);
        }

        return fragments.ToImmutable();

        static Fragment Fragment(CellItem item) => new(item.Text, item.Location);
    }

    private static CellItem ToItem(CellBox box, List<Run> runs, PageInfo page)
    {
        var sb = new StringBuilder();
        var ordered = runs.OrderBy(r => r.Line).ThenBy(r => r.Left).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var text = ordered[i].Text;
            if (i > 0 && sb.Length > 0)
            {
                var sameLine = ordered[i].Line == ordered[i - 1].Line;
                if (sameLine || (IsAsciiWord(sb[^1]) && IsAsciiWord(text[0])))
                {
                    sb.Append(' ');
                }
            }

            sb.Append(text);
        }

        var first = ordered[0].Glyphs[0];
        return new CellItem(box, sb.ToString(), Location(page, first));
    }

    /// <summary>CJK and full-width text takes no spaces between words.</summary>
    private static bool IsWide(string value) => value.Length > 0 && value[0] >= '\u2E80';

    private static bool IsAsciiWord(char c) => c < 128 && char.IsLetterOrDigit(c);

    private static SourceLocation Location(PageInfo page, Glyph g) =>
        new(page.Name, Page: page.Number, X: Math.Round(g.PageX, 1), Y: Math.Round(g.PageY, 1));

    // ---- free text -----------------------------------------------------------------------------

    private static List<Output> FreeLines(List<Run> free, PageInfo page, ref int order)
    {
        var lines = free.GroupBy(r => r.Line).OrderBy(g => g.Key).Select(g => g.OrderBy(r => r.Left).ToList()).ToList();
        var sizes = free.SelectMany(r => r.Glyphs).Select(g => g.Size).Order().ToList();
        var bodySize = sizes.Count > 0 ? sizes[sizes.Count / 2] : 0;
        var outputs = new List<Output>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsNumericLine(line) && line.Count >= 2)
            {
                // A row of numbers directly under one or two lines of label text (a table without
                // rules, the label wrapped): join the label to the numbers.
                var labels = new List<List<Run>>();
                var below = line;
                for (var j = i - 1; j >= 0 && labels.Count < 2; j--)
                {
                    var above = lines[j];
                    if (!IsTextLine(above) || above[^1].Right >= line[0].Left
                        || above[0].BaseY - below[0].BaseY > 2.2 * Math.Max(above[0].Size, below[0].Size)
                        || outputs.Count == 0 || outputs[^1].Cells.Length == 0)
                    {
                        break;
                    }

                    labels.Insert(0, above);
                    below = above;
                }

                if (labels.Count > 0 && outputs.Count >= labels.Count)
                {
                    outputs.RemoveRange(outputs.Count - labels.Count, labels.Count);
                    var label = string.Concat(labels.Select(l => string.Join(' ', l.Select(r => r.Text))));
                    var first = labels[0][0];
                    var cells = ImmutableArray.CreateBuilder<Fragment>();
                    if (labels.Count == 1 && labels[0].Count > 1)
                    {
                        // One label line of several columns (a row group's label, the row's label): a cell each.
                        cells.AddRange(labels[0].Select(r => new Fragment(r.Text, Location(page, r.Glyphs[0]))));
                    }
                    else
                    {
                        cells.Add(new Fragment(label, Location(page, first.Glyphs[0])));
                    }

                    cells.AddRange(line.Select(r => new Fragment(r.Text, Location(page, r.Glyphs[0]))));
                    outputs.Add(new Output(labels[0].Max(r => r.Top), order++, cells.ToImmutable(), true));
                    continue;
                }
            }

            // A title in a larger type wrapped over two lines is one fragment.
            if (i > 0 && outputs.Count > 0 && outputs[^1].Free && IsHeadingSize(line) && IsHeadingSize(lines[i - 1])
                && lines[i - 1][0].BaseY - line[0].BaseY <= 2.2 * line.Max(r => r.Size) && outputs[^1].Cells.Length <= 2)
            {
                var previous = outputs[^1];
                var text = string.Concat(previous.Cells.Select(c => c.Text)) + string.Concat(line.Select(r => r.Text));
                outputs[^1] = previous with { Cells = [new Fragment(text, previous.Cells[0].Location)] };
                continue;
            }

            outputs.Add(new Output(
                line.Max(r => r.Top),
                order++,
                [.. line.Select(r => new Fragment(r.Text, Location(page, r.Glyphs[0])))],
                true) { Spans = SpansOf(line, bodySize) });
        }

        bool IsHeadingSize(List<Run> l) => bodySize > 0 && l.Min(r => r.Size) >= HeadingSizeFactor * bodySize;

        return outputs;
    }

    /// <summary>
    /// The runs' extents in columns of half the body type size (a half-width character's), as a
    /// monospace text's would be: the structured normaliser's columns stage reads them alike.
    /// </summary>
    private static ImmutableArray<CellSpan> SpansOf(List<Run> line, double bodySize)
    {
        if (bodySize <= 0)
        {
            return [];
        }

        var unit = bodySize / 2;
        return [.. line.Select(r =>
        {
            var (start, end) = ((int)Math.Round(r.Left / unit), (int)Math.Round(r.Right / unit));
            return new CellSpan(start, Math.Max(start + 1, end), start, Math.Max(start + 1, end));
        })];
    }

    private static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    private static bool IsNumericLine(List<Run> line) => line.All(r => NumberPattern().IsMatch(r.Text));

    private static bool IsTextLine(List<Run> line) => line.All(r => !NumberPattern().IsMatch(r.Text));

    [GeneratedRegex(@"^[+\-]?[\d,，]+(\.\d+)?$|^[/\-—–－]$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")]
    private static partial Regex PageNumberPattern();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex BareNumberPattern();

    private static void DropPageNumbers(List<Output> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!lines[i].Free)
            {
                continue;
            }

            var text = string.Concat(lines[i].Cells.Select(c => c.Text)).Trim();
            var edge = i == 0 || i == lines.Count - 1;
            if (PageNumberPattern().IsMatch(text) || (edge && BareNumberPattern().IsMatch(text) && lines.Count > 1))
            {
                lines.RemoveAt(i);
            }
        }
    }

    internal static string Describe(IEnumerable<SourceLine> lines) =>
        string.Join('\n', lines.Select(l => string.Join(" | ", l.Cells.Select(c => c.Text.Length == 0 ? "∅" : c.Text))));
}
