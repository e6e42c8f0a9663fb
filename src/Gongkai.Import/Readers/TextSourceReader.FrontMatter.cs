using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Import.Readers;

public sealed partial class TextSourceReader
{
    /// <summary>Lines a front matter block may have before it is taken for text (a rule, then a table).</summary>
    private const int MaxFrontMatterLines = 60;

    /// <summary>
    /// <paramref name="text"/> with a YAML front matter block at its start (a Markdown page of a static
    /// site, <c>pandoc -s</c>: <c>---</c>, <c>key: value</c> lines, <c>---</c> or <c>...</c>) read as the
    /// page shows it: the block's lines left empty but for its <c>title:</c>, whose value (unquoted,
    /// continuation lines joined) stands on the title's line. The same string when there is no such block.
    /// </summary>
    internal static string WithoutFrontMatter(string text)
    {
        var span = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (!span.StartsWith("---", StringComparison.Ordinal) || span.Length > 3 && span[3] is not ('\r' or '\n' or ' ' or '\t'))
        {
            return text;
        }

        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim('\uFEFF', ' ', '\t', '\r').Length > 0);
        if (first < 0 || lines[first].Trim('\uFEFF', ' ', '\t', '\r') != "---")
        {
            return text;
        }

        int? titleLine = null;
        var inTitle = false;
        var title = new StringBuilder();
        for (var i = first + 1; i < lines.Length && i <= first + MaxFrontMatterLines; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimEnd() is "---" or "...")
            {
                for (var k = first; k <= i; k++)
                {
                    lines[k] = k == titleLine ? Unquoted(title.ToString()) : string.Empty;
                }

                return string.Join('\n', lines);
            }

            if (line.Length > 0 && (line[0] is ' ' or '\t' || line.StartsWith("- ", StringComparison.Ordinal)))
            {
                // A continuation of the key above (a folded title, a list item).
                if (inTitle)
                {
                    title.Append(line.Trim());
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var key = FrontMatterKey().Match(line);
            if (!key.Success)
            {
                return text;
            }

            inTitle = key.Groups[1].Value.Equals("title", StringComparison.OrdinalIgnoreCase);
            if (inTitle)
            {
                titleLine = i;
                var value = line[key.Length..].Trim();
                title.Clear().Append(value is "|" or ">" or "|-" or ">-" ? string.Empty : value);
            }
        }

        return text;
    }

    private static string Unquoted(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0], value[^1]) is ('"', '"') or ('\'', '\'') ? value[1..^1].Trim() : value;
    }

    [GeneratedRegex(@"^([A-Za-z_][\w-]*)\s*:(?=\s|$)")]
    private static partial Regex FrontMatterKey();
}
