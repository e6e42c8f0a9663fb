using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>A cell of a printed table: its text, its spans, and whether it holds a value (not a label).</summary>
public sealed record ZooCell(string Text, int ColSpan = 1, int RowSpan = 1, bool IsValue = false);

/// <summary>A block of the page: a paragraph (<see cref="Rows"/> null) or a table.</summary>
public sealed record ZooBlock(string? Paragraph, IReadOnlyList<IReadOnlyList<ZooCell>>? Rows)
{
    public bool IsTable => Rows is not null;
}

/// <summary>
/// The report as a publisher lays it out: title, the six sections with their prose, and tables 2-4
/// in the official layout (merged header cells, merged row groups). Every form writes this page.
/// </summary>
public sealed class ZooPage
{
    private static readonly Dictionary<string, (string Group, string Label)> s_table3 = new()
    {
        ["new_received"] = (string.Empty, "一、本年新收政府信息公开申请数量"),
        ["carried_over"] = (string.Empty, "二、上年结转政府信息公开申请数量"),
        ["granted"] = ("三、本年度办理结果", "（一）予以公开"),
        ["partially_granted"] = ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ["withheld_state_secret"] = ("（三）不予公开", "1.属于国家秘密"),
        ["withheld_prohibited_by_law"] = ("（三）不予公开", "2.其他法律行政法规禁止公开"),
        ["withheld_security_stability"] = ("（三）不予公开", "3.危及“三安全一稳定”"),
        ["withheld_third_party"] = ("（三）不予公开", "4.保护第三方合法权益"),
        ["withheld_internal_affairs"] = ("（三）不予公开", "5.属于三类内部事务信息"),
        ["withheld_process_information"] = ("（三）不予公开", "6.属于四类过程性信息"),
        ["withheld_enforcement_file"] = ("（三）不予公开", "7.属于行政执法案卷"),
        ["withheld_administrative_query"] = ("（三）不予公开", "8.属于行政查询事项"),
        ["unable_not_held"] = ("（四）无法提供", "1.本机关不掌握相关政府信息"),
        ["unable_needs_creation"] = ("（四）无法提供", "2.没有现成信息需要另行制作"),
        ["unable_unclear_after_supplement"] = ("（四）无法提供", "3.补正后申请内容仍不明确"),
        ["not_processed_petition"] = ("（五）不予处理", "1.信访举报投诉类申请"),
        ["not_processed_repeated"] = ("（五）不予处理", "2.重复申请"),
        ["not_processed_publication"] = ("（五）不予处理", "3.要求提供公开出版物"),
        ["not_processed_excessive"] = ("（五）不予处理", "4.无正当理由大量反复申请"),
        ["not_processed_reconfirmation"] = ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
        ["other_no_supplement"] = ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ["other_fee_unpaid"] = ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ["other_other"] = ("（六）其他处理", "3.其他"),
        ["other"] = ("三、本年度办理结果", "（六）其他处理"),
        ["total"] = ("三、本年度办理结果", "（七）总计"),
        ["carried_forward"] = (string.Empty, "四、结转下年度继续办理"),
    };

    public ZooPage(ZooReport report, Random random)
    {
        Report = report;
        var blocks = new List<ZooBlock>();
        void P(string text) => blocks.Add(new ZooBlock(text, null));

        Title = random.Next(3) switch
        {
            0 => $"{report.Agency}{report.Year}年政府信息公开工作年度报告",
            1 => $"{report.Agency}{report.Year}年度政府信息公开工作年度报告",
            _ => $"{report.Agency}关于{report.Year}年政府信息公开工作年度报告",
        };
        P(Title);
        P($"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据的统计期限自{report.Year}年1月1日起至{report.Year}年12月31日止。");
        P("一、总体情况");
        P($"{report.Year}年，本机关全年主动公开政府信息{random.Next(20, 2000)}条，收到政府信息公开申请{report.Report["table3", "new_received", 6].Value}件，均已按期答复。");
        P("二、主动公开政府信息情况");
        blocks.Add(new ZooBlock(null, Table2(report)));
        P("三、收到和处理政府信息公开申请情况");
        blocks.Add(new ZooBlock(null, Table3(report)));
        P("四、政府信息公开行政复议、行政诉讼情况");
        blocks.Add(new ZooBlock(null, Table4(report)));
        P("五、存在的主要问题及改进情况");
        P($"一是主动公开的深度还不够；二是解读回应的形式还比较单一。{report.Year + 1}年将加强培训3次。");
        P("六、其他需要报告的事项");
        P("本机关未收取信息处理费。");
        Blocks = blocks;
    }

