using System.Text;

namespace Gongkai.Import.Readers;

/// <summary>
/// Pipe tables printed otherwise than <c>| a | b |</c>, rewritten as such before the text reader cuts
/// cells, each row kept on its first line and every other line keeping its number:
/// <list type="bullet">
/// <item>open rows (<see cref="Close"/>): html2text's <c>a | b | </c>, no pipe at either end, so a
/// trailing pipe is a separator before an empty last cell, not the row's end;</item>
/// <item>a cell per line ended by a pipe, empty cells as a line of pipes (<see cref="FoldCellPipes"/>);</item>
/// <item>a cell per line led by a pipe (<see cref="Fold"/>): see below.</item>
/// </list>
/// A table whose cells stand one per line, joined by a line break and <c>| </c>, as legal mirrors and
/// some scrapers print an HTML table: a row's first cell on a line of its own, each further cell on a
/// line led by <c>| </c> (an empty cell a bare <c>|</c>), a bare <c>|</c> closing the row, and a line
/// break inside a cell kept (<c>| 计量</c> / <c>单位</c>). Each such row is folded into one pipe row
/// (<c>| 指标名称 | 计量单位 | 代码 |  |  |</c>) on its first line, the lines it took left empty, so the
/// text reader cuts its cells as any pipe row's and every other line keeps its number.
/// </summary>
internal static partial class PipeRows
{
    /// <summary>Every rewrite; the same string when the text has none of the shapes.</summary>
    public static string Normalise(string text) => Fold(Close(FoldCellPipes(text)));

    /// <summary>
    /// <paramref name="text"/> with its open pipe rows closed: when of the lines holding a pipe and not
    /// starting with one (rules aside) more end with a cell's text than with a pipe, the text is written
    /// so (a row closed by a pipe, <c>a | b |</c>, ends with one whatever its cells) and each such line
    /// becomes <c>| line |</c>, its trailing pipe then read as a separator before an empty last cell.
    /// Decided over the whole text, not per table, since a wrapped cell or a table of one row gives no
    /// run to judge by. The same string when the text has no open rows.
    /// </summary>
    public static string Close(string text)
    {
        var (open, closed) = (0, 0);
        foreach (var line in OpenCandidates(text))
        {
            if (text.AsSpan(line.Start, line.Length).TrimEnd().EndsWith('|'))
            {
                closed++;
            }
            else
            {
                open++;
            }
        }

        if (open <= closed)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + (open + closed) * 4);
        var at = 0;
        foreach (var line in OpenCandidates(text))
        {
            sb.Append(text, at, line.Start - at).Append("| ").Append(text.AsSpan(line.Start, line.Length).Trim()).Append(" |");
            at = line.Start + line.Length;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Each line (cut at '\n', without its '\r') holding a pipe, not starting with one, and no Markdown rule.</summary>
    private static IEnumerable<(int Start, int Length)> OpenCandidates(string text)
    {
        var at = 0;
        while (at <= text.Length)
        {
            var newline = text.IndexOf('\n', at);
            var end = newline < 0 ? text.Length : newline;
            var length = end > at && text[end - 1] == '\r' ? end - at - 1 : end - at;
            var line = text.AsSpan(at, length).Trim();
            if (line.Contains('|') && line[0] != '|' && !IsRule(line))
            {
                yield return (at, length);
            }

            at = end + 1;
        }
    }

    /// <summary>A Markdown rule under a header (<c>---|---</c>, <c>:--|--:</c>).</summary>
    private static bool IsRule(ReadOnlySpan<char> line) => line.IndexOfAnyExcept("-:| ") < 0;

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
