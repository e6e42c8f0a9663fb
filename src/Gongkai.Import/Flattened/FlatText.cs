using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Flattened;

/// <summary>
/// A text as one stream of characters for finding flattened rows. Labels are folded as
/// <see cref="LabelText.Normalize"/> does (so catalogue phrases match across line breaks and
/// spaces); digits, a decimal point between digits, a minus sign before a digit and placeholders
/// (<c>/ - —</c>, all stored as <c>/</c>) are kept as numeric characters. Whitespace and dropped
/// punctuation mark a separator before the next character, so that <c>0 0 0</c> stays three
/// numbers while <c>000</c> is one run. <see cref="Label"/> is the stream without the numeric marks
/// (<c>. - /</c>), which is where catalogue phrases are searched.
/// </summary>
internal sealed class FlatText
{
    private FlatText(char[] chars, int[] lines, bool[] sepBefore, string label, int[] labelToStream)
    {
        Chars = chars;
        Lines = lines;
        SepBefore = sepBefore;
        Label = label;
        LabelToStream = labelToStream;
    }

    /// <summary>The stream's characters.</summary>
    public char[] Chars { get; }

    /// <summary>The 1-based source line of each character.</summary>
    public int[] Lines { get; }

    /// <summary>Whether whitespace or punctuation stood before each character.</summary>
    public bool[] SepBefore { get; }

    /// <summary>The label view: the stream without <c>. - /</c>, 合计 read as 总计.</summary>
    public string Label { get; }

    /// <summary>For each character of <see cref="Label"/>, its index in the stream.</summary>
    public int[] LabelToStream { get; }

    public int Length => Chars.Length;

    public static bool IsNumeric(char c) => char.IsAsciiDigit(c) || c is '.' or '-' or '/';

    /// <param name="text">The document's text.</param>
    /// <param name="labelWords">
    /// What follows 无 or 空 in a row label (<c>正当</c> of <c>无正当理由</c>): a 无 set apart by a line
    /// break inside its label cell (<c>4. 无 正当理由…</c>) and followed by one of them is the label's,
    /// not a placeholder cell.
    /// </param>
    public static FlatText Build(string text, IReadOnlyCollection<string>? labelWords = null)
    {
        var chars = new List<char>(text.Length);
        var lines = new List<int>(text.Length);
        var seps = new List<bool>(text.Length);
        var cache = new Dictionary<char, string>();
        var labels = new Dictionary<char, string>();
        var line = 1;
        var pendingSep = false;

        void Add(char c)
        {
            chars.Add(c);
            lines.Add(line);
            seps.Add(pendingSep);
            pendingSep = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (chars.Count > 0 && char.IsAsciiDigit(chars[^1]) && UnitLength(text, i) is > 0 and var unit)
            {
                // A unit printed in the cell ("35件", "12.5万元") ends the number.
                i += unit - 1;
                pendingSep = true;
                continue;
            }

            var ch = Fold(text[i], cache);
            if (text[i] == '\n')
            {
                line++;
                pendingSep = true;
                continue;
            }

            if (ch.Length != 1)
            {
                if (ch.Length == 0)
                {
                    pendingSep = true;
                }

                foreach (var c in ch)
                {
                    Add(c);
                }

                continue;
            }

            var x = ch[0];
            if (x is '“' or '「' && QuotedValueLength(text, i) is > 0 and var quoted)
            {
                // A value quoted in prose (a note's 没有的数据项填“0”): what a cell should hold, not a cell.
                i += quoted - 1;
                pendingSep = true;
                continue;
            }

            var next = i + 1 < text.Length ? Fold(text[i + 1], cache) : string.Empty;
            var nextIsDigit = next.Length == 1 && char.IsAsciiDigit(next[0]);
            switch (x)
            {
                case >= '0' and <= '9':
                    Add(x);
                    break;
                case '.' when nextIsDigit && chars.Count > 0 && char.IsAsciiDigit(chars[^1]) && !pendingSep:
                    Add('.');
                    break;
                case '-' or '\u2212' when nextIsDigit:
                    Add('-');
                    break;
                case ',' when !pendingSep && chars.Count > 0 && char.IsAsciiDigit(chars[^1]) && IsThousandsGroup(text, i + 1):
                    // A thousands separator (1,234): the number goes on.
                    break;
                case '\u2014' when i > 0 && text[i - 1] == '\u2014':
                    break;
                case '-' or '/' or '\u2014' or '\u2013' or '\u2015' or '\u2500':
                    Add('/');
                    break;
                case '.':
                    pendingSep = true;
                    break;
                case '无' or '空' when (pendingSep || chars.Count == 0) && (next.Length == 0 || next == " " || next == "|" || (next.Length == 1 && char.IsAsciiDigit(next[0])))
                    && !StartsLabelWord(text, i, labelWords):
                    // A cell that says "无" between separators is a placeholder, like "/".
                    Add('/');
                    pendingSep = true;
                    break;
                default:
                    if (char.IsWhiteSpace(x))
                    {
                        pendingSep = true;
                        break;
                    }

                    if (!labels.TryGetValue(x, out var folded))
                    {
                        folded = LabelText.Normalize(x.ToString());
                        labels[x] = folded;
                    }

                    if (folded.Length == 0)
                    {
                        pendingSep = true;
                        break;
                    }

                    foreach (var c in folded)
                    {
                        Add(c);
                    }

                    break;
            }
        }

        var label = new StringBuilder(chars.Count);
        var map = new List<int>(chars.Count);
        for (var i = 0; i < chars.Count; i++)
        {
            if (chars[i] is not ('.' or '-' or '/'))
            {
                label.Append(chars[i]);
                map.Add(i);
            }
        }

        label.Replace("合计", "总计");
        return new FlatText([.. chars], [.. lines], [.. seps], label.ToString(), [.. map]);
    }

