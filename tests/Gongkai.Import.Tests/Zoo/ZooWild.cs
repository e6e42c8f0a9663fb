using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>What a wild perturbation changed on a page (for a failure's message and the measured rates).</summary>
[Flags]
public enum WildKinds
{
    None = 0,

    /// <summary>The title in another shape (year first, 年报, 工作报告, a space inside).</summary>
    Title = 1,

    /// <summary>Section headings numbered otherwise, worded as in 2019 or by Art. 50, dropped, or a 表一 caption added.</summary>
    Headings = 2,

    /// <summary>The （本表只填报数字…） note and a 单位：件 line before a table; prose with digits between tables.</summary>
    Notes = 4,

    /// <summary>Row and group numbering (（一）/(一)/一、/1./1、/（1）/none), brackets and quotes of either width, notes dropped or reworded.</summary>
    Numbering = 8,

    /// <summary>Spaces inside labels (<c>行 政 许 可</c>, <c>商业 企业</c>).</summary>
    Spaces = 16,

    /// <summary>A long label wrapped over two lines.</summary>
    Wrapped = 32,

    /// <summary>Table 3's header rows repeated after a page break; an empty row; 合计 for 总计.</summary>
    Framing = 64,

    /// <summary>A blank trailing column (a tab or an empty cell after every row).</summary>
    TrailingColumn = 128,

    /// <summary>Thousands separators, full-width or Unicode minus, 0.00 for a zero amount.</summary>
    Values = 256,

    /// <summary>
    /// The site's page around the report, as a scraper keeps it: site name, breadcrumb, the 信息索引
    /// lines (索引号, 发布机构, 发文日期 of the next year), 浏览次数; after it 打印/关闭, 相关链接 with other
    /// years' and agencies' report titles, and a footer of 网站标识码, ICP and 公网安备 numbers, a phone.
    /// </summary>
    Furniture = 512,

    /// <summary>
    /// The title over two or three lines, as a Word document centres it: the agency on a line of its own
    /// above or below <c>2024年政府信息公开工作年度报告</c>, or the year apart (<c>（2024年度）</c>); and
    /// the agency and a date signed at the report's end; or a title that does not name the agency at
    /// all (a department's own site), the report signed or the agency named only in its opening sentence
    /// (本报告由…编制, 现将…年度报告公布如下, 2024年，…认真贯彻…). Not in forms that run lines together.
    /// </summary>
    TitleLines = 1024,
}

/// <summary>
/// The wild dimension of the zoo: a page as real reports vary it, from the published samples
/// (/work/shared/samples, corpus) and the spec's [V-obs] variants, applied to a generated
/// <see cref="ZooPage"/> without touching the report it carries: every change keeps each cell's value
/// (a label reworded, a heading moved, a number printed <c>1,234</c>), so the property stays exact.
/// </summary>
public static partial class ZooWild
{
    /// <summary>Every how many cases of a form is wild (1 in 3 by default; <c>GONGKAI_ZOO_WILD=1</c> all, <c>0</c> none).</summary>
    public static int Every =>
        int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_ZOO_WILD"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 3;

    /// <summary>Which perturbations are tried (<c>GONGKAI_ZOO_WILD_KINDS</c>, a number, narrows a run to some).</summary>
    public static WildKinds Enabled =>
        int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_ZOO_WILD_KINDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (WildKinds)n : (WildKinds)2047;

    /// <summary>Whether the case of <paramref name="seed"/> is wild.</summary>
    public static bool Applies(int seed) => Every > 0 && seed % Every == 0;

    private const string TableNote = "（本表只填报数字，没有的数据项填“0”，不得空白或者填入其他内容。）";

    private const string TableNoteHalf = "(本表只填报数字, 没有的数据项填“0”, 不得空白或者填入其他内容。)";

    private static readonly string[] s_quotes = ["“{0}”", "\"{0}\"", "‘{0}’", "「{0}」", "{0}", "”{0}“"];

    private static readonly string[] s_itemNumbering = ["{0}.", "{0}、", "{0}．", "（{0}）", "({0})", "{0}. ", "{0} . "];

    private static readonly string[] s_groupNumbering = ["（{0}）", "({0})", "({0}) ", "{0}、", "（{0}） "];

    private static readonly string[] s_topNumbering = ["{0}、", "{0}.", "{0} 、", "{0}、 "];

    /// <summary>
    /// The page of <paramref name="page"/> perturbed as the wild prints it; <paramref name="grid"/> for a
    /// form that keeps the table grid (HTML), where rows cannot be inserted into merged cells.
    /// </summary>
    public static (ZooPage Page, WildKinds Applied) Perturb(ZooPage page, ZooForm form, Random random)
    {
        var applied = WildKinds.None;
        var enabled = Enabled;
        bool Roll(WildKinds kind, double p)
        {
            if ((enabled & kind) != 0 && random.NextDouble() < p)
            {
                applied |= kind;
                return true;
            }

            return false;
        }

        var grid = form.Grid || form.FileName.EndsWith(".html", StringComparison.Ordinal);
        var keepsBlanks = (form.Kinds & CellKinds.Blanks) != 0;
        var report = page.Report;
        var title = Roll(WildKinds.Title, 0.6) ? Title(report, random) : page.Title;
        var headings = Roll(WildKinds.Headings, 0.5);
        var notes = Roll(WildKinds.Notes, 0.5);
        var numbering = Roll(WildKinds.Numbering, 0.6);
        var spaces = Roll(WildKinds.Spaces, 0.3);
        var wrapped = Roll(WildKinds.Wrapped, 0.3);
        var framing = Roll(WildKinds.Framing, 0.4);
        var trailing = keepsBlanks && Roll(WildKinds.TrailingColumn, 0.2);
        var values = !form.Glued && Roll(WildKinds.Values, 0.5);
        // GBK has the full-width minus but not U+2212 (the encoder writes '?').
        var minus = form.Name == "gbk" ? "－" : "－−";

        // One style per report for each kind of numbering, as a publisher's template has.
        var itemStyle = s_itemNumbering[random.Next(s_itemNumbering.Length)];
        var groupStyle = s_groupNumbering[random.Next(s_groupNumbering.Length)];
        var topStyle = s_topNumbering[random.Next(s_topNumbering.Length)];
        var dropItems = random.Next(6) == 0;
        var quote = s_quotes[random.Next(s_quotes.Length)];

        var blocks = new List<ZooBlock>();
        var table = 0;
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                var text = block.Paragraph!;
                if (text == page.Title)
                {
                    blocks.Add(new ZooBlock(title, null));
                    continue;
                }

                var section = SectionOf(text);
                if (headings && section is >= 2 and <= 5 && random.Next(2) == 0)
                {
                    if (Heading(text, section, random) is { } h)
                    {
                        blocks.Add(new ZooBlock(h, null));
                    }

                    continue;
                }

                blocks.Add(block);
                continue;
            }

            table++;
            if (headings && random.Next(4) == 0)
            {
                blocks.Add(new ZooBlock($"表{"一二三"[table - 1]}", null));
            }

            if (notes && random.Next(2) == 0)
            {
                blocks.Add(new ZooBlock(random.Next(2) == 0 ? TableNote : TableNoteHalf, null));
            }

            if (notes && table > 1 && random.Next(3) == 0)
            {
                blocks.Add(new ZooBlock(random.Next(2) == 0 ? "单位：件" : "单位:件", null));
            }

            var rows = new List<IReadOnlyList<ZooCell>>();
            foreach (var row in block.Rows!)
            {
                var cells = row.Select(c => c.IsValue
                    ? (values ? c with { Text = Value(c.Text, minus, random) } : c)
                    : c with { Text = Label(c.Text, table, numbering, spaces, wrapped && !grid, framing, itemStyle, groupStyle, topStyle, dropItems, quote, random) }).ToList();
                if (trailing)
                {
                    cells.Add(new ZooCell(string.Empty));
                }

                rows.Add(cells);
            }

            if (framing && !grid)
            {
                Frame(rows, table, random);
            }

            blocks.Add(new ZooBlock(null, rows));
            if (notes && table is 1 or 2 && random.Next(2) == 0)
            {
                blocks.Add(new ZooBlock(Prose(report, table, random), null));
            }
        }

        // Rolled last, so the draws of the kinds above stay those of the cases before it was added.
        if (Roll(WildKinds.Furniture, 0.4))
        {
            blocks.InsertRange(0, FurnitureBefore(report, random));
            blocks.AddRange(FurnitureAfter(report, random));
        }

        // Not where lines run together. A portal's CMS title is one line, in a block of its own, with
        // 发布日期/来源 under it: there only the title that does not name the agency, unsigned (the page names it).
        if (!form.Glued && form.Name != "one-line" && Roll(WildKinds.TitleLines, 0.4))
        {
            var portal = form.Name == "html-portal";
            string[] lines = portal ? [$"{report.Year}年政府信息公开工作年度报告"] : TitleLines(report, random);
            var chinese = random.Next(4) == 0;
            if (chinese)
            {
                // The year in Chinese numerals (二〇二四年), as some offices print a title and its date.
                var digits = ChineseNumerals(report.Year, random);
                lines = [.. lines.Select(l => l.Replace($"{report.Year}年", $"{digits}年", StringComparison.Ordinal))];
            }

            var at = blocks.FindIndex(b => b.Paragraph == title);
            blocks.RemoveAt(at);
            blocks.InsertRange(at, lines.Select(l => new ZooBlock(l, null)));
            title = lines[0];
            if (!portal && lines.Length == 1 && random.Next(2) == 0)
            {
                // Unsigned, the agency named only in the opening: who wrote the report, what is
                // published, or the overview's first sentence (its subject the body, not 本机关).
                var (from, to) = random.Next(3) switch
                {
                    0 => ("本报告根据", $"本报告由{report.Agency}根据"),
                    1 => ("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。", $"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将{report.Agency}{report.Year}年政府信息公开工作年度报告公布如下。"),
                    _ => ($"{report.Year}年，本机关全年", $"{report.Year}年，{report.Agency}认真贯彻落实《条例》，全年"),
                };
                var opening = blocks.FindIndex(b => b.Paragraph is { } p && p.StartsWith(from, StringComparison.Ordinal));
                if (opening >= 0)
                {
                    blocks[opening] = new ZooBlock(to + blocks[opening].Paragraph![from.Length..], null);
                }
            }
            else if (!portal && (lines.Length == 1 || random.Next(2) == 0))
            {
                var day = random.Next(10, 31);
                var date = chinese ? $"{ChineseNumerals(report.Year + 1, random)}年一月{ChineseDay(day)}日" : $"{report.Year + 1}年1月{day}日";
                var signed = new ZooBlock[] { new(report.Agency, null), new(date, null) };
                var end = blocks.FindLastIndex(b => b.IsTable || b.Paragraph is { } p && SectionOf(p) > 0);
                blocks.InsertRange(blocks.Count > end + 2 ? end + 2 : blocks.Count, signed);
            }
        }

        return (new ZooPage(report, title, blocks), applied);
    }

    /// <summary>A year in Chinese numerals, its zero as offices print it (〇, ○ or 零).</summary>
    private static string ChineseNumerals(int year, Random random)
    {
        var zero = "〇○零"[random.Next(3)];
        return string.Concat(year.ToString(CultureInfo.InvariantCulture).Select(d => d == '0' ? zero : "〇一二三四五六七八九"[d - '0']));
    }

    /// <summary>A day of the month in Chinese numerals (十五, 二十, 三十).</summary>
    private static string ChineseDay(int day) =>
        (day / 10 > 1 ? "〇一二三四五六七八九"[day / 10].ToString() : string.Empty) + (day >= 10 ? "十" : string.Empty) + (day % 10 > 0 ? "〇一二三四五六七八九"[day % 10].ToString() : string.Empty);

    /// <summary>A title over lines as Word documents centre it (<see cref="WildKinds.TitleLines"/>).</summary>
    private static string[] TitleLines(ZooReport report, Random random) => random.Next(7) switch
    {
        5 => [report.Agency, $"政府信息公开工作{report.Year}年度报告"],
        6 => [$"{report.Year}年政府信息公开工作年度报告"],
        0 => [report.Agency, $"{report.Year}年政府信息公开工作年度报告"],
        1 => [$"{report.Year}年政府信息公开工作年度报告", report.Agency],
        2 => ["政府信息公开工作年度报告", $"（{report.Year}年度）", report.Agency],
        3 => [report.Agency, "政府信息公开工作年度报告", $"（{report.Year}年度）"],
        _ => [report.Agency, $"{report.Year}年度政府信息公开工作年度报告"],
    };

    private static readonly string[] s_sites = ["中国·淮安", "某市人民政府门户网站", "政府信息公开平台", "政务公开 - 区人民政府", "首页 | 政务公开 | 信息公开年报"];

    private static IEnumerable<ZooBlock> FurnitureBefore(ZooReport report, Random random)
    {
        var published = $"{report.Year + 1}-01-{random.Next(10, 31):00}";
        var lines = new List<string>
        {
            s_sites[random.Next(s_sites.Length)],
            random.Next(2) == 0 ? "首页 > 政务公开 > 政府信息公开年报" : "当前位置：首页 » 信息公开 » 年度报告",
            $"索引号：{random.Next(10000000, 99999999)}K/{report.Year + 1}-{random.Next(1, 99999):00000}    分类：政府信息公开年报",
            $"发布机构：{report.Agency}    发文日期：{published}",
            random.Next(2) == 0 ? "文号：    有效性：有效" : $"发布日期：{published} {random.Next(8, 18)}:{random.Next(0, 60):00}  来源：{report.Agency}",
            $"浏览次数：{random.Next(1, 20000)}  字号：[ 大 中 小 ]",
        };
        return lines.Where(_ => random.Next(5) > 0).Select(l => new ZooBlock(l, null));
    }

    private static IEnumerable<ZooBlock> FurnitureAfter(ZooReport report, Random random)
    {
        var lines = new List<string>
        {
            random.Next(2) == 0 ? "【打印本页】【关闭窗口】" : "打印  关闭",
            "相关链接：",
            $"{report.Agency}{report.Year - 1}年政府信息公开工作年度报告",
            $"{s_otherAgencies[random.Next(s_otherAgencies.Length)]}{report.Year}年政府信息公开工作年度报告",
            $"主办：{report.Agency}  网站标识码：{random.Next(1000000, 9999999)}{random.Next(100, 999)}  备案号：苏ICP备{random.Next(10000000, 99999999)}号-{random.Next(1, 9)}",
            $"苏公网安备 {random.Next(10000000, 99999999)}{random.Next(100000, 999999)}号  联系电话：0517-{random.Next(80000000, 89999999)}",
        };
        return lines.Where(_ => random.Next(5) > 0).Select(l => new ZooBlock(l, null));
    }

    private static readonly string[] s_otherAgencies = ["淮安市财政局", "沂水县教育局", "东城街道办事处", "江苏省司法厅"];

    /// <summary>Title shapes seen in published reports (samples 000 and 001, portal lists).</summary>
    private static string Title(ZooReport report, Random random) => random.Next(7) switch
    {
        6 => $"{report.Agency}政府信息公开工作{report.Year}年度报告",
        0 => $"{report.Year}年{report.Agency}政府信息公开工作年度报告",
        1 => $"{report.Year}年度{report.Agency}政府信息公开工作年度报告",
        2 => $"{report.Year}年{report.Agency}政府信息公开年报",
        3 => $"{report.Agency}{report.Year}年政府信息公开工作报告",
        4 => $"{report.Agency}{report.Year}年政府信息公开工作 年度报告",
        _ => $"{report.Agency}{report.Year}年度政府信息公开工作年度报告",
    };

    private static int SectionOf(string paragraph) =>
        paragraph.Length < 40 && "一二三四五六".IndexOf(paragraph[0], StringComparison.Ordinal) is >= 0 and var i && paragraph.Length > 1 && paragraph[1] == '、' ? i + 1 : 0;

    /// <summary>A section heading as reports print it, or null (the heading left out).</summary>
    private static string? Heading(string heading, int section, Random random)
    {
        var numeral = heading[0];
        var words = heading[2..];
        if (section == 4 && random.Next(2) == 0)
        {
            words = random.Next(2) == 0 ? "因政府信息公开工作被申请行政复议和提起行政诉讼情况" : "政府信息公开行政复议和行政诉讼情况";
        }
        else if (section == 5 && random.Next(2) == 0)
        {
            words = "政府信息公开工作存在的主要问题及改进情况";
        }

        return random.Next(6) switch
        {
            0 => $"{numeral}.{words}",
            1 => $"（{numeral}）{words}",
            2 => $"{numeral}、 {words}",
            3 => $"{numeral} 、{words}",
            4 when section is 2 or 3 or 4 => null,
            _ => $"{numeral}、{words}",
        };
    }

    [GeneratedRegex(@"^（(?<n>[一二三四五六七])）")]
    private static partial Regex GroupNumber();

    [GeneratedRegex(@"^(?<n>[1-9])\.")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^(?<n>[一二三四])、")]
    private static partial Regex TopNumber();

    private static string Label(string text, int table, bool numbering, bool spaces, bool wrapped, bool framing, string itemStyle, string groupStyle, string topStyle, bool dropItems, string quote, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        if (numbering)
        {
            text = ItemNumber().Replace(text, m => dropItems && table == 2 ? string.Empty : string.Format(CultureInfo.InvariantCulture, itemStyle, m.Groups["n"].Value));
            text = GroupNumber().Replace(text, m => string.Format(CultureInfo.InvariantCulture, groupStyle, m.Groups["n"].Value));
            text = TopNumber().Replace(text, m => string.Format(CultureInfo.InvariantCulture, topStyle, m.Groups["n"].Value));
            text = text.Replace("“三安全一稳定”", string.Format(CultureInfo.InvariantCulture, quote, "三安全一稳定"), StringComparison.Ordinal);
            text = random.Next(3) switch
            {
                0 => text.Replace("（区分处理的，只计这一情形，不计其他情形）", string.Empty, StringComparison.Ordinal),
                1 => text.Replace("（区分处理的，只计这一情形，不计其他情形）", "(区分处理的, 只计这一情形不计其他情形)", StringComparison.Ordinal),
                _ => text,
            };
            if (random.Next(3) == 0)
            {
                // Half-width brackets and punctuation throughout, as a Word template typed in ASCII.
                text = text.Replace('（', '(').Replace('）', ')').Replace('，', ',').Replace('：', ':');
            }

            if (table == 1 && text == "规范性文件")
            {
                text = "行政规范性文件";
            }
            else if (table == 1 && text == "行政规范性文件" && random.Next(3) == 0)
            {
                text = "规范性文件";
            }
            else if (table == 1 && text.StartsWith("第二十条", StringComparison.Ordinal) && random.Next(2) == 0)
            {
                text = text.Replace("第二十条", "第二十条 ", StringComparison.Ordinal).Replace('（', '(').Replace('）', ')');
            }
        }

        if (framing && text == "总计" && random.Next(2) == 0)
        {
            text = "合计";
        }

        if (spaces && text.Length is >= 2 and <= 8 && random.Next(3) == 0)
        {
            text = random.Next(2) == 0 ? string.Join(' ', text.ToCharArray()) : text.Insert(random.Next(1, text.Length), " ");
        }

        if (wrapped && text.Length > 12 && random.Next(3) == 0)
        {
            text = text.Insert(random.Next(4, text.Length - 2), "\n");
        }

        return text;
    }

    /// <summary>Table 3's header rows repeated after a page break; an empty row inside a table.</summary>
    private static void Frame(List<IReadOnlyList<ZooCell>> rows, int table, Random random)
    {
        if (table == 2 && random.Next(2) == 0)
        {
            var header = rows.TakeWhile(r => !r.Any(c => c.IsValue)).ToList();
            var at = random.Next(header.Count + 3, rows.Count - 1);
            rows.InsertRange(at, header.Select(r => (IReadOnlyList<ZooCell>)r.Select(c => c with { ColSpan = 1, RowSpan = 1 }).ToList()));
        }

        if (random.Next(2) == 0)
        {
            rows.Insert(random.Next(1, rows.Count), []);
        }
    }

    /// <summary>A number as the wild prints it, keeping its value.</summary>
    private static string Value(string text, string minus, Random random)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return text;
        }

        if (value < 0 && random.Next(2) == 0)
        {
            return minus[random.Next(minus.Length)] + text[1..];
        }

        if (Math.Abs(value) >= 1000 && !text.Contains('.', StringComparison.Ordinal) && random.Next(2) == 0)
        {
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>A paragraph between tables that holds digits (a note on the table before).</summary>
    private static string Prose(ZooReport report, int table, Random random) => table == 1
        ? $"{report.Year}年，本机关主动公开政府信息{random.Next(20, 3000)}条，其中政策解读{random.Next(1, 40)}篇。"
        : $"注：{report.Year}年共收到政府信息公开申请{random.Next(0, 500)}件，办结率100%，平均办理时长{random.Next(3, 20)}个工作日。";
}
