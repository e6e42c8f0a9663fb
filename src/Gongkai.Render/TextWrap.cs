using System.Text;
using SkiaSharp;

namespace Gongkai.Render;

/// <summary>
/// Breaks text into lines that fit a width: between any two Chinese characters, at spaces, and
/// inside a Latin word or number only when the word alone is wider than the line. Closing
/// punctuation (，。、） …) never starts a line; it hangs past the end of the line before.
/// </summary>
internal static class TextWrap
{
    private const string ClosingPunctuation = "，。、；：？！）》」』】〕”’…,.;:?!)]%";

    public static List<string> Wrap(string text, SKFont font, float width, float firstLineIndent = 0f)
    {
        text = FoldRadicals(text);
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0f;
        var limit = width - firstLineIndent;
        foreach (var token in Tokens(text, font, width))
        {
            if (token == "\n")
            {
                Flush();
                continue;
            }

            var tokenWidth = font.MeasureText(token);
            if (line.Length > 0 && lineWidth + tokenWidth > limit && !IsClosing(token))
            {
                Flush();
                if (token == " ")
                {
                    continue;
                }
            }

            line.Append(token);
            lineWidth += tokenWidth;
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            Flush();
        }

        return lines;

        void Flush()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            lineWidth = 0f;
            limit = width;
        }
    }

    /// <summary>
    /// Kangxi radicals (⼯, from text extracted out of PDFs) as the ideographs they stand for (工):
    /// the PDF font has no glyph of their own for them (see <see cref="FontCmapPatch"/>).
    /// </summary>
    internal static string FoldRadicals(string text)
    {
        if (!text.Any(c => c is >= '\u2E80' and <= '\u2FDF'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(ch is >= '\u2E80' and <= '\u2FDF' ? ch.ToString().Normalize(NormalizationForm.FormKC) : ch.ToString());
        }

        return sb.ToString();
    }

    private static bool IsClosing(string token) => token.Length == 1 && ClosingPunctuation.Contains(token[0], StringComparison.Ordinal);

    /// <summary>Latin words and numbers as one token (split into characters when wider than a line), every other character alone.</summary>
    private static IEnumerable<string> Tokens(string text, SKFont font, float width)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiLetterOrDigit(ch) || (word.Length > 0 && ch is '.' or '-' or '_' or '/' or ':' or '%'))
            {
                word.Append(ch);
                continue;
            }

            foreach (var piece in FlushWord())
            {
                yield return piece;
            }

            if (ch == '\r')
            {
                continue;
            }

            if (char.IsHighSurrogate(ch) && i + 1 < text.Length)
            {
                yield return text.Substring(i++, 2);
            }
            else
            {
                yield return ch == '\t' ? " " : ch.ToString();
            }
        }

        foreach (var piece in FlushWord())
        {
            yield return piece;
        }

        IEnumerable<string> FlushWord()
        {
            if (word.Length == 0)
            {
                return [];
            }

            var w = word.ToString();
            word.Clear();
            return font.MeasureText(w) <= width ? [w] : w.Select(c => c.ToString()).ToArray();
        }
    }
}
