using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Crawl;

/// <summary>
/// Finds English words and raw codes in text a person reads. A run of printable ASCII is checked word
/// by word (a word is 3 or more Latin letters): allowed are the file formats and abbreviations of
/// <see cref="Allowed"/>, upper-case words in a run with a digit (reference numbers such as
/// <c>LLWJ-2026-AB12CD34</c> or <c>11371324MB2858127M/2025-00001</c>), and addresses (e-mail, URL, path).
/// Text inside <c>translate="no"</c> (user names, identifiers typed by people) is not given to it.
/// </summary>
public static partial class ForeignText
{
    /// <summary>Abbreviations a Chinese page writes in Latin letters.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "PDF", "DOCX", "DOC", "CSV", "JSON", "API", "XLSX", "XLS", "ZIP", "URL", "HTML", "HTM", "TXT", "RSS", "XML",
        "UTF", "GBK", "ODT", "WPS", "OFD", "RTF", "MHT", "MHTML", "JPG", "PNG", "GIF", "OCR", "HTTP", "HTTPS", "WWW", "EMS",
    };

    /// <summary>The words of <paramref name="text"/> no Chinese reader should meet, in order.</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (Match run in AsciiRun().Matches(text))
        {
            var value = run.Value;
            if (IsAddress(value))
            {
                continue;
            }

            var reference = value.Any(char.IsAsciiDigit);
            foreach (Match word in LatinWord().Matches(value))
            {
                var w = word.Value;
                if (w.Length < 3 || Allowed.Contains(w.ToUpperInvariant()) && (w.All(char.IsAsciiLetterUpper) || w.All(char.IsAsciiLetterLower)))
                {
                    continue;
                }

                if (reference && w.All(char.IsAsciiLetterUpper))
                {
                    continue;
                }

                yield return w;
            }
        }
    }

    private static bool IsAddress(string run) =>
        run.Contains('@', StringComparison.Ordinal)
        || run.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || run.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (run.Length > 1 && run[0] == '/' && run.IndexOf('/', 1) > 0);

    [GeneratedRegex(@"[\x21-\x7E]+")]
    private static partial Regex AsciiRun();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();
}
