using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests.Flattened;

/// <summary>How a scraper flattened the tables.</summary>
/// <param name="OneLine">Each whole table on one line (digits run into the next row's label); otherwise one line per table row.</param>
/// <param name="Ordinals">Whether the printed labels carry digit ordinals (<c>2.其他法律…</c>).</param>
/// <param name="Separator">What stands between cells: nothing for a flattened table, a tab for an intact one.</param>
public sealed record FlattenStyle(bool OneLine, bool Ordinals, string Separator = "");

/// <summary>
/// Writes a correct report the way a portal scraper flattens it: every table row's cell texts
/// joined with no separator, so <c>[12, 3, 0, 0, 0, 0, 15]</c> becomes <c>1230000015</c>. Used to
/// generate the fixtures' <c>input.txt</c> from their <c>source.json</c>.
/// </summary>
public static class FlattenedTextWriter
{
    private static readonly Dictionary<string, string> s_table3Labels = new()
    {
        ["new_received"] = "一、本年新收政府信息公开申请数量",
        ["carried_over"] = "二、上年结转政府信息公开申请数量",
        ["granted"] = "三、本年度办理结果（一）予以公开",
        ["partially_granted"] = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ["withheld_state_secret"] = "（三）不予公开1.属于国家秘密",
        ["withheld_prohibited_by_law"] = "2.其他法律行政法规禁止公开",
        ["withheld_security_stability"] = "3.危及“三安全一稳定”",
        ["withheld_third_party"] = "4.保护第三方合法权益",
        ["withheld_internal_affairs"] = "5.属于三类内部事务信息",
        ["withheld_process_information"] = "6.属于四类过程性信息",
        ["withheld_enforcement_file"] = "7.属于行政执法案卷",
        ["withheld_administrative_query"] = "8.属于行政查询事项",
        ["unable_not_held"] = "（四）无法提供1.本机关不掌握相关政府信息",
        ["unable_needs_creation"] = "2.没有现成信息需要另行制作",
        ["unable_unclear_after_supplement"] = "3.补正后申请内容仍不明确",
        ["not_processed_petition"] = "（五）不予处理1.信访举报投诉类申请",
        ["not_processed_repeated"] = "2.重复申请",
        ["not_processed_publication"] = "3.要求提供公开出版物",
        ["not_processed_excessive"] = "4.无正当理由大量反复申请",
        ["not_processed_reconfirmation"] = "5.要求行政机关确认或重新出具已获取信息",
        ["other_no_supplement"] = "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ["other_fee_unpaid"] = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ["other_other"] = "3.其他",
        ["other"] = "（六）其他处理",
        ["total"] = "（七）总计",
        ["carried_forward"] = "四、结转下年度继续办理",
    };

    private const string Table3Header =
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况总计自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他";

    private const string Table4Header =
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

    public static string Write(Report report, FlattenStyle style, string title)
    {
        var sb = new StringBuilder();
        sb.Append(title).Append("\n\n");
        sb.Append("一、总体情况\n");
        sb.Append("本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年共收到政府信息公开申请")
            .Append(Text(report["table3", "new_received", 6])).Append("件，均已按期答复。\n");
        sb.Append("二、主动公开政府信息情况\n");
        sb.Append("（本表只填报数字，没有的数据项填“0”，不得空白或者填入其他内容。）\n");
        WriteTable2(sb, report, style);
        sb.Append("\n三、收到和处理政府信息公开申请情况\n");
        sb.Append("（本表只填报数字，没有的数据项填“0”，不得空白或者填入其他内容。）\n");
        WriteTable3(sb, report, style);
        sb.Append("\n四、政府信息公开行政复议、行政诉讼情况\n");
        sb.Append(Table4Header).Append(style.OneLine ? string.Empty : "\n");
        foreach (var row in report.LayoutOf("table4").Rows)
        {
            for (var c = 0; c < row.Columns.Length; c++)
            {
                sb.Append(style.Separator).Append(Text(report["table4", row.Key, c]));
            }
        }

        sb.Append("\n五、存在的主要问题及改进情况\n一是主动公开的深度还不够；二是解读回应的形式还比较单一。\n");
        sb.Append("六、其他需要报告的事项\n无。\n");
        return sb.ToString();
    }

    private static void WriteTable2(StringBuilder sb, Report report, FlattenStyle style)
    {
        var layout = report.LayoutOf("table2");
        var blocks = layout.Format == "2019"
            ? new (string Caption, string Header, string[] Rows)[]
            {
                ("第二十条第（一）项", "信息内容本年新制作数量本年新公开数量对外公开总数量", ["rules", "normative_documents"]),
                ("第二十条第（五）项", "信息内容上一年项目数量本年增/减处理决定数量", ["licensing", "other_services"]),
                ("第二十条第（六）项", "信息内容上一年项目数量本年增/减处理决定数量", ["penalty", "coercion"]),
                ("第二十条第（八）项", "信息内容上一年项目数量本年增/减", ["fees"]),
                ("第二十条第（九）项", "信息内容采购项目数量采购总金额", ["procurement"]),
            }
            : [
                ("第二十条第（一）项", "信息内容本年制发件数本年废止件数现行有效件数", ["rules", "normative_documents"]),
                ("第二十条第（五）项", "信息内容本年处理决定数量", ["licensing"]),
                ("第二十条第（六）项", "信息内容本年处理决定数量", ["penalty", "coercion"]),
                ("第二十条第（八）项", "信息内容本年收费金额（单位：万元）", ["fees"]),
            ];
        var newline = style.OneLine ? string.Empty : "\n";
        foreach (var (caption, header, rows) in blocks)
        {
            sb.Append(caption).Append(header).Append(newline);
            foreach (var key in rows)
            {
                var row = layout.Row(key)!;
                sb.Append(row.Label);
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    sb.Append(style.Separator).Append(Text(report["table2", key, c]));
                }

                sb.Append(newline);
            }
        }
    }

    private static void WriteTable3(StringBuilder sb, Report report, FlattenStyle style)
    {
        var layout = report.LayoutOf("table3");
        sb.Append(Table3Header).Append(style.OneLine ? string.Empty : "\n");
        foreach (var row in layout.Rows)
        {
            var label = s_table3Labels[row.Key];
            if (!style.Ordinals)
            {
                label = System.Text.RegularExpressions.Regex.Replace(label, @"\d\.", string.Empty);
            }

            sb.Append(label);
            for (var c = 0; c < row.Columns.Length; c++)
            {
                sb.Append(style.Separator).Append(Text(report["table3", row.Key, c]));
            }

            if (!style.OneLine)
            {
                sb.Append('\n');
            }
        }
    }

    private static string Text(Cell cell) =>
        cell.Value is { } v ? v.ToString("0.############", CultureInfo.InvariantCulture) : cell.Raw ?? string.Empty;
}
