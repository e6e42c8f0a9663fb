using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers;

/// <summary>
/// Reads plain text as copied from a web page, Word or a PDF: each line becomes a
/// <see cref="SourceLine"/> whose cells are split at tabs, at <c>|</c> (scraped HTML and Markdown
/// pipe tables), or at runs of two or more spaces; a run of numbers separated by single spaces is
/// split into one cell per number. Within <see cref="ImportBudget"/>: a text longer than
/// <see cref="ImportLimits.MaxTextChars"/> is refused before it is split, a line longer than
/// <see cref="ImportLimits.MaxLineChars"/> when it is reached, and the fragments are counted line by line.
/// </summary>
public sealed partial class TextSourceReader : ISourceReader
{
    /// <summary>The reader (it holds no state).</summary>
    public static TextSourceReader Instance { get; } = new();

    private TextSourceReader()
    {
    }

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.Text;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(TextDecoding.Decode(bytes.Span, out _), name, ImportBudget.Current);

    public static SourceDocument Read(string text, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(text, name, b));

    private static SourceDocument ReadWithin(string text, string name, ImportBudget budget)
    {
        if (text.Length > ImportLimits.MaxTextChars)
        {
            budget.Refuse(ImportLimit.TextChars);
        }

        text = PipeRows.Normalise(WithoutFrontMatter(text));
        var lines = ImmutableArray.CreateBuilder<SourceLine>();
        var number = 0;
        var htmlEnd = 0;
        var cursor = (Line: 1, At: 0);
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            if (number <= htmlEnd || raw.IsWhiteSpace())
            {
                continue;
            }

            if (raw.TrimStart().StartsWith("<table", StringComparison.OrdinalIgnoreCase) && HtmlTable(text, number, ref cursor) is { } table)
            {
                // A table written as HTML inside Markdown (MinerU, marker): read as HTML, merged cells
                // once where they start, as a page's table is.
                budget.AddLine(1, raw.Length, number);
                lines.AddRange(HtmlSourceReader.ReadFragment(table.Html, name, number, budget));
                htmlEnd = table.LastLine;
                continue;
            }

            if (raw.Length > ImportLimits.MaxLineChars)
            {
                budget.Refuse(ImportLimit.LineChars, number);
            }

            var line = Cleaned(raw.ToString());
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = SplitLine(line);
            if (cells.Count == 0)
            {
                continue;
            }

            budget.AddLine(cells.Count, raw.Length, number);
            var location = new SourceLocation(name, number);
            var fragments = new Fragment[cells.Count];
            for (var k = 0; k < fragments.Length; k++)
            {
                fragments[k] = new Fragment(cells[k], location);
            }

            var spaceSeparated = cells.Count > 1 && !line.Contains('|') && !line.Contains('\t');
            lines.Add(new SourceLine(ImmutableCollectionsMarshal.AsImmutableArray(fragments))
            {
                SpaceSeparated = spaceSeparated,
                Spans = spaceSeparated ? SpansOf(line, cells) : [],
            });
        }

