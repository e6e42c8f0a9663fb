using System.Text;

namespace Gongkai.Import.Readers;

/// <summary>
/// A table whose cells stand one per line, joined by a line break and <c>| </c>, as legal mirrors and
/// some scrapers print an HTML table: a row's first cell on a line of its own, each further cell on a
/// line led by <c>| </c> (an empty cell a bare <c>|</c>), a bare <c>|</c> closing the row, and a line
/// break inside a cell kept (<c>| 计量</c> / <c>单位</c>). Each such row is folded into one pipe row
/// (<c>| 指标名称 | 计量单位 | 代码 |  |  |</c>) on its first line, the lines it took left empty, so the
/// text reader cuts its cells as any pipe row's and every other line keeps its number.
/// </summary>
internal static class PipeLineRows
{
    /// <summary>
    /// <paramref name="text"/> with its one-cell-per-line pipe rows folded; the same string when it
    /// has none (no bare <c>|</c> line).
    /// </summary>
    public static string Fold(string text)
    {
        if (!text.Contains("\n|\n", StringComparison.Ordinal) && !text.Contains("\n|\r\n", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var folded = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Kind(lines[i]) == LineKind.Text && FoldRow(lines, i) is { } end)
            {
                folded = true;
                i = end;
            }
        }

        return folded ? string.Join('\n', lines) : text;
    }

    private enum LineKind
    {
        Blank,
        Text,
        Cell,
        Bar,
        Other,
    }

    private static LineKind Kind(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return LineKind.Blank;
        }

        var pipes = trimmed.Count('|');
        return pipes switch
        {
            0 => LineKind.Text,
            1 when trimmed.Length == 1 => LineKind.Bar,
            1 when trimmed[0] == '|' => LineKind.Cell,
            _ => LineKind.Other,
        };
    }

    /// <summary>
    /// Folds the row whose first cell is line <paramref name="first"/> when a cell line follows it;
    /// the index of the row's closing bar, or null when no such row starts there.
    /// </summary>
    private static int? FoldRow(string[] lines, int first)
    {
        var next = NextNonBlank(lines, first + 1);
        if (next >= lines.Length || Kind(lines[next]) is not (LineKind.Cell or LineKind.Bar))
        {
            return null;
        }

        var cells = new List<StringBuilder> { new(lines[first].Trim()) };
        var (i, end) = (next, -1);
        while (i < lines.Length)
        {
            var kind = Kind(lines[i]);
            if (kind == LineKind.Bar)
            {
                var after = NextNonBlank(lines, i + 1);
                if (after >= lines.Length || Kind(lines[after]) is not (LineKind.Cell or LineKind.Bar))
                {
                    // The bar not followed by another cell closes the row.
                    end = i;
                    break;
                }

                cells.Add(new StringBuilder());
            }
            else if (kind == LineKind.Cell)
            {
                cells.Add(new StringBuilder(lines[i].AsSpan().Trim()[1..].Trim().ToString()));
            }
            else if (kind == LineKind.Text && cells[^1].Length > 0)
            {
                // A line break inside the cell.
                cells[^1].Append(lines[i].AsSpan().Trim());
            }
            else if (kind != LineKind.Blank)
            {
                return null;
            }

            i++;
        }

        if (end < 0)
        {
            return null;
        }

        lines[first] = "| " + string.Join(" | ", cells) + " |";
        for (var k = first + 1; k <= end; k++)
        {
            lines[k] = lines[k].EndsWith('\r') ? "\r" : string.Empty;
        }

        return end;
    }

    private static int NextNonBlank(string[] lines, int from)
    {
        while (from < lines.Length && Kind(lines[from]) == LineKind.Blank)
        {
            from++;
        }

        return from;
    }
}
