using System.Collections.Immutable;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Casework;

/// <summary>
/// A report compiled from casework, with, for every cell, the ids of the records behind its number (applications
/// for table 3, reviews for table 4, register entries for table 2's 规章/行政规范性文件; the monthly counts have none).
/// </summary>
public sealed record CompiledStatistics(Report Report, ImmutableDictionary<CellRef, ImmutableArray<Guid>> Sources)
{
    /// <summary>The ids behind <paramref name="cell"/> (empty when the number is not made of records).</summary>
    public ImmutableArray<Guid> CasesBehind(CellRef cell) => Sources.TryGetValue(cell, out var ids) ? ids : [];

    public ImmutableArray<Guid> CasesBehind(string table, string row, int column) => CasesBehind(new CellRef(table, row, column));
}

/// <summary>
/// Compiles the annual report's tables 2–4 (format 2021) from casework for one agency and year.
/// <list type="bullet">
/// <item>Table 3, per applicant column (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计):
/// 本年新收 = received in the year; 上年结转 = received before 1 January and not concluded before it; each outcome row =
/// concluded (decided or deemed abandoned) in the year, by outcome; 结转下年度 = open at the end of 31 December.
/// So 新收 + 结转 = 总计 + 结转下年度 in every column, by construction.</item>
/// <item>Table 4: reviews filed in the year, by route; the outcome as it stood on 31 December, 尚未审结 if undecided.</item>
/// <item>Table 2: 规章/行政规范性文件 issued and repealed in the year and in force on 31 December; 行政许可, 行政处罚,
/// 行政强制 and fees (万元) summed over the year's monthly counts.</item>
/// </list>
/// </summary>
public static class AnnualStatistics
{
    /// <summary>Info finding: cases concluded in the year after their derived answer deadline.</summary>
    public const string CodeAnsweredLate = "STAT.answered-late";

    /// <summary>Info finding: deadlines of the year's cases rest on a year with no loaded holiday schedule.</summary>
    public const string CodeProvisional = "STAT.provisional-calendar";

    private const int Columns = 7;
    private const int TotalColumn = 6;

