using System.Text;

namespace Gongkai.Import.Readers;

/// <summary>
/// html2text of a table whose cells hold paragraphs (the published sample 001): each cell's text on
/// a line of its own ended by <c> |</c>, the empty cells between two texts (blanks, and the padding
/// html2text adds after a merged cell) as one line of a pipe each (<c>|||</c>), nothing marking where a
/// row ends. Blanks counted so are lost when each line is read alone (a bare run of pipes is no cell),
/// so a run of such lines is folded into pipe rows by the table's grammar: a cell of text (a label or a
/// caption) after a value or an empty cell starts a row; texts one after another (a group's label and
/// its item's, a header's captions) are one row while it is narrower than the row before it (so a
/// header of captions only ends where the row above did, and the next row's label starts its own);
/// the values (numbers, with a unit, placeholders) and empty cells after them are that row's, as the
/// table's grid has them. A line without a pipe inside the run (a label broken inside its cell) goes on
/// into the next cell.
/// </summary>
internal static partial class PipeRows
{
    /// <summary>
    /// <paramref name="text"/> with its runs of one-cell <c>text |</c> lines folded into pipe rows; the
    /// same string when it has no run of at least three such lines with a line of bare pipes in it.
    /// </summary>
    public static string FoldCellPipes(string text)
    {
        if (!text.Contains(" |\n", StringComparison.Ordinal) && !text.Contains(" |\r\n", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var folded = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (CellPipeKind(lines[i]) != CellPipe.Cell)
            {
                continue;
            }

            var end = i;
            var (cells, empties) = (0, 0);
            while (end < lines.Length && CellPipeKind(lines[end]) is var kind && kind != CellPipe.None)
            {
                (cells, empties) = kind switch
                {
                    CellPipe.Cell => (cells + 1, empties),
                    CellPipe.Empties => (cells, empties + 1),
                    _ => (cells, empties),
                };
                end++;
            }

            if (cells >= 3 && empties > 0)
            {
                FoldCellPipeRun(lines, i, end);
                folded = true;
            }

            i = end - 1;
        }

        return folded ? string.Join('\n', lines) : text;
    }

    private enum CellPipe
    {
        None,

        /// <summary><c>text |</c>: one cell.</summary>
        Cell,

        /// <summary><c>|||</c>: a pipe per empty cell.</summary>
        Empties,

        /// <summary>Text without a pipe: part of the next cell when the run goes on after it.</summary>
        Broken,
    }

    private static CellPipe CellPipeKind(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return CellPipe.None;
        }

        if (trimmed.IndexOfAnyExcept('|') < 0)
        {
            return CellPipe.Empties;
        }

        var pipes = trimmed.Count('|');
        return pipes switch
        {
            0 => CellPipe.Broken,
            1 when trimmed[^1] == '|' => CellPipe.Cell,
            _ => CellPipe.None,
        };
    }

    /// <summary>Folds lines <paramref name="start"/> to <paramref name="end"/> (exclusive) into rows, each on its first line.</summary>
    private static void FoldCellPipeRun(string[] lines, int start, int end)
    {
        var (row, rowLine, width) = (new List<string>(), -1, int.MaxValue);
        var broken = new StringBuilder();
        void Flush()
        {
            if (rowLine >= 0)
            {
                lines[rowLine] = "| " + string.Join(" | ", row) + " |";
            }

            row.Clear();
        }

        for (var i = start; i < end; i++)
        {
            var trimmed = lines[i].AsSpan().Trim();
            switch (CellPipeKind(lines[i]))
            {
                case CellPipe.Empties:
                    row.AddRange(Enumerable.Repeat(string.Empty, trimmed.Length));
                    break;
                case CellPipe.Broken:
                    broken.Append(trimmed);
                    break;
                default:
                    var cell = broken.Append(trimmed[..^1].Trim()).ToString();
                    broken.Clear();
                    if (rowLine < 0 || (!IsValueText(cell) && (row[^1].Length == 0 || IsValueText(row[^1]) || row.Count >= width)))
                    {
                        width = row.Count > 0 ? row.Count : width;
                        Flush();
                        rowLine = i;
                    }

                    row.Add(cell);
                    break;
            }

            lines[i] = i == rowLine ? lines[i] : (lines[i].EndsWith('\r') ? "\r" : string.Empty);
        }

        Flush();
    }

    /// <summary>A cell that is a value, not a label, as the normaliser's value stage reads it (a number, with a unit, a placeholder).</summary>
    private static bool IsValueText(string cell) => Structured.StructuredNormaliser.IsValueText(cell);
}