    /// <summary>A page laid out otherwise (<see cref="ZooWild"/>): the same report, another title and blocks.</summary>
    public ZooPage(ZooReport report, string title, IReadOnlyList<ZooBlock> blocks)
    {
        Report = report;
        Title = title;
        Blocks = blocks;
    }

    public ZooReport Report { get; }

    public string Title { get; }

    public IReadOnlyList<ZooBlock> Blocks { get; }

    private static ZooCell V(ZooReport r, string table, string row, int column, int span = 1) =>
        new(r.Text(new CellRef(table, row, column)), span, 1, true);

    private static List<IReadOnlyList<ZooCell>> Table2(ZooReport r)
    {
        var rows = new List<IReadOnlyList<ZooCell>>();
        var layout = r.Report.LayoutOf("table2");
        (string Caption, string[] Header, string[] Rows)[] blocks = layout.Format == "2019"
            ?
            [
                ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["rules", "normative_documents"]),
                ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["licensing", "other_services"]),
                ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["penalty", "coercion"]),
                ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["fees"]),
                ("第二十条第（九）项", ["采购项目数量", "采购总金额"], ["procurement"]),
            ]
            :
            [
                ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["rules", "normative_documents"]),
                ("第二十条第（五）项", ["本年处理决定数量"], ["licensing"]),
                ("第二十条第（六）项", ["本年处理决定数量"], ["penalty", "coercion"]),
                ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["fees"]),
            ];
        foreach (var (caption, header, keys) in blocks)
        {
            rows.Add([new ZooCell(caption, 4)]);
            var span = header.Length == 1 ? 3 : 1;
            rows.Add([new ZooCell("信息内容"), .. header.Select((h, i) => new ZooCell(h, i == header.Length - 1 ? 4 - header.Length : 1))]);
            foreach (var key in keys)
            {
                var row = layout.Row(key)!;
                var label = layout.Format == "2019" && key == "normative_documents" ? "规范性文件" : row.Label;
                rows.Add([new ZooCell(label), .. Enumerable.Range(0, row.Columns.Length).Select(c => V(r, "table2", key, c, c == row.Columns.Length - 1 ? 4 - row.Columns.Length : 1))]);
            }
        }

        return rows;
    }

    private static List<IReadOnlyList<ZooCell>> Table3(ZooReport r)
    {
        var layout = r.Report.LayoutOf("table3");
        var rows = new List<IReadOnlyList<ZooCell>>
        {
            new List<ZooCell> { new("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new("申请人情况", 7) },
            new List<ZooCell> { new("自然人", 1, 2), new("法人或其他组织", 5), new("总计", 1, 2) },
            new List<ZooCell> { new("商业企业"), new("科研机构"), new("社会公益组织"), new("法律服务机构"), new("其他") },
        };
        var groups = layout.Rows.GroupBy(row => s_table3[row.Key].Group).ToDictionary(g => g.Key, g => g.Count());
        var outcomeCount = layout.Rows.Count(row => s_table3[row.Key].Group.Length > 0);
        string? open = null;
        string? openSub = null;
        foreach (var row in layout.Rows)
        {
            var (group, label) = s_table3[row.Key];
            var cells = new List<ZooCell>();
            if (group.Length == 0)
            {
                cells.Add(new ZooCell(label, 3));
            }
            else if (group.StartsWith('三'))
            {
                if (open != group)
                {
                    cells.Add(new ZooCell(group, 1, outcomeCount));
                    open = group;
                }

                cells.Add(new ZooCell(label, 2));
            }
            else
            {
                if (open != "三、本年度办理结果")
                {
                    cells.Add(new ZooCell("三、本年度办理结果", 1, outcomeCount));
                    open = "三、本年度办理结果";
                }

                if (openSub != group)
                {
                    cells.Add(new ZooCell(group, 1, groups[group]));
                    openSub = group;
                }

                cells.Add(new ZooCell(label));
            }

            cells.AddRange(Enumerable.Range(0, 7).Select(c => V(r, "table3", row.Key, c)));
            rows.Add(cells);
        }

        return rows;
    }

    private static List<IReadOnlyList<ZooCell>> Table4(ZooReport r)
    {
        var heads = new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
        var rows = new List<IReadOnlyList<ZooCell>>
        {
            new List<ZooCell> { new("行政复议", 5), new("行政诉讼", 10) },
            heads.Select(h => new ZooCell(h, 1, 2)).Append(new ZooCell("未经复议直接起诉", 5)).Append(new ZooCell("复议后起诉", 5)).ToList(),
            heads.Concat(heads).Select(h => new ZooCell(h)).ToList(),
            r.Report.LayoutOf("table4").Rows.SelectMany(row => Enumerable.Range(0, 5).Select(c => V(r, "table4", row.Key, c))).ToList(),
        };
        return rows;
    }
}