        return new SourceDocument(name, lines.ToImmutable(), []);
    }

    /// <summary>
    /// The HTML table that starts on line <paramref name="first"/> (1-based) of <paramref name="text"/>:
    /// its text up to the line holding the last <c>&lt;/table&gt;</c> before the next blank line (or
    /// the text's end), and that line; null when no <c>&lt;/table&gt;</c> closes it. <paramref name="cursor"/>
    /// is a line's number and where it starts, moved on to <paramref name="first"/> (the text is walked once).
    /// </summary>
    private static (string Html, int LastLine)? HtmlTable(string text, int first, ref (int Line, int At) cursor)
    {
        while (cursor.Line < first && text.IndexOf('\n', cursor.At) is >= 0 and var newline)
        {
            cursor = (cursor.Line + 1, newline + 1);
        }

        var start = cursor.At;
        if (cursor.Line != first || !text.AsSpan(start).TrimStart().StartsWith("<table", StringComparison.OrdinalIgnoreCase))
        {
            // Lines not ended by '\n' (a lone '\r'): not where the reader counts them; read as text.
            return null;
        }

        var (end, last, at, line) = (-1, 0, start, first);
        while (at < text.Length)
        {
            var next = text.IndexOf('\n', at);
            var lineEnd = next < 0 ? text.Length : next;
            var content = text.AsSpan(at, lineEnd - at);
            if (content.IsWhiteSpace() && line > first)
            {
                break;
            }

            if (content.Contains("</table>", StringComparison.OrdinalIgnoreCase))
            {
                (end, last) = (lineEnd, line);
            }

            if (next < 0)
            {
                break;
            }

            (at, line) = (next + 1, line + 1);
        }

        return end < 0 ? null : (text[start..end], last);
    }

    /// <summary>
    /// Where each of <paramref name="cells"/> stands in <paramref name="raw"/> (found in order); empty
    /// when one is not found as printed.
    /// </summary>
    internal static ImmutableArray<CellSpan> SpansOf(ReadOnlySpan<char> raw, List<string> cells)
    {
        var spans = ImmutableArray.CreateBuilder<CellSpan>(cells.Count);
        var (at, wide) = (0, 0);
        foreach (var cell in cells)
        {
            var start = raw[at..].IndexOf(cell.AsSpan(), StringComparison.Ordinal);
            if (start < 0)
            {
                return [];
            }

            wide += Width(raw.Slice(at, start));
            var (begin, wideBegin) = (at + start, wide);
            wide += Width(cell);
            at = begin + cell.Length;
            spans.Add(new CellSpan(begin, at, wideBegin, wide));
        }

        return spans.MoveToImmutable();
    }

    /// <summary>Columns in a monospace font: two for a wide (CJK, full-width) character, one for any other.</summary>
    private static int Width(ReadOnlySpan<char> text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c is >= '\u1100' and <= '\u115f' or >= '\u2e80' and <= '\ua4cf' or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f' or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6' ? 2 : 1;
        }

        return width;
    }

    internal static List<string> SplitLine(string line)
    {
        if (line.AsSpan().TrimStart() is [('-' or '=' or '─' or '━' or '═'), ..] && IsPlainRule(line))
        {
            return [];
        }

        if (line.AsSpan().IndexOfAnyInRange('\u2500', '\u257f') >= 0 || line.Contains('+'))
        {
            // A table drawn with box-drawing characters (w3m's dump of a bordered table, a text
            // table tool) or ASCII grid lines (+----+----+): the rules are no row, the verticals are pipes.
            if (IsGridRule(line))
            {
                return [];
            }

            line = BoxVerticals().Replace(line, "|");
        }

        List<string> fields;
        if (line.Contains('|'))
        {
            var trimmed = line.AsSpan().Trim();
            if (trimmed.Trim('|').Length == 0 || MarkdownRule().IsMatch(trimmed))
            {
                return [];
            }

            fields = [.. line.Split('|')];
            // The text after the last pipe ends the row ("0 |"); a leading pipe opens it ("| a | b |").
            // Text after the last pipe is a cell whose text goes on on the next line (a label with a
            // line break inside its cell: "| 三、本年度办理结果 | （二）部分公开（区分处理的，").
            if (fields[^1].Trim().Length == 0)
            {
                fields.RemoveAt(fields.Count - 1);
            }
            if (trimmed.StartsWith('|') && fields.Count > 0 && fields[0].Trim().Length == 0)
            {
                fields.RemoveAt(0);
            }
        }
        else if (line.Contains('\t'))
        {
            // Trailing empty fields are kept: after a row label they are the row's blank cells.
            fields = [.. line.Split('\t')];
        }
        else if (HasSpaceRun(line))
        {
            fields = [.. SpaceRun().Split(line.Trim())];
        }
        else
        {
            fields = [line];
        }

        var cells = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            var trimmed = field.AsSpan().Trim().Trim('\u3000');
            var f = trimmed.Length == field.Length ? field : trimmed.ToString();
            if (f.Length > 0 && NumberRun().IsMatch(f))
            {
                cells.AddRange(f.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (LabelThenNumbers(f) is { } split)
            {
                // A row label and its numbers separated by single spaces (pdftotext -raw, OCR):
                // the label, then one cell per number.
                cells.AddRange(split);
            }
            else
            {
                cells.Add(f);
            }
        }

        return cells;
    }

    /// <summary>The line as its cells are cut and placed: without Markdown's inline markup, a box-drawn table's verticals as pipes.</summary>
    private static string Cleaned(string raw)
    {
        var line = WithoutMarkdownInline(raw);
        return line.AsSpan().IndexOfAny('│', '┃', '║') >= 0 ? BoxVerticals().Replace(line, "|") : line;
    }

    /// <summary>
    /// The line without Markdown's inline markup that a converter adds around a cell's text: pandoc's
    /// attributed spans (<c>[4个]{lang="EN-US" style="…"}</c>, from Word's HTML), links, <c>**bold**</c>,
    /// a heading's <c>{#id .class}</c>; a pandoc div fence (<c>::: WordSection1</c>) is no text at all.
    /// </summary>
    private static string WithoutMarkdownInline(string line)
    {
        if (line.StartsWith(":::", StringComparison.Ordinal) && line.AsSpan().TrimStart(':').Trim().IndexOfAny(' ', '|') < 0)
        {
            return string.Empty;
        }

        if (line.Contains("]{", StringComparison.Ordinal) || line.Contains("](", StringComparison.Ordinal))
        {
            // Spans one after another are one cell's text; padded to the markup's width, so that a
            // table laid out in columns of spaces keeps where each cell starts (in display columns, as
            // pandoc lays it out: a font's name in the markup is two columns a character).
            line = MarkdownSpans().Replace(line, m =>
            {
                var text = string.Concat(m.Groups[1].Captures.Select(c => c.Value));
                return text + new string(' ', Width(m.ValueSpan) - Width(text));
            });
        }

        if (line.Contains("**", StringComparison.Ordinal))
        {
            line = MarkdownStrong().Replace(line, "$1");
        }

        if (line.EndsWith('}') && line.Contains("{#", StringComparison.Ordinal))
        {
            line = HeadingAttributes().Replace(line, string.Empty);
        }

        return line;
    }

    /// <summary>Attributed spans or links one after another: <c>[text]{…}</c>, <c>[text](…)</c>, nothing nested.</summary>
    [GeneratedRegex(@"(?:\[([^\[\]\r\n]*)\](?:\{[^{}\r\n]*\}|\([^()\r\n]*\)))+")]
    private static partial Regex MarkdownSpans();

    [GeneratedRegex(@"\*\*([^*\r\n]+)\*\*")]
    private static partial Regex MarkdownStrong();

    [GeneratedRegex(@"\s*\{#[^{}]*\}$")]
    private static partial Regex HeadingAttributes();

    /// <summary>
    /// Whether the line only draws a table's rules: box-drawing characters or <c>+ - = :</c> and pipes,
    /// with a corner or a junction (<c>┼</c>, <c>+</c>) and a run of three rule strokes (a lone <c>---</c>
    /// may be a placeholder cell).
    /// </summary>
    private static bool IsGridRule(string line) => RuleStrokes(line) is { Junction: true, Longest: >= 3 };

    /// <summary>Rule strokes in a row that no placeholder cell has (<c>——</c>, <c>---</c>).</summary>
    private const int MinPlainRuleStrokes = 8;

    /// <summary>
    /// Whether the line is a rule without junctions: pandoc's simple and multiline tables (a table's
    /// top and bottom <c>-----------</c>, the header's <c>-------- ------ ------</c>), reStructuredText's
    /// <c>====  ====</c>: rule strokes and white space only, with a run of <see cref="MinPlainRuleStrokes"/>
    /// or two runs of three (a lone <c>---</c> may be a placeholder cell).
    /// </summary>
    private static bool IsPlainRule(string line) =>
        RuleStrokes(line) is { Marks: false } rule && (rule.Longest >= MinPlainRuleStrokes || rule.Runs >= 2);

    /// <summary>
    /// The rule strokes (<c>- = ─ ━ ═</c>) of a line that draws only a table's rules: its longest run,
    /// its runs of three or more, whether a corner or junction stands in it (<c>+</c>, <c>┼</c>) and
    /// whether any other mark does (a pipe, a colon, a box vertical); null when the line holds anything
    /// but these and white space.
    /// </summary>
    private static (int Longest, int Runs, bool Junction, bool Marks)? RuleStrokes(string line)
    {
        var (strokes, longest, runs, junction, marks) = (0, 0, 0, false, false);
        foreach (var c in line)
        {
            if (c is '-' or '=' or '─' or '━' or '═')
            {
                strokes++;
                continue;
            }

            (longest, runs, strokes) = (Math.Max(longest, strokes), runs + (strokes >= 3 ? 1 : 0), 0);
            if (c is '+' or (>= '\u2500' and <= '\u257f'))
            {
                junction |= c is not ('│' or '┃' or '║');
                marks = true;
            }
            else if (c is ':' or '|')
            {
                marks = true;
            }
            else if (c is not (' ' or '\t' or '\u3000'))
            {
                return null;
            }
        }

        return (Math.Max(longest, strokes), runs + (strokes >= 3 ? 1 : 0), junction, marks);
    }

    /// <summary>The vertical strokes of a box-drawn table, which separate its cells.</summary>
    [GeneratedRegex(@"[│┃║]")]
    private static partial Regex BoxVerticals();

    /// <summary>Whether <see cref="SpaceRun"/> could cut <paramref name="line"/> (two white-space characters in a row, or an ideographic space).</summary>
    private static bool HasSpaceRun(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\u3000' || (char.IsWhiteSpace(line[i]) && i + 1 < line.Length && char.IsWhiteSpace(line[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$|^-{2,}(\|-*)+\|?$")]
    private static partial Regex MarkdownRule();

    /// <summary>
    /// Text with a Chinese character, not ending in a digit, then single-space-separated numbers:
    /// the label and each number; else null. One pass from the end (no backtracking on long lines).
    /// </summary>
    internal static List<string>? LabelThenNumbers(string field)
    {
        if (field.Length < 3 || !char.IsDigit(field[^1]) || !field.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var numbers = new List<string>();
        var end = field.Length;
        while (end > 0)
        {
            var start = field.LastIndexOf(' ', end - 1) + 1;
            if (!NumberToken().IsMatch(field.AsSpan(start, end - start)))
            {
                break;
            }

            numbers.Add(field[start..end]);
            end = start - 1;
            if (start == 0)
            {
                return null;
            }
        }

        if (numbers.Count == 0 || end <= 0 || end == field.Length)
        {
            return null;
        }

        var label = field[..(end + 1)].TrimEnd();
        if (label.Length == 0 || char.IsDigit(label[^1]) || label[^1] == '.' || !label.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return null;
        }

        numbers.Reverse();
        return [label, .. numbers];
    }

    [GeneratedRegex(@"^[+\-−]?\d+(\.\d+)?$")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\s{2,}|\u3000+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"^[+\-−]?\d+(\.\d+)?( [+\-−]?\d+(\.\d+)?)+$")]
    private static partial Regex NumberRun();
}
