using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.AnnualReports;

/// <summary>What a quoted figure is compared with.</summary>
public enum QuotedFigureKind
{
    /// <summary>收到/受理/新收…申请N件 → table 3 本年新收, 总计.</summary>
    ApplicationsReceived,

    /// <summary>上年结转…N件 → table 3 上年结转, 总计.</summary>
    ApplicationsCarriedOver,

    /// <summary>主动公开/发布…N条 → <see cref="SupplementaryFigures.ProactiveItemsPublished"/>.</summary>
    ProactiveItems,

    /// <summary>收取…信息处理费…N元 → <see cref="SupplementaryFigures.InformationFeesYuan"/> (元).</summary>
    InformationFees,

    /// <summary>收取…行政事业性收费…N万元 → table 2 行政事业性收费 (万元).</summary>
    AdministrativeFees,
}

/// <summary>A figure quoted in the narrative: what, the value (in the unit written), the unit, the words quoted, the section and line.</summary>
public sealed record QuotedFigure(QuotedFigureKind Kind, decimal Value, string Unit, string Quote, int Section, int Line);

/// <summary>
/// X-3: finds figures quoted in the written sections ("共收到政府信息公开申请95件", "主动公开政府信息2428条",
/// "收取信息处理费0元") and compares each with the tables or the supplementary figures. A figure that
/// differs is a warning naming both numbers, not an error: the text may speak of another scope
/// (洪泽区 2024: the 区政府办 accepted 17 applications while table 3 counts 95 for the government).
/// Whitespace and line breaks inside a sentence are ignored (text copied from PDFs wraps anywhere).
/// </summary>
public static partial class NarrativeFigures
{
    private const string Number = @"(?<n>\d+(?:,\d{3})*(?:\.\d+)?)";

    [GeneratedRegex(@"(?:收到|受理|新收|接收)(?<mid>[^\d。；！？]{0,40}?)申请(?:数量|总数)?(?:为|共|共计|合计|总计|达|了)?" + Number + "件")]
    private static partial Regex ReceivedPattern();

    [GeneratedRegex(@"新收(?<mid>[^\d。；！？]{0,40}?)" + Number + "件")]
    private static partial Regex NewPattern();

    [GeneratedRegex(@"上年结转(?<mid>[^\d。；！？]{0,30}?)" + Number + "件")]
    private static partial Regex CarriedPattern();

    [GeneratedRegex(@"主动(?:公开|发布)(?<mid>[^\d。；！？]{0,40}?)" + Number + "条")]
    private static partial Regex ProactivePattern();

    [GeneratedRegex(@"收取(?<mid>[^\d。；！？]{0,40}?)" + Number + "(?<unit>万元|元)")]
    private static partial Regex FeePattern();

    /// <summary>The figures quoted in the written sections of <paramref name="draft"/>, in order.</summary>
    public static ImmutableArray<QuotedFigure> Find(ReportDraft draft) =>
        [.. ReportDraft.WrittenSections.SelectMany(s => Find(draft.TextOf(s), s))];

