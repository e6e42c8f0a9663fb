using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Full-text search for Chinese without word spaces: text is normalised (NFKC, so full-width letters and
/// digits become ASCII; lower case; whitespace and punctuation dropped) and a query matches when every
/// character bigram of every query term occurs in the normalised text. A single-character term matches
/// as that character. Works the same in memory and in SQL (<c>LIKE '%bigram%'</c> per bigram over a
/// stored normalised column), on SQLite and PostgreSQL alike.
/// </summary>
public static class CatalogueSearch
{
    /// <summary>Longest query considered, in characters.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Most bigrams a query turns into (the rest are ignored).</summary>
    public const int MaxBigrams = 24;

    /// <summary>The searchable form of <paramref name="text"/>.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKC))
        {
            var cat = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || cat is UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Control
                or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol)
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The searchable text of an item: title, 文号, 发布机构, 索引号, summary and body without tags.</summary>
    public static string IndexText(DisclosureItem item) =>
        Normalise(string.Join(' ', item.Title, item.DocumentNumber, item.Publisher, item.IndexNumber?.Value, item.Summary, StripTags(item.Body)));

    /// <summary>The distinct fragments a query must all match: bigrams, or the single character of a one-character term.</summary>
    public static ImmutableArray<string> QueryFragments(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var q = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var fragments = new List<string>();
        foreach (var term in q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var t = Normalise(term);
            if (t.Length == 1)
            {
                fragments.Add(t);
            }

            for (var i = 0; i + 1 < t.Length; i++)
            {
                fragments.Add(t.Substring(i, 2));
            }
        }

        return [.. fragments.Distinct(StringComparer.Ordinal).Take(MaxBigrams)];
    }

    /// <summary>Whether normalised text <paramref name="indexText"/> matches <paramref name="query"/> (an empty query matches everything).</summary>
    public static bool Matches(string indexText, string? query) =>
        QueryFragments(query).All(f => indexText.Contains(f, StringComparison.Ordinal));

    /// <summary>
    /// Body text with HTML tags removed (a crude but safe reading for search and the public page):
    /// <c>br</c> and the ends of blocks (<c>p</c>, <c>div</c>, <c>li</c>, <c>tr</c>, headings) become line
    /// breaks, other tags vanish, entities are decoded.
    /// </summary>
    public static string StripTags(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var sb = new StringBuilder(html.Length);
        var tag = new StringBuilder();
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<' && !inTag)
            {
                inTag = true;
                tag.Clear();
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
                var name = tag.ToString().Trim().ToLowerInvariant();
                if (name.StartsWith("br", StringComparison.Ordinal) || name is "/p" or "/div" or "/li" or "/tr" or "/h1" or "/h2" or "/h3" or "/h4")
                {
                    sb.Append('\n');
                }
            }
            else if (inTag)
            {
                tag.Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }

        if (inTag)
        {
            // An unclosed '<' was text after all.
            sb.Append('<').Append(tag);
        }

        return System.Net.WebUtility.HtmlDecode(sb.ToString());
    }

    /// <summary><paramref name="text"/> without unpaired surrogates, which <see cref="string.Normalize(NormalizationForm)"/> refuses with an exception.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!paired)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            sb?.Append(c);
        }

        return sb?.ToString() ?? text;
    }
}
