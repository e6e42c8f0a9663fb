namespace Gongkai.Import.Readers;

/// <summary>
/// A linear pass over HTML before any tree is built, so that a page built to be expensive is
/// refused cheaply: it counts the elements (<see cref="ImportLimits.MaxHtmlElements"/>) and how
/// deeply they nest (<see cref="ImportLimits.MaxNestingDepth"/>). Depth counts the elements a
/// parser keeps open: void elements (<c>br</c>, <c>img</c>) and elements whose end tag may be left
/// out (<c>p</c>, <c>li</c>, <c>tr</c>, <c>td</c>) do not nest here, so a sloppy but ordinary page is
/// never refused; an end tag closes its nearest open element, and the elements above it.
/// Tree builders spend time in proportion to the open elements for every tag, so a page 50,000
/// <c>div</c>s deep costs seconds there and microseconds here.
/// </summary>
internal static class MarkupScan
{
    private static readonly HashSet<string> s_flat = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",

        // elements whose end tag may be omitted, closed by their next sibling
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
        "rb", "rt", "rp", "rtc", "html", "head", "body",
    };

    private static readonly string[] s_rawText = ["script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes"];

    /// <summary>Refuses <paramref name="html"/> through <paramref name="budget"/> when it has too many elements or nests too deeply.</summary>
    public static void Check(string html, ImportBudget budget)
    {
        var open = new List<string>();
        var elements = 0;
        var line = 1;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            line += html.AsSpan(i, lt - i).Count('\n');
            i = lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html.AsSpan(i).StartsWith("!--"))
            {
                i = Skip(html, i, "-->", ref line);
                continue;
            }

            if (html[i] is '!' or '?')
            {
                i = Skip(html, i, ">", ref line);
                continue;
            }

            var closing = html[i] == '/';
            var start = closing ? i + 1 : i;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_'))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }

            var name = html[start..end].ToLowerInvariant();
            var selfClosing = false;
            i = EndOfTag(html, end, ref selfClosing, ref line);
            if (closing)
            {
                var at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }

                continue;
            }

            if (++elements > ImportLimits.MaxHtmlElements)
            {
                budget.Refuse(ImportLimit.HtmlElements, line);
            }

            if (Array.IndexOf(s_rawText, name) >= 0)
            {
                i = SkipRawText(html, i, name, ref line);
                continue;
            }

            if (selfClosing || s_flat.Contains(name))
            {
                continue;
            }

            open.Add(name);
            if (open.Count > ImportLimits.MaxNestingDepth)
            {
                budget.Refuse(ImportLimit.NestingDepth, line);
            }

            if ((elements & 0xFFF) == 0)
            {
                budget.CheckTime();
            }
        }
    }

    /// <summary>The index after the tag's closing <c>&gt;</c>, quotes respected.</summary>
    private static int EndOfTag(string html, int i, ref bool selfClosing, ref int line)
    {
        var quote = '\0';
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '\n')
            {
                line++;
            }

            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                selfClosing = i > 0 && html[i - 1] == '/';
                return i + 1;
            }
        }

        return html.Length;
    }

    private static int Skip(string html, int i, string until, ref int line)
    {
        var end = html.IndexOf(until, i, StringComparison.Ordinal);
        end = end < 0 ? html.Length : end + until.Length;
        line += html.AsSpan(i, end - i).Count('\n');
        return end;
    }

    private static int SkipRawText(string html, int i, string name, ref int line)
    {
        var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
        end = end < 0 ? html.Length : end;
        line += html.AsSpan(i, end - i).Count('\n');
        return end;
    }
}
