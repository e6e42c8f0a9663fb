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

    /// <summary>A title whose year follows its words (<c>政府信息公开工作2024年度报告</c>); matched where the words start.</summary>
    [GeneratedRegex(@"(政府信息公开|政务公开)(工作)?(?<year>(19|20)\d{2})年度?(工作)?(年度)?(报告|年报)")]
    private static partial Regex YearAfterTitlePattern();

    [GeneratedRegex(@"统计期限?(为|是)?(自|从)?(?<year>(19|20)\d{2})年0?1月0?1日")]
    private static partial Regex PeriodPattern();

    /// <summary>Words of the title that stand between the agency and the year (<c>…局关于2023年…</c>).</summary>
    [GeneratedRegex(@"(关于|的|之)$")]
    private static partial Regex AgencyTail();

    /// <summary>
    /// A mark that ends a piece of a site's page or of prose before a title: a date (and time) as sites
    /// print them, so a date run into a year-first title (<c>2025-01-202024年度…</c>) ends where the date
    /// does; a time; <c>： ] 】 &gt; » | 。 ；</c>; a number not followed by 年 (a count, an index number).
    /// </summary>
    [GeneratedRegex(@"(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(\d{1,2}:\d{2}(:\d{2})?)?|\d{1,2}:\d{2}(:\d{2})?|[:：\]】>»|。;；!！?？]|\d+(?![\d年])")]
    private static partial Regex FurnitureMark();

    /// <summary>The value of a 信息索引's 有效性 (or 时效性).</summary>
    [GeneratedRegex(@"\G(现行有效|部分有效|有效|已失效|失效|已废止|废止)")]
    private static partial Regex ValidityValue();

    [GeneratedRegex(@"^(#+|(标题|题目|名称|信息名称|文章标题)[:：]?)")]
    private static partial Regex TitlePrefix();

    private static (string? Agency, int? Year, string? Title) FindTitle(Doc doc)
    {
        var limit = Math.Min(doc.Lines.Length, TitleSearchLines);
        (string? Agency, int? Year, string? Title)? unnamed = null;
        for (var i = 0; i < limit; i++)
        {
            foreach (var frag in doc.Lines[i])
            {
                var compact = Compact(frag.Source.Text);
                if (unnamed is not null && compact.Contains("总体情况", StringComparison.Ordinal))
                {
                    // The body begins: no later title names the agency.
                    return unnamed.Value;
                }

                if (!compact.Contains("报告", StringComparison.Ordinal) && WrappedTitleTail(doc, i, frag, compact) is { } tail)
                {
                    // A title wrapped before its last characters (…工作年度 / 报告, …年度报 / 告).
                    compact += tail;
                }

                var found = MatchTitle(doc, i, compact);
                if (found is null && compact.Length <= 40 && YearLine(doc, i + 1) is { } year
                    && MatchTitleText(doc, i, year + TitlePrefix().Replace(compact, string.Empty), below: i + 2) is { } withYear)
                {
                    // A title without its year, the year on the next line (政府信息公开工作年度报告 / （2024年度）).
                    found = withYear with { Title = TitleOf(compact) };
                }

                if (found is { Agency: not null })
                {
                    return found.Value;
                }

                // A title that names no agency (an HTML page's <title>, before the site's 信息索引 and
                // the document's own title lines): kept, and a later one that does is looked for.
                unnamed ??= found;
            }
        }

        if (unnamed is not null)
        {
            return unnamed.Value;
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
    private static (string? Agency, int? Year, string? Title)? MatchTitle(Doc doc, int i, string compact) =>
        compact.Length > 80 ? MatchCollapsedTitle(doc, i, compact) : MatchTitleText(doc, i, compact);

    /// <summary>How far into a page collapsed into one line its title is looked for (past a site's breadcrumb and 信息索引).</summary>
    private const int CollapsedTitleHead = 400;

    /// <summary>
    /// The title of a page collapsed into one line: near its head, after whatever the site printed
    /// before it (breadcrumb, 索引号, 发文日期, 字号：[大中小]). Each 报告 / 年报 of the head is tried as a
    /// title's end, the title taken from after the last mark that ends such furniture (<see cref="FurnitureEnd"/>);
    /// the first that reads as a title, its year within 40 characters of that start, is it.
    /// </summary>
    private static (string? Agency, int? Year, string? Title)? MatchCollapsedTitle(Doc doc, int i, string compact)
    {
        var head = compact[..Math.Min(compact.Length, CollapsedTitleHead)];
        var simplified = LabelText.ToSimplified(head);
        for (var at = 0; at < simplified.Length;)
        {
            var report = simplified.IndexOf("报告", at, StringComparison.Ordinal);
            var annual = simplified.IndexOf("年报", at, StringComparison.Ordinal);
            var end = (report, annual) switch
            {
                ( < 0, < 0) => -1,
                ( < 0, _) => annual,
                (_, < 0) => report,
                _ => Math.Min(report, annual),
            };
            if (end < 0)
            {
                return null;
            }

            // From the furniture's end, else from a year that starts a year-first title after a
            // piece of the page the marks do not end (来源：兰陵县住房和城乡建设局2021年兰陵县…).
            var furniture = FurnitureEnd(simplified, at, end);
            for (var start = furniture; start >= 0; start = NextYear(simplified, start + 1, end))
            {
                var title = head[start..(end + 2)];
                if (MatchTitleText(doc, i, title) is { } found && TitleYearPattern().Match(LabelText.ToSimplified(title)) is var m
                    && (!m.Success || m.Index <= 40))
                {
                    return found with { Agency = found.Agency is { } agency ? Published(agency, PageHead(doc, i, head)) : null };
                }
            }

            at = end + 2;
        }

        return null;
    }

    /// <summary>
    /// Where a title can start in <paramref name="text"/> between <paramref name="from"/> and
    /// <paramref name="end"/>: after the last mark that ends a piece of a site's page or of prose
    /// (<c>： ] 】 &gt; » | 。 ；</c>, a number not followed by 年: a date, a count, an index number).
    /// </summary>
    private static int FurnitureEnd(string text, int from, int end)
    {
        var start = from;
        for (var m = FurnitureMark().Match(text, from, end - from); m.Success; m = m.NextMatch())
        {
            start = m.Index + m.Length;
        }

        if (start >= 4 && text.AsSpan(start - 4, 4) is "有效性:" or "有效性：" or "时效性:" or "时效性：")
        {
            // 有效性：有效 (the 信息索引's validity) run into the title: its value is the site's too.
            var validity = ValidityValue().Match(text, start, end - start);
            start += validity.Success ? validity.Length : 0;
        }

        return start;
    }

    /// <summary>Where the next year (<c>2021年</c>) stands in <paramref name="text"/> from <paramref name="from"/> before <paramref name="end"/>; -1 when none.</summary>
    private static int NextYear(string text, int from, int end)
    {
        var m = from < end ? TitleYear().Match(text, from, end - from) : Match.Empty;
        return m.Success ? m.Index : -1;
    }

    [GeneratedRegex(@"(19|20)\d{2}年")]
    private static partial Regex TitleYear();

    /// <summary>The page's text up to <paramref name="head"/> (line <paramref name="i"/>'s cells and the lines above it), compacted, each cell's head only.</summary>
    private static string PageHead(Doc doc, int i, string head)
    {
        var text = new System.Text.StringBuilder();
        for (var k = 0; k <= i && k < doc.Lines.Length; k++)
        {
            foreach (var frag in doc.Lines[k])
            {
                var compact = Compact(frag.Source.Text);
                text.Append(compact.AsSpan(0, Math.Min(compact.Length, CollapsedTitleHead)));
            }
        }

        return text.Append(head).ToString();
    }

    /// <summary>
    /// <paramref name="agency"/>, or the end of it that the page's 发布机构 (信息来源, 主办) names, when a
    /// piece of the site's page stood before the title with nothing between (<c>有效性：有效周村区交通运输局</c>
    /// of a page run together, the publisher <c>周村区交通运输局</c>).
    /// </summary>
    private static string Published(string agency, string head)
    {
        for (var k = 1; k <= agency.Length - 2; k++)
        {
            var tail = agency[k..];
            foreach (var key in s_pageAgencyKeys)
            {
                if (head.Contains(key + ":" + tail, StringComparison.Ordinal) || head.Contains(key + "：" + tail, StringComparison.Ordinal))
                {
                    return tail;
                }
            }
        }

        return agency;
    }

    /// <summary>The agency, year and title when <paramref name="compact"/> is a report's title (no more than one); else null.</summary>
    private static (string? Agency, int? Year, string? Title)? MatchTitleText(Doc doc, int i, string compact) =>
        MatchTitleText(doc, i, compact, below: i + 1);

    /// <summary>
    /// <inheritdoc cref="MatchTitleText(Doc, int, string)"/> A title that does not name its agency
    /// has it on the line above (line <paramref name="i"/> − 1) or on line <paramref name="below"/>,
    /// the one after the title's own lines.
    /// </summary>
    private static (string? Agency, int? Year, string? Title)? MatchTitleText(Doc doc, int i, string compact, int below)
    {
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
            var named = compact.Substring(at, first.Groups["agency"].Length);
            return (IsAgencyName(named) ? named : null, int.Parse(first.Groups["year"].Value, CultureInfo.InvariantCulture), TitleOf(compact));
        }

        if (!m.Success)
        {
            // The year after the title's words (某县交通运输局政府信息公开工作2024年度报告).
            m = YearAfterTitlePattern().Match(simplified);
            if (!m.Success)
            {
                return null;
            }
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var agency = AgencyTail().Replace(TitlePrefix().Replace(compact[..m.Index], string.Empty).Trim('：', ':', ' ', '《', '“'), string.Empty);
        if (agency.Length == 0 && i > 0)
        {
            // The agency printed on the line above the year (a two-line title).
            // The line above is the agency's alone (not a portal's 文 号 | 有 效 性 row).
            var cells = doc.Lines[i - 1].Where(f => f.Source.Text.Trim().Length > 0).ToList();
            var above = cells is [{ Kind: Kind.Text } one] ? TitlePrefix().Replace(Compact(one.Source.Text), string.Empty) : null;
            if (above is { Length: > 1 and < 40 } && !above.Contains("报告", StringComparison.Ordinal) && IsAgencyName(above))
            {
                agency = above;
            }
        }

        if (agency.Length == 0 && i >= 0 && below < doc.Lines.Length && doc.Lines[below] is [{ Kind: Kind.Text } again] && Compact(again.Source.Text) == compact)
        {
            // The title printed again (an HTML page's <title>, then the document's heading).
            below++;
        }

        if (agency.Length == 0 && i >= 0 && below < doc.Lines.Length && doc.Lines[below] is [{ Kind: Kind.Text } only]
            && TitlePrefix().Replace(Compact(only.Source.Text), string.Empty) is var under && IsBodyName(under))
        {
            // The agency on a line of its own under the title (2024年政府信息公开工作年度报告 / 某县交通运输局).
            agency = under;
        }

        return (agency.Length is > 1 and < 40 && IsAgencyName(agency) ? agency : null, year, TitleOf(compact));
    }

    /// <summary>
    /// Whether <paramref name="text"/> can be an agency's name: no sentence or quotation marks, nor a
    /// site's separators (<c>政务公开 - 区人民政府</c>, <c>中国·淮安</c>, a breadcrumb's <c>&gt;</c>), not the
    /// start of a sentence (本年度工作报告根据《条例》…关于做好2021年政府信息公开工作年度报告 is prose
    /// that names a notice, not a title).
    /// </summary>
    private static bool IsAgencyName(string text) =>
        text.AsSpan().IndexOfAny(s_notInAgencyName) < 0 && !NotAgencyStart().IsMatch(text) && !SiteName().IsMatch(text);

    /// <summary>
    /// Whether a line's text alone is a government body's name: an agency's name (<see cref="IsAgencyName"/>)
    /// ending as a body's does (<see cref="AgencySuffix"/>), without digits (not a date, a count).
    /// </summary>
    private static bool IsBodyName(string text) =>
        text.Length is > 1 and < 40 && AgencySuffix().IsMatch(text) && IsAgencyName(text) && !text.Any(char.IsAsciiDigit);

    /// <summary>A site's name above a page's title (<c>某市人民政府门户网站</c>, <c>政府信息公开平台</c>).</summary>
    [GeneratedRegex(@"(网站|网|门户|平台|频道|专栏|专题|首页)$")]
    private static partial Regex SiteName();

    private static readonly System.Buffers.SearchValues<char> s_notInAgencyName = System.Buffers.SearchValues.Create("《》〈〉“”\"、，,。；;：:！!？?【】[]-|>»·•/");

    [GeneratedRegex(@"^(根据|按照|依据|依照|本|为|现将|对照|经)")]
    private static partial Regex NotAgencyStart();

    /// <summary>How the name of a government body ends (局, 委员会, 人民政府, 办公室, 街道办事处, 镇…).</summary>
    [GeneratedRegex(@"^.{1,38}(局|委员会|委|政府|办公室|办公厅|办|厅|院|中心|处|所|站|队|部|署|会|街道|办事处|镇|乡|管委会|公司|馆|社|室|司|行|集团|关|台|校|学|狱|园|区|县|市|省)$")]
    private static partial Regex AgencySuffix();

    /// <summary>The year of a line that holds only a year (<c>（2024年度）</c>, <c>2024年</c>) as <c>2024年度</c>; else null.</summary>
    private static string? YearLine(Doc doc, int line)
    {
        if (line >= doc.Lines.Length || doc.Lines[line] is not [var only])
        {
            return null;
        }

        var m = YearAlone().Match(Compact(only.Source.Text));
        return m.Success ? m.Groups["year"].Value + "年度" : null;
    }

    [GeneratedRegex(@"^[（(]?(?<year>(19|20)\d{2})年度?[)）]?$")]
    private static partial Regex YearAlone();

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

                    value = UpToNextPageKey(value);
                    return value.Length is > 1 and < 40 ? value : null;
                }
            }
        }

        return PageSource(doc, limit);
    }

    /// <summary>
    /// The body a page's info line names within it (<c>发布日期：2025-01-20  来源：某县财政局  浏览次数：…</c>):
    /// the value after <c>来源：</c>, <c>发布机构：</c> and the like, up to the next key, when it can be a
    /// body's name (not a site's, <c>来源：本网</c>); else null.
    /// </summary>
    private static string? PageSource(Doc doc, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            foreach (var frag in doc.Lines[i])
            {
                var compact = Compact(frag.Source.Text);
                foreach (var key in s_pageAgencyKeys)
                {
                    var at = compact.IndexOf(key, StringComparison.Ordinal);
                    if (at < 0 || at + key.Length >= compact.Length || compact[at + key.Length] is not (':' or '：'))
                    {
                        continue;
                    }

                    var value = UpToNextPageKey(compact[(at + key.Length + 1)..]);
                    if (value.Length is > 1 and < 40 && IsAgencyName(value) && !value.Any(char.IsAsciiDigit))
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>How many lines from the end a report's signature is looked for in (past a site's footer).</summary>
    private const int SignatureSearchLines = 30;

    /// <summary>
    /// The body that signed the report, when neither title nor 信息索引 names it: a line that is a
    /// body's name alone (<see cref="AgencySuffix"/>, <see cref="IsAgencyName"/>, no digit) right above
    /// a date alone (<c>2025年1月20日</c>), near the text's end, as an official document closes.
    /// </summary>
    private static string? FindSignature(Doc doc)
    {
        for (var i = doc.Lines.Length - 1; i > 0 && i >= doc.Lines.Length - SignatureSearchLines; i--)
        {
            if (doc.Lines[i] is not [var date] || !SignatureDate().IsMatch(Compact(date.Source.Text)))
            {
                continue;
            }

            // The name right above the date, or above a page break between them (a page number, the
            // running header or footer: a site's name).
            for (var k = i - 1; k > 0 && k >= i - 1 - Doc.MaxRunningLines - 1; k--)
            {
                var text = doc.Lines[k] is [{ Kind: Kind.Text } name] ? Compact(name.Source.Text) : null;
                if (text is not null && IsBodyName(text))
                {
                    return text;
                }

                if (!Doc.IsPageNumber(doc.Source.Lines[k]) && (text is null || !SiteName().IsMatch(text)))
                {
                    break;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(19|20)\d{2}年(\d{1,2}|[一二三]?十?[一二三四五六七八九十])月(\d{1,2}|[一二三]?十?[一二三四五六七八九十])日$")]
    private static partial Regex SignatureDate();

    /// <summary>
    /// The body the report's opening names, when neither title, 信息索引 nor signature does: the
    /// sentence that says who wrote it (<c>本报告由某县交通运输局根据《条例》…编制</c>), what is published
    /// (<c>现将某县交通运输局2024年政府信息公开工作年度报告公布如下</c>), the year's work it is written from
    /// (<c>…和2021年度某局政府信息公开情况进行编制</c>), or the overview's first sentence
    /// (<c>2024年，某县交通运输局认真贯彻落实…</c>); a body's name (<see cref="IsBodyName"/>), not 我局 or 本机关.
    /// </summary>
    private static string? FindIntroduction(Doc doc)
    {
        var limit = Math.Min(doc.Lines.Length, TitleSearchLines);
        for (var i = 0; i < limit; i++)
        {
            foreach (var frag in doc.Lines[i])
            {
                var compact = Compact(frag.Source.Text);
                if (compact.Length < 8)
                {
                    continue;
                }

                foreach (var pattern in s_introductions)
                {
                    if (pattern.Match(compact) is { Success: true } m && m.Groups["agency"].Value is var agency
                        && IsBodyName(agency) && agency[0] is not ('我' or '该' or '在' or '全' or '各'))
                    {
                        return agency;
                    }
                }
            }
        }

        return null;
    }

    private static readonly Regex[] s_introductions = [WrittenBy(), PublishedAs(), YearsWork(), OverviewSubject()];

    /// <summary><c>本报告由某局（负责）根据…编制</c>, <c>本年度报告由某局编制</c>.</summary>
    [GeneratedRegex(@"本(?:年度)?(?:报告|年报)(?:是)?由(?<agency>[^，,。；;、“”《》（）()\d]{2,38}?)(?:负责|根据|依据|按照|依照|结合|编制|编写|制作|发布|起草)")]
    private static partial Regex WrittenBy();

    /// <summary><c>现将某局2024年政府信息公开工作年度报告公布如下</c>, <c>特向社会公布2024年度某局政府信息公开工作年度报告</c>.</summary>
    [GeneratedRegex(@"(?:公布|发布|现将|特将|向社会公开)(?:(?:19|20)\d{2}年度?)?(?<agency>[^，,。；;、“”《》（）()\d]{2,38}?)(?:(?:19|20)\d{2}年度?)?政府信息公开(?:工作)?(?:年度)?(?:报告|年报)")]
    private static partial Regex PublishedAs();

    /// <summary><c>…和2021年度某局政府信息公开情况进行编制</c>: the year's work the report is written from.</summary>
    [GeneratedRegex(@"(?:19|20)\d{2}年度(?<agency>[^，,。；;、“”《》（）()\d]{2,38}?)政府信息公开(?:工作)?情况")]
    private static partial Regex YearsWork();

    /// <summary>
    /// <c>2024年，某局认真贯彻…</c>, <c>2021年，某局政府信息公开工作在…领导下</c>: the overview's first
    /// sentence, its subject the body.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:19|20)\d{2})年(?:度|以来)?[，,](?<agency>[^，,。；;、“”《》（）()\d]{2,38}?)(?:认真|深入|坚持|全面|严格|积极|始终|继续|进一步|高度|紧紧|扎实|持续|不断|聚焦|围绕|按照|切实|着力|主动|以|把|政府信息公开工作|政务公开工作|信息公开工作)")]
    private static partial Regex OverviewSubject();

    /// <summary>
    /// <paramref name="text"/> with a year printed in Chinese numerals before 年 (<c>二〇二四年</c>,
    /// <c>二○二四年</c>, <c>二零二四年</c>) in digits, character for character (same length).
    /// </summary>
    private static string WithYearDigits(string text)
    {
        var at = text.IndexOf('年', StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        char[]? chars = null;
        for (; at >= 0; at = text.IndexOf('年', at + 1))
        {
            if (at >= 4 && text[at - 4] is '一' or '二' && ChineseDigits.Contains(text[at - 3], StringComparison.Ordinal)
                && ChineseDigits.Contains(text[at - 2], StringComparison.Ordinal) && ChineseDigits.Contains(text[at - 1], StringComparison.Ordinal)
                && (at < 5 || !ChineseDigits.Contains(text[at - 5], StringComparison.Ordinal)))
            {
                chars ??= text.ToCharArray();
                for (var k = at - 4; k < at; k++)
                {
                    chars[k] = (char)('0' + Math.Min(ChineseDigits.IndexOf(text[k]), 10) % 10);
                }
            }
        }

        return chars is null ? text : new string(chars);
    }

    /// <summary>The Chinese numerals 0-9 by value (then 0's other forms: ○, 零, O).</summary>
    private const string ChineseDigits = "〇一二三四五六七八九○零O";

    /// <summary>
    /// A key's value up to the next key of the 信息索引 or info line printed on the same line
    /// (<c>某县财政局发文日期:2025-01-20</c> → <c>某县财政局</c>).
    /// </summary>
    private static string UpToNextPageKey(string value) =>
        NextPageKey().Match(value) is { Success: true, Index: > 1 } next ? value[..next.Index] : value;

    /// <summary>A key of a portal's 信息索引 after the publisher's value on the same line.</summary>
    [GeneratedRegex(@"(发文日期|发布日期|发布时间|成文日期|生成日期|索引号|分类|主题分类|文号|有效性|时效性|浏览次数|点击数|阅读次数|字号|作者|来源)[:：]")]
    private static partial Regex NextPageKey();

    private static readonly string[] s_publisherKeys = ["发布机构", "发文机关", "发布单位", "信息来源"];

    /// <summary>What a site's page prints before the agency that published it (<see cref="Published"/>).</summary>
    private static readonly string[] s_pageAgencyKeys = [.. s_publisherKeys, "来源", "主办"];

    /// <summary>The text without white space, full-width forms folded and a year in Chinese numerals as digits (<see cref="WithYearDigits"/>).</summary>
    private static string Compact(string text)
    {
        var folded = WithYearDigits(LabelText.FoldWidth(text));
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
