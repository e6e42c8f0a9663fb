using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Metadata: the title, the agency and the year.</summary>
internal sealed partial class StructuredNormaliser
{
    [GeneratedRegex(@"(?<year>(19|20)\d{2})年度?的?(政府信息公开|政务公开|信息公开)")]
    private static partial Regex TitleYearPattern();

    /// <summary>A title that names the year before the agency (<c>2021年XX局政府信息公开工作年度报告</c>, <c>2021年XX局政府信息公开年报</c>).</summary>
    [GeneratedRegex(@"^(?<year>(19|20)\d{2})年度?(?<agency>[^，。,；;：:]{2,39}?)的?(政府信息公开|政务公开|信息公开)")]
    private static partial Regex YearFirstTitlePattern();

    [GeneratedRegex(@"统计期限?(为|是)?(自|从)?(?<year>(19|20)\d{2})年0?1月0?1日")]
    private static partial Regex PeriodPattern();

    /// <summary>Words of the title that stand between the agency and the year (<c>…局关于2023年…</c>).</summary>
    [GeneratedRegex(@"(关于|的|之)$")]
    private static partial Regex AgencyTail();

    [GeneratedRegex(@"^(#+|(标题|题目|名称|信息名称|文章标题)[:：]?)")]
    private static partial Regex TitlePrefix();

    private static (string? Agency, int? Year, string? Title) FindTitle(Doc doc)
    {
        var limit = Math.Min(doc.Lines.Length, TitleSearchLines);
        for (var i = 0; i < limit; i++)
        {
            foreach (var frag in doc.Lines[i])
            {
                var compact = Compact(frag.Source.Text);
                if (!compact.Contains("报告", StringComparison.Ordinal) && WrappedTitleTail(doc, i, frag, compact) is { } tail)
                {
                    // A title wrapped before its last characters (…工作年度 / 报告, …年度报 / 告).
                    compact += tail;
                }

                if (MatchTitle(doc, i, compact) is { } found)
                {
                    return found;
                }
            }
        }

        if (doc.Source.Title is { } stored && MatchTitle(doc, -1, Compact(stored)) is { } kept)
        {
            // No title in the text (a converter dropped the heading): the file's own title (a PDF's
            // document information), when it is the report's.
            return kept;
        }

        for (var i = 0; i < doc.Lines.Length; i++)
        {
            var m = PeriodPattern().Match(Compact(doc.Source.Lines[i].Text));
            if (m.Success)
            {
                return (null, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), null);
            }
        }

        return (null, null, null);
    }

    /// <summary>The agency, year and title when <paramref name="compact"/> (a cell of line <paramref name="i"/>, or -1) is a report's title; else null.</summary>
    private static (string? Agency, int? Year, string? Title)? MatchTitle(Doc doc, int i, string compact)
    {
        var collapsed = compact.Length > 80;
        if (collapsed)
        {
            // A page collapsed into one line starts with its title: read the head only.
            compact = compact[..80];
        }

        var simplified = LabelText.ToSimplified(compact);
        if (!simplified.Contains("报告", StringComparison.Ordinal) && !simplified.Contains("年报", StringComparison.Ordinal))
        {
            return null;
        }

        var m = TitleYearPattern().Match(simplified);
        var first = m.Success ? null : YearFirstTitlePattern().Match(TitlePrefix().Replace(simplified, string.Empty).TrimStart('：', ':', '《', '“'));
        if (first is { Success: true })
        {
            // The year before the agency: the agency is what stands between 年 and the title's words.
            var at = simplified.IndexOf(first.Groups["agency"].Value, StringComparison.Ordinal);
            return (compact.Substring(at, first.Groups["agency"].Length), int.Parse(first.Groups["year"].Value, CultureInfo.InvariantCulture), TitleOf(compact));
        }

        if (!m.Success || (collapsed && (m.Index > 40 || compact[..m.Index].Contains('。', StringComparison.Ordinal))))
        {
            return null;
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var agency = AgencyTail().Replace(TitlePrefix().Replace(compact[..m.Index], string.Empty).Trim('：', ':', ' ', '《', '“'), string.Empty);
        if (agency.Length == 0 && i > 0)
        {
            // The agency printed on the line above the year (a two-line title).
            var above = doc.Lines[i - 1].Where(f => f.Kind == Kind.Text).Select(f => Compact(f.Source.Text)).LastOrDefault();
            if (above is { Length: > 1 and < 40 } && !above.Contains("报告", StringComparison.Ordinal))
            {
                agency = above;
            }
        }

        return (agency.Length is > 1 and < 40 ? agency : null, year, TitleOf(compact));
    }

    /// <summary>The title up to its 报告 (or 年报), without a portal's 标题： prefix.</summary>
    private static string TitleOf(string compact)
    {
        var simplified = LabelText.ToSimplified(compact);
        var end = simplified.IndexOf("报告", StringComparison.Ordinal) is >= 0 and var report ? report : simplified.IndexOf("年报", StringComparison.Ordinal);
        return TitlePrefix().Replace(end >= 0 ? compact[..(end + 2)] : compact, string.Empty);
    }

    /// <summary>
    /// The next line's text when <paramref name="frag"/> is the last cell of its line and the next line
    /// is a short tail that completes a title (<c>报告</c>, <c>公开工作年度报告</c>, or <c>告</c> after a line ending in 报); else null.
    /// </summary>
    private static string? WrappedTitleTail(Doc doc, int line, Frag frag, string compact)
    {
        if (frag.Index != doc.Lines[line].Length - 1 || line + 1 >= doc.Lines.Length || doc.Lines[line + 1].Length != 1)
        {
            return null;
        }

        var next = Compact(doc.Lines[line + 1][0].Source.Text);
        var joined = compact + next;
        return next.Length is > 0 and <= 12 && (joined.EndsWith("报告", StringComparison.Ordinal) || joined.EndsWith("年报", StringComparison.Ordinal)) ? next : null;
    }

    /// <summary>The 发布机构 of a portal page's metadata block, when the title does not name the agency.</summary>
    private static string? FindPublisher(Doc doc)
    {
        var limit = Math.Min(doc.Lines.Length, TitleSearchLines);
        for (var i = 0; i < limit; i++)
        {
            var frags = doc.Lines[i];
            for (var j = 0; j < frags.Length; j++)
            {
                var compact = Compact(frags[j].Source.Text);
                foreach (var key in s_publisherKeys)
                {
                    if (!compact.StartsWith(key, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var value = compact[key.Length..].TrimStart(':', '：');
                    if (value.Length == 0 && j + 1 < frags.Length)
                    {
                        value = Compact(frags[j + 1].Source.Text);
                    }

                    return value.Length is > 1 and < 40 ? value : null;
                }
            }
        }

        return null;
    }

    private static readonly string[] s_publisherKeys = ["发布机构", "发文机关", "发布单位", "信息来源"];

    private static string Compact(string text)
    {
        var folded = LabelText.FoldWidth(text);
        var blank = 0;
        foreach (var c in folded)
        {
            blank += char.IsWhiteSpace(c) ? 1 : 0;
        }

        if (blank == 0)
        {
            return folded;
        }

        return string.Create(folded.Length - blank, folded, static (span, from) =>
        {
            var n = 0;
            foreach (var c in from)
            {
                if (!char.IsWhiteSpace(c))
                {
                    span[n++] = c;
                }
            }
        });
    }
}
