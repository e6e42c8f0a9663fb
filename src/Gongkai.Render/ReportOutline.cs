using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>A section of the rendered report: the official heading, its paragraphs and, for 二-四, its table.</summary>
/// <param name="Number">1 to 6.</param>
/// <param name="Heading">The official heading from the catalogue (e.g. 三、收到和处理政府信息公开申请情况).</param>
/// <param name="Paragraphs">The section's text from <see cref="Report.Sections"/>, one entry per non-empty line.</param>
/// <param name="Table">The official table printed in the section, if any.</param>
public sealed record OutlineSection(int Number, string Heading, ImmutableArray<string> Paragraphs, OfficialTable? Table);

/// <summary>
/// What every renderer prints, in order: the title, then the six sections of the catalogue with
/// their text and tables. Sections 二 to 四 print their text (if any) before their table.
/// </summary>
public sealed record ReportOutline(string Title, ImmutableArray<OutlineSection> Sections)
{
    /// <summary>The document title, <c>&lt;agency&gt;&lt;year&gt;年政府信息公开工作年度报告</c>; a missing agency or year is left out.</summary>
    public static string TitleOf(Report report)
    {
        var year = report.Year is { } y ? FormattableString.Invariant($"{y}年") : string.Empty;
        return $"{Clean(report.Agency ?? string.Empty).Trim()}{year}政府信息公开工作年度报告";
    }

    /// <summary>
    /// Text as every output can hold it: control characters (which XML, and so DOCX, cannot
    /// carry) and unpaired surrogates dropped, tabs and form feeds as spaces, line breaks kept.
    /// </summary>
    internal static string Clean(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = !NeedsCleaning(text, i);
        }

        if (clean)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else if (ch is '\t' or '\f' or '\v')
            {
                sb.Append(' ');
            }
            else if (!NeedsCleaning(text, i))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsCleaning(string text, int i)
    {
        var ch = text[i];
        if (char.IsHighSurrogate(ch))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(ch))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return (char.IsControl(ch) && ch is not '\n' and not '\r') || ch is '\uFFFE' or '\uFFFF';
    }

    /// <summary>The outline of <paramref name="report"/>.</summary>
    public static ReportOutline Of(Report report, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var tables = OfficialTables.All(report, cat);
        var sections = cat.Sections
            .OrderBy(s => s.Number)
            .Select(s => new OutlineSection(
                s.Number,
                s.Heading,
                Paragraphs(report.Sections.Where(r => r.Number == s.Number).Select(r => r.Text)),
                tables.FirstOrDefault(t => t.Heading == s.Heading)))
            .ToImmutableArray();
        return new ReportOutline(TitleOf(report), sections);
    }

    private static ImmutableArray<string> Paragraphs(IEnumerable<string> texts) =>
        texts
            .SelectMany(t => Clean(t).Split('\n'))
            .Select(line => line.Trim().Trim('\u3000'))
            .Where(line => line.Length > 0)
            .ToImmutableArray();
}