    /// <summary>The figures quoted in <paramref name="text"/> (of section <paramref name="section"/>).</summary>
    public static IEnumerable<QuotedFigure> Find(string text, int section)
    {
        var (compact, lines) = Compact(text);
        var seen = new HashSet<int>();
        var found = new List<(int At, QuotedFigure Figure)>();

        void Scan(Regex regex, QuotedFigureKind kind, Func<string, bool>? accept = null)
        {
            foreach (Match m in regex.Matches(compact))
            {
                var mid = m.Groups["mid"].Value;
                if (accept is not null && !accept(mid))
                {
                    continue;
                }

                var n = m.Groups["n"];
                if (!seen.Add(n.Index))
                {
                    continue;
                }

                var value = decimal.Parse(n.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : kind == QuotedFigureKind.ProactiveItems ? "条" : "件";
                var actualKind = kind == QuotedFigureKind.InformationFees && mid.Contains("行政事业性", StringComparison.Ordinal)
                    ? QuotedFigureKind.AdministrativeFees
                    : kind;
                found.Add((n.Index, new QuotedFigure(actualKind, value, unit, m.Value, section, lines[m.Index])));
            }
        }

        static bool NotReview(string mid) => !mid.Contains("复议", StringComparison.Ordinal) && !mid.Contains("诉讼", StringComparison.Ordinal) && !mid.Contains("结转", StringComparison.Ordinal);
        Scan(ReceivedPattern(), QuotedFigureKind.ApplicationsReceived, NotReview);
        Scan(NewPattern(), QuotedFigureKind.ApplicationsReceived, NotReview);
        Scan(CarriedPattern(), QuotedFigureKind.ApplicationsCarriedOver);
        Scan(ProactivePattern(), QuotedFigureKind.ProactiveItems);
        Scan(FeePattern(), QuotedFigureKind.InformationFees, mid => mid.Contains('费'));
        return found.OrderBy(f => f.At).Select(f => f.Figure);
    }

    /// <summary>The X.narrative-figure warnings of <paramref name="draft"/>.</summary>
    public static IEnumerable<Diagnostic> Check(ReportDraft draft)
    {
        var tables = draft.EffectiveTables();
        foreach (var q in Find(draft))
        {
            var (expected, unit, what, cell) = Expected(q.Kind, tables, draft.Figures);
            if (expected is not { } e)
            {
                continue;
            }

            var quoted = Convert(q.Value, q.Unit, unit);
            if (quoted == e)
            {
                continue;
            }

            var heading = SectionGuidance.For(q.Section).Heading;
            var scope = q.Kind is QuotedFigureKind.ApplicationsReceived or QuotedFigureKind.ApplicationsCarriedOver
                ? "；若正文所述范围不同（如仅指本级办公室），请在正文中写明范围"
                : string.Empty;
            var message = $"{heading}第{q.Line}行写“{q.Quote}”（{N(q.Value)}{q.Unit}），而{what}为{N(e)}{unit}{scope}";
            var location = new SourceLocation(File: heading, Line: q.Line);
            yield return cell is { } c
                ? new Diagnostic(AnnualReportCodes.NarrativeFigure, Severity.Warning, message, location, [c])
                : new Diagnostic(AnnualReportCodes.NarrativeFigure, Severity.Warning, message, location);
        }
    }

    private static (decimal? Value, string Unit, string What, CellRef? Cell) Expected(QuotedFigureKind kind, Report t, SupplementaryFigures figures)
    {
        CellRef? Ref(string table, string row, int column) =>
            t.Layouts.ContainsKey(table) && t.LayoutOf(table).Row(row) is { } def && column < def.Columns.Length ? new CellRef(table, row, column) : null;

        switch (kind)
        {
            case QuotedFigureKind.ApplicationsReceived:
                var received = Ref("table3", "new_received", 6);
                return (received is { } r ? t[r].Value : null, "件", "表三“本年新收政府信息公开申请数量”总计", received);
            case QuotedFigureKind.ApplicationsCarriedOver:
                var carried = Ref("table3", "carried_over", 6);
                return (carried is { } c ? t[c].Value : null, "件", "表三“上年结转政府信息公开申请数量”总计", carried);
            case QuotedFigureKind.AdministrativeFees:
                var fees = Ref("table2", "fees", 0);
                return (fees is { } f && t.Layouts["table2"] == "table2-2021" ? t[f].Value : null, "万元", "表二“行政事业性收费”本年收费金额", fees);
            case QuotedFigureKind.ProactiveItems:
                return (figures.ProactiveItemsPublished, "条", "主动公开目录统计的本年主动公开信息数", null);
            case QuotedFigureKind.InformationFees:
                return (figures.InformationFeesYuan, "元", "办件记录中本年收取的信息处理费", null);
            default:
                return (null, string.Empty, string.Empty, null);
        }
    }

    private static decimal Convert(decimal value, string from, string to) => (from, to) switch
    {
        ("万元", "元") => value * 10000m,
        ("元", "万元") => value / 10000m,
        _ => value,
    };

    /// <summary>The text without whitespace and with full-width digits folded, and for each character its 1-based line in the original.</summary>
    private static (string Compact, int[] Lines) Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lines = new List<int>(text.Length);
        var line = 1;
        foreach (var ch in text)
        {
            if (ch == '\n')
            {
                line++;
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            sb.Append(ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch);
            lines.Add(line);
        }

        lines.Add(line);
        return (sb.ToString(), [.. lines]);
    }

    private static string N(decimal value) => AnnualReportCodes.Num(value);
}