    /// <summary>
    /// Whether the 无/空 at <paramref name="i"/> and the text after it, whitespace skipped, spell the
    /// start of a label word (<paramref name="words"/>: what follows 无/空 in a label).
    /// </summary>
    private static bool StartsLabelWord(string text, int i, IReadOnlyCollection<string>? words)
    {
        if (words is null || words.Count == 0)
        {
            return false;
        }

        var j = i + 1;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        foreach (var word in words)
        {
            var k = j;
            var matched = 0;
            while (matched < word.Length && k < text.Length)
            {
                if (char.IsWhiteSpace(text[k]))
                {
                    k++;
                    continue;
                }

                if (text[k] != word[matched])
                {
                    break;
                }

                matched++;
                k++;
            }

            if (matched == word.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The length, quotation marks included, of a number or placeholder quoted at <paramref name="i"/>
    /// (<c>“0”</c>, <c>“/”</c>, <c>「无」</c>; Chinese marks only, an ASCII quote may enclose a CSV cell), else 0.
    /// </summary>
    private static int QuotedValueLength(string text, int i)
    {
        var close = text[i] == '「' ? '」' : '”';
        var end = text.IndexOf(close, i + 1, Math.Min(text.Length - i - 1, 10));
        if (end <= i + 1)
        {
            return 0;
        }

        var inner = text.AsSpan(i + 1, end - i - 1).Trim();
        return inner.Length > 0 && (inner.IndexOfAnyExcept(s_quotedValueChars) < 0 || inner is "无" or "空") ? end - i + 1 : 0;
    }

    private static readonly System.Buffers.SearchValues<char> s_quotedValueChars = System.Buffers.SearchValues.Create("0123456789０１２３４５６７８９.-/—－／");

    /// <summary>What follows 无 or 空 in the catalogue's row labels and phrases (two characters each), for <see cref="Build"/>.</summary>
    public static IReadOnlyCollection<string> LabelWordsAfterPlaceholders(FormatCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return s_labelWords.GetValue(catalogue, FindLabelWords);
    }

    /// <summary>Per catalogue (immutable), <see cref="LabelWordsAfterPlaceholders"/> computed once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FormatCatalogue, IReadOnlyCollection<string>> s_labelWords = new();

    private static IReadOnlyCollection<string> FindLabelWords(FormatCatalogue catalogue)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in catalogue.Layouts.SelectMany(l => l.Rows).SelectMany(r => r.Match.Append(LabelText.Normalize(r.Label))))
        {
            for (var i = phrase.IndexOfAny(['无', '空']); i >= 0 && i + 2 < phrase.Length; i = phrase.IndexOfAny(['无', '空'], i + 1))
            {
                words.Add(phrase.Substring(i + 1, 2));
            }
        }

        return words;
    }

    private static readonly string[] s_units = ["万元", "人次", "件", "个", "笔", "项", "次", "条", "宗", "家", "户", "份"];

    /// <summary>
    /// The length of the unit at <paramref name="i"/> when one stands there and ends its cell (the
    /// text ends, or whitespace, a digit or a cell border follows), else 0.
    /// </summary>
    private static int UnitLength(string text, int i)
    {
        foreach (var unit in s_units)
        {
            if (string.CompareOrdinal(text, i, unit, 0, unit.Length) != 0)
            {
                continue;
            }

            var after = i + unit.Length;
            if (after >= text.Length || char.IsWhiteSpace(text[after]) || char.IsAsciiDigit(text[after]) || text[after] is '|' or (>= '０' and <= '９'))
            {
                return unit.Length;
            }
        }

        return 0;
    }

    /// <summary>Whether exactly three ASCII digits stand at <paramref name="i"/> (a thousands group after a comma).</summary>
    private static bool IsThousandsGroup(string text, int i) =>
        i + 3 <= text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]));

    /// <summary>Full-width forms folded to ASCII (NFKC) for one character, cached.</summary>
    private static string Fold(char c, Dictionary<char, string> cache)
    {
        if (c < 0x80)
        {
            return c is '\r' or '\n' or '\t' ? " " : c.ToString();
        }

        if (!cache.TryGetValue(c, out var s))
        {
            // string.Normalize refuses lone surrogates and the non-character U+FFFE (ArgumentException):
            // they are not text, so they separate like punctuation.
            s = char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? string.Empty : c.ToString().Normalize(NormalizationForm.FormKC);
            cache[c] = s;
        }

        return s;
    }

    /// <summary>The stream index just after the label-view range ending before <paramref name="labelEnd"/>.</summary>
    public int StreamAfter(int labelEnd) => labelEnd <= 0 ? 0 : LabelToStream[labelEnd - 1] + 1;

    /// <summary>The stream index of the label-view character at <paramref name="labelIndex"/> (the stream end when past it).</summary>
    public int StreamAt(int labelIndex) => labelIndex >= LabelToStream.Length ? Chars.Length : LabelToStream[labelIndex];
}