    public static CompiledStatistics Compile(
        string agency,
        int year,
        IEnumerable<ApplicationCase> applications,
        IEnumerable<ReviewCase> reviews,
        IEnumerable<RegulatoryDocument> registers,
        IEnumerable<MonthlyCount> monthlyCounts,
        WorkingDayCalendar? calendar = null)
    {
        var builder = new ReportBuilder("2021") { Agency = agency, Year = year, Title = $"{agency}{year}年政府信息公开工作年度报告" };
        var sources = ImmutableDictionary.CreateBuilder<CellRef, ImmutableArray<Guid>>();
        var firstDay = new DateOnly(year, 1, 1);
        var lastDay = new DateOnly(year, 12, 31);
        var cases = applications.ToList();

        void Put(string table, string row, int column, decimal value, IEnumerable<Guid>? ids = null)
        {
            builder.Set(table, row, column, value);
            if (ids is not null)
            {
                sources[new CellRef(table, row, column)] = [.. ids];
            }
        }

        void Row(string row, Func<ApplicationCase, bool> include)
        {
            // One pass: each selected case into its applicant column (Table 3's columns are the applicant kinds).
            var columns = new List<Guid>[TotalColumn];
            var all = new List<Guid>();
            for (var c = 0; c < TotalColumn; c++)
            {
                columns[c] = [];
            }

            foreach (var a in cases)
            {
                if (include(a))
                {
                    columns[(int)a.Applicant.Kind].Add(a.Id);
                    all.Add(a.Id);
                }
            }

            for (var c = 0; c < TotalColumn; c++)
            {
                Put("table3", row, c, columns[c].Count, columns[c]);
            }

            Put("table3", row, TotalColumn, all.Count, all);
        }

        // Table 3.
        bool ConcludedInYear(ApplicationCase a) => a.ConcludedOn is { } d && d.Year == year && a.ReceivedOn <= lastDay;
        Row("new_received", a => a.ReceivedOn.Year == year);
        Row("carried_over", a => a.ReceivedOn < firstDay && a.IsOpenAtEndOf(firstDay.AddDays(-1)));
        foreach (var outcome in Outcomes.All)
        {
            Row(outcome.RowKey(), a => ConcludedInYear(a) && a.Outcome == outcome);
        }

        Row("total", ConcludedInYear);
        Row("carried_forward", a => a.IsOpenAtEndOf(lastDay));

        // Table 4.
        var filed = reviews.Where(r => r.FiledOn.Year == year).ToList();
        foreach (var (route, row) in new[]
                 {
                     (ReviewRoute.Reconsideration, "reconsideration"),
                     (ReviewRoute.LitigationDirect, "litigation_direct"),
                     (ReviewRoute.LitigationAfterReconsideration, "litigation_after_reconsideration"),
                 })
        {
            var group = filed.Where(r => r.Route == route).ToList();
            var byColumn = new[]
            {
                group.Where(r => r.OutcomeAsOf(lastDay) == ReviewOutcome.Upheld),
                group.Where(r => r.OutcomeAsOf(lastDay) == ReviewOutcome.Corrected),
                group.Where(r => r.OutcomeAsOf(lastDay) == ReviewOutcome.Other),
                group.Where(r => r.OutcomeAsOf(lastDay) is null),
                group,
            };
            for (var c = 0; c < byColumn.Length; c++)
            {
                var ids = byColumn[c].Select(r => r.Id).ToList();
                Put("table4", row, c, ids.Count, ids);
            }
        }

        // Table 2.
        var documents = registers.ToList();
        foreach (var (kind, row) in new[] { (RegulatoryDocumentKind.Rule, "rules"), (RegulatoryDocumentKind.NormativeDocument, "normative_documents") })
        {
            var ofKind = documents.Where(d => d.Kind == kind).ToList();
            var issued = ofKind.Where(d => d.IssuedIn(year)).Select(d => d.Id).ToList();
            var repealed = ofKind.Where(d => d.RepealedIn(year)).Select(d => d.Id).ToList();
            var inForce = ofKind.Where(d => d.IsInForceOn(lastDay)).Select(d => d.Id).ToList();
            Put("table2", row, 0, issued.Count, issued);
            Put("table2", row, 1, repealed.Count, repealed);
            Put("table2", row, 2, inForce.Count, inForce);
        }

        var months = monthlyCounts.Where(m => m.Year == year).ToList();
        Put("table2", "licensing", 0, months.Sum(m => m.Licensing));
        Put("table2", "penalty", 0, months.Sum(m => m.Penalty));
        Put("table2", "coercion", 0, months.Sum(m => m.Coercion));
        Put("table2", "fees", 0, months.Sum(m => m.FeesTenThousandYuan));

        // Findings that need the calendar: late answers and provisional deadlines.
        var rules = calendar is null ? CaseRules.Default : CaseRules.Default with { Calendar = calendar };
        var late = new List<ApplicationCase>();
        var provisional = false;
        foreach (var a in cases.Where(ConcludedInYear))
        {
            var deadline = a.DeadlineFigures(rules);
            late.AddRange(deadline.AnsweredLate ? [a] : []);
            provisional |= deadline.IsProvisional;
        }

        if (late.Count > 0)
        {
            builder.Add(new Diagnostic(CodeAnsweredLate, Severity.Info, $"{late.Count}件申请逾期答复：{string.Join('、', late.Select(a => a.Application.TrackingNumber))}", null));
        }

        if (provisional)
        {
            builder.Add(new Diagnostic(CodeProvisional, Severity.Info, "部分答复期限按暂定日历计算（所涉年度的国务院节假日安排尚未载入）", null));
        }

        return new CompiledStatistics(builder.Build(), sources.ToImmutable());
    }
}
