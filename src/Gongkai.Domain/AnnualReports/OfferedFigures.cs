using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// A figure from the tables (or the supplementary figures) offered to the writer as a ready
/// sentence for section <see cref="Section"/>. Pasting it keeps the text and the tables in step:
/// every sentence passes the narrative-figure check.
/// </summary>
/// <param name="Key">Stable key, e.g. <c>applications.received</c>.</param>
/// <param name="Label">What the figure is, in Chinese.</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">件, 条, 元 or 万元.</param>
/// <param name="Section">The section the sentence belongs in (1 or 6).</param>
/// <param name="Sentence">The ready sentence.</param>
public sealed record OfferedFigure(string Key, string Label, decimal Value, string Unit, int Section, string Sentence);

/// <summary>Builds the <see cref="OfferedFigure"/>s of a draft.</summary>
public static class OfferedFigures
{
    /// <summary>The outcome groups of table 3 (（一）…（六）): label and the row-key test.</summary>
    public static ImmutableArray<(string Key, string Label, Func<string, bool> Includes)> OutcomeGroups { get; } =
    [
        ("granted", "予以公开", k => k == "granted"),
        ("partially_granted", "部分公开", k => k == "partially_granted"),
        ("withheld", "不予公开", k => k.StartsWith("withheld_", StringComparison.Ordinal)),
        ("unable", "无法提供", k => k.StartsWith("unable_", StringComparison.Ordinal)),
        ("not_processed", "不予处理", k => k.StartsWith("not_processed_", StringComparison.Ordinal)),
        ("other", "其他处理", k => k == "other" || k.StartsWith("other_", StringComparison.Ordinal)),
    ];

    /// <summary>The figures of <paramref name="draft"/> (effective tables), those that are numbers.</summary>
    public static ImmutableArray<OfferedFigure> For(ReportDraft draft)
    {
        var t = draft.EffectiveTables();
        var list = new List<OfferedFigure>();
        var y = draft.Year;
        const int Total = 6;

        if (Value(t, "table3", "new_received", Total) is { } received)
        {
            list.Add(new("applications.received", "本年新收政府信息公开申请", received, "件", 1, $"{y}年，本机关共收到政府信息公开申请{N(received)}件。"));
        }

        if (Value(t, "table3", "carried_over", Total) is { } carried)
        {
            list.Add(new("applications.carried_over", "上年结转政府信息公开申请", carried, "件", 1, $"上年结转政府信息公开申请{N(carried)}件。"));
        }

        var t3 = t.LayoutOf("table3");
        var groups = new List<string>();
        foreach (var (key, label, includes) in OutcomeGroups)
        {
            var cells = t3.Rows.Where(r => r.IsOutcome && includes(r.Key)).Select(r => t["table3", r.Key, Total].Value).ToList();
            if (cells.Count > 0 && cells.All(v => v is not null))
            {
                var sum = cells.Sum(v => v!.Value);
                list.Add(new($"applications.{key}", label, sum, "件", 1, $"{label}{N(sum)}件。"));
                groups.Add($"{label}{N(sum)}件");
            }
        }

        if (Value(t, "table3", "total", Total) is { } concluded && groups.Count == OutcomeGroups.Length)
        {
            var forward = Value(t, "table3", "carried_forward", Total);
            var tail = forward is { } f ? $"；结转下年度继续办理{N(f)}件" : string.Empty;
            list.Add(new("applications.outcomes", "本年度办理结果", concluded, "件", 1, $"本年度办结{N(concluded)}件，其中{string.Join('，', groups)}{tail}。"));
        }

        if (t.Layouts.GetValueOrDefault("table2") == "table2-2021")
        {
            foreach (var (row, label) in new[] { ("rules", "规章"), ("normative_documents", "行政规范性文件") })
            {
                if (Value(t, "table2", row, 0) is { } issued && Value(t, "table2", row, 1) is { } repealed && Value(t, "table2", row, 2) is { } inForce
                    && (row == "normative_documents" || issued + repealed + inForce > 0))
                {
                    list.Add(new($"documents.{row}", label, inForce, "件", 1, $"本年制发{label}{N(issued)}件，废止{N(repealed)}件，现行有效{N(inForce)}件。"));
                }
            }

            if (Value(t, "table2", "fees", 0) is { } adminFees)
            {
                list.Add(new("fees.administrative", "行政事业性收费本年收费金额", adminFees, "万元", 1, $"行政事业性收费本年收费金额{N(adminFees)}万元。"));
            }
        }

        var reviews = Value(t, "table4", "reconsideration", 4);
        var direct = Value(t, "table4", "litigation_direct", 4);
        var after = Value(t, "table4", "litigation_after_reconsideration", 4);
        if (reviews is { } r && direct is { } d && after is { } a)
        {
            list.Add(new("reviews", "行政复议、行政诉讼", r + d + a, "件", 1, $"本年度因政府信息公开工作被申请行政复议{N(r)}件，被提起行政诉讼{N(d + a)}件。"));
        }

        if (draft.Figures.ProactiveItemsPublished is { } items)
        {
            list.Add(new("proactive.items", "主动公开政府信息", items, "条", 1, $"{y}年，主动公开政府信息{N(items)}条。"));
        }

        if (draft.Figures.InformationFeesYuan is { } fee)
        {
            list.Add(new("fees.information", "信息处理费", fee, "元", 6, $"依据《政府信息公开信息处理费管理办法》，{y}年收取信息处理费{N(fee)}元。"));
        }

        return [.. list];
    }

    private static decimal? Value(Report t, string table, string row, int column) =>
        t.Layouts.ContainsKey(table) && t.LayoutOf(table).Row(row) is { } def && column < def.Columns.Length ? t[table, row, column].Value : null;

    private static string N(decimal value) => AnnualReportCodes.Num(value);
}
