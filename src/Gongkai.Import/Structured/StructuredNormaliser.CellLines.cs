using System.Collections.Immutable;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>How a source prints its cells, as the rows are read: one cell per line (empty lines as blanks, or no trace), no empty cell, numbers before labels under their captions, numbers no row took.</summary>
internal sealed partial class StructuredNormaliser
{
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
        var own = OwnCaptions(row);
        for (var i = from; i < to; i++)
        {
            if (doc.Lines[i] is [{ Kind: Kind.Text } only] && IsHeader(layout, only.Norm) && !own.Contains(only.Norm))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="norm"/> is a block's header: <c>信息内容</c>, a table-2 block's
    /// <c>第二十条第（五）项</c>, or one of the table's column captions.
    /// </summary>
    private static bool IsHeader(TableLayout layout, string norm) =>
        norm == s_contentHeader
        || (norm.StartsWith(s_articleHeader, StringComparison.Ordinal) && norm.Length <= 12)
        || IsColumnCaption(layout, norm);

    private static readonly string s_contentHeader = LabelText.Normalize("信息内容");

    private static readonly string s_articleHeader = LabelText.Normalize("第二十条");

    /// <summary>Whether <paramref name="norm"/> is one of the table's column captions.</summary>
    private static bool IsColumnCaption(TableLayout layout, string norm) =>
        layout.Rows.Any(r => r.Columns.Any(c => c.Label.Length > 0 && LabelText.Normalize(c.Label) == norm));

    /// <summary>
    /// Whether, one cell a line, the table is printed in another order than row by row (pdftotext's or
    /// pdfminer's order of a PDF): a number follows a block's header or a column caption
    /// (<see cref="IsHeader"/>), or more numbers stand one after another than the widest row has
    /// cells. Then a label standing alone does not mean a blank row, nor are the numbers after a
    /// label surely its own.
    /// </summary>
    private static bool OutOfRowOrder(Doc doc, (int Start, int End) region, TableLayout layout)
    {
        var widest = layout.Rows.Max(r => r.Columns.Length);
        var run = 0;
        for (var i = region.Start; i < region.End; i++)
        {
            if (doc.Lines[i] is not [{ Kind: Kind.Number }])
            {
                run = doc.Lines[i].Length == 0 ? run : 0;
                continue;
            }

            if (++run > widest || (i > region.Start && doc.Lines[i - 1] is [{ Kind: Kind.Text } before] && IsHeader(layout, before.Norm)))
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
    /// place's in the block (captions followed by no number are passed: another block's with the same
    /// columns). Else null: a block short of a blank that left no trace is not so placed.
    /// </summary>
    private static List<Frag>? CaptionedNumbersBefore(Doc doc, (int Start, int End) region, TableLayout layout, int r, Frag label)
    {
        var row = layout.Rows[r];
        var n = row.Columns.Length;
        bool Same(int k) => k >= 0 && k < layout.Rows.Length && SameColumns(layout.Rows[k], row);
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

            if (run.Count == 0)
            {
                // Captions followed by no number: another block's with the same columns, whose labels
                // stand beside their numbers (上一年项目数量 … / 行政处罚 / 0 …); the row's are further up.
                // Else (a label without its numbers: pdfminer's order) nothing is known.
                if (InlineAt(doc, region, end + 1, layout.Rows[first..(last + 1)], n))
                {
                    continue;
                }

                return null;
            }

            // The run is the whole block's, or the rows of it not printed with their labels (a block of
            // the catalogue's printed as two, 行政许可 … apart, 行政处罚 / 0 / 0 / 0 … inline).
            var rows = run.Count % n == 0 ? run.Count / n : 0;
            var from = rows == last - first + 1 ? first
                : rows > 0 && Enumerable.Range(first, last - first + 1)
                    .Where(s => s <= r && r < s + rows && s + rows <= last + 1)
                    .Where(s => Enumerable.Range(first, last - first + 1).Where(k => k < s || k >= s + rows).All(k => PrintedInline(doc, region, layout.Rows[k], n)))
                    .ToList() is [var only]
                    ? only
                    : -1;
            var mine = from >= 0 ? run.GetRange((r - from) * n, n) : null;
            return mine is not null && mine.All(f => !doc.Claimed(f)) ? mine : null;
        }

        return null;
    }

    /// <summary>
    /// Rows of one block whose labels stand one after another, each alone on its line, from row
    /// <paramref name="r"/>'s (<paramref name="label"/>), then, past lines of text that are no row's
    /// label (a header), a run of numbers each alone on its line that no row took (pdfminer's order,
    /// pdftotext's of some PDFs). Whether the run goes row by row or column by column the text does
    /// not say, except when the next block's header stands between labels and numbers: the text
    /// then went down the label column first, and so down each column (column order). Otherwise
    /// a cell is read only when both orders give it. A run short of the rows' cells (a blank that
    /// left no trace) or longer (another block's numbers run on) leaves every cell unread. Null when
    /// the row's label is not followed by another row's of its block.
    /// </summary>
    private static (List<Frag?[]> Rows, List<Frag> Run, int End)? LabelRun(Doc doc, (int Start, int End) region, TableLayout layout, int r, Frag label)
    {
        var row = layout.Rows[r];
        var n = row.Columns.Length;
        var last = r;
        var line = label.Line + 1;
        if (doc.Lines[label.Line].Length != 1)
        {
            return null;
        }

        while (last + 1 < layout.Rows.Length && SameColumns(layout.Rows[last + 1], row) && line < region.End
            && doc.Lines[line] is [{ Kind: Kind.Text } next] && Matches(layout.Rows[last + 1], next.Norm))
        {
            last++;
            line++;
        }

        if (last == r || UnclaimedNumberBefore(doc, region, label))
        {
            // Numbers no row took before the labels: the block's may be those (pdftotext's order).
            return null;
        }

        var header = false;
        while (line < region.End && doc.Lines[line] is [{ Kind: Kind.Text } text] && !layout.Rows.Any(x => Matches(x, text.Norm)))
        {
            header = true;
            line++;
        }

        var run = new List<Frag>();
        for (; line < region.End && doc.Lines[line] is [{ Kind: Kind.Number } f] && !doc.Claimed(f); line++)
        {
            run.Add(f);
        }

        if (run.Count == 0)
        {
            return null;
        }

        var k = last - r + 1;
        var rows = Enumerable.Range(0, k).Select(_ => new Frag?[n]).ToList();
        if (run.Count == k * n)
        {
            for (var i = 0; i < k; i++)
            {
                for (var c = 0; c < n; c++)
                {
                    var byColumn = run[(c * k) + i];
                    var byRow = run[(i * n) + c];
                    rows[i][c] = header ? byColumn : byRow.Value == byColumn.Value && byRow.Kind == byColumn.Kind ? byRow : null;
                }
            }
        }

        return (rows, run, line);
    }

    /// <summary>
    /// Whether another row's label that took no number (<paramref name="valued"/>: the label lines
    /// of rows that did) stands before <paramref name="label"/> with lines of text only (no number,
    /// none of the row's own column captions, which head its block) between.
    /// </summary>
    private static bool AfterAnotherLabel(Doc doc, (int Start, int End) region, TableLayout layout, RowDef row, Frag label, HashSet<int> valued)
    {
        var own = OwnCaptions(row);
        for (var i = label.Line - 1; i >= region.Start && doc.Lines[i].Length > 0 && doc.Lines[i].All(f => f.Kind == Kind.Text) && !(doc.Lines[i] is [var caption] && own.Contains(caption.Norm)); i--)
        {
            if (doc.Lines[i] is [var only] && !valued.Contains(i) && layout.Rows.Any(r => Matches(r, only.Norm)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the row's label stands alone on a line followed by its <paramref name="n"/> cells, each a number alone on its line.</summary>
    private static bool PrintedInline(Doc doc, (int Start, int End) region, RowDef row, int n) =>
        Enumerable.Range(region.Start, Math.Max(0, region.End - region.Start)).Any(i => InlineAt(doc, region, i, [row], n));

    /// <summary>Whether line <paramref name="i"/> is the label, alone, of one of <paramref name="rows"/>, followed by its <paramref name="n"/> cells, each a number alone on its line.</summary>
    private static bool InlineAt(Doc doc, (int Start, int End) region, int i, IReadOnlyList<RowDef> rows, int n) =>
        i + n < region.End && doc.Lines[i] is [{ Kind: Kind.Text } t] && rows.Any(r => Matches(r, t.Norm))
        && Enumerable.Range(i + 1, n).All(k => doc.Lines[k] is [{ Kind: Kind.Number }]);

    /// <summary>The normalised captions of the row's own columns.</summary>
    private static HashSet<string> OwnCaptions(RowDef row) => row.Columns.Select(c => LabelText.Normalize(c.Label)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether two rows have the same columns: rows of one block of table 2 (规章 / 行政规范性文件, 行政处罚 / 行政强制).</summary>
    private static bool SameColumns(RowDef a, RowDef b) => a.Columns.Select(c => c.Label).SequenceEqual(b.Columns.Select(c => c.Label));

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
}
