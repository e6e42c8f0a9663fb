using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.AnnualReports;

/// <summary>A clock that says what it is told.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Noon, China time, on <paramref name="day"/>.</summary>
    public static FixedClock OnChinaDay(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(8)));
}

/// <summary>Test data: consistent tables, drafts and people.</summary>
internal static class Drafts
{
    public const string Agency = "淮安市洪泽区人民政府";

    public static readonly DateTimeOffset T0 = new(2025, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly ReportActor Officer = new("u1", "王经办", ReportRole.Officer);
    public static readonly ReportActor Approver = new("u2", "李审批", ReportRole.Approver);
    public static readonly ReportActor Supervisor = new("u3", "张监督", ReportRole.Supervisor);

    /// <summary>Before the deadline of a 2024 department report, far from it.</summary>
    public static readonly FixedClock EarlyJanuary = FixedClock.OnChinaDay(2025, 1, 5);

    /// <summary>
    /// 2021-format tables that add up: all applicants are 自然人; <paramref name="received"/> new,
    /// <paramref name="carried"/> carried over, <paramref name="forward"/> carried forward, the rest granted.
    /// </summary>
    public static Report Tables(int received = 95, int carried = 0, int forward = 0, int inForce = 8, int issued = 3, int repealed = 0, decimal fees = 7545)
    {
        var b = new ReportBuilder("2021") { Agency = Agency, Year = 2024 };
        foreach (var layout in b.Catalogue.Format("2021").LayoutIds.Select(b.Catalogue.Layout))
        {
            foreach (var cell in layout.Cells())
            {
                b.Set(cell, Cell.Of(0));
            }
        }

        void Row(string row, int n)
        {
            b.Set("table3", row, 0, n);
            b.Set("table3", row, 6, n);
        }

        var concluded = received + carried - forward;
        Row("new_received", received);
        Row("carried_over", carried);
        Row("granted", concluded);
        Row("total", concluded);
        Row("carried_forward", forward);
        b.Set("table2", "normative_documents", 0, issued);
        b.Set("table2", "normative_documents", 1, repealed);
        b.Set("table2", "normative_documents", 2, inForce);
        b.Set("table2", "fees", 0, fees);
        return b.Build();
    }

    public const string Overview = "2024年，本机关坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。";
    public const string Problems = "个别部门对复杂申请件的研判能力不足，答复文书规范性有待提升。下一步将加强业务培训。";
    public const string Other = "全年收取政府信息公开信息处理费0元。";

    /// <summary>A department's 2024 draft with every written section filled and consistent tables.</summary>
    public static ReportDraft Complete(Report? tables = null, AgencyKind kind = AgencyKind.Department) =>
        ReportDraft.Start(Agency, kind, 2024, tables ?? Tables(), TablesOrigin.Compiled)
            .WithNarrative(1, Overview).Value
            .WithNarrative(5, Problems).Value
            .WithNarrative(6, Other).Value;

    public static ReportDraft WithText(this ReportDraft draft, int section, string text) => draft.WithNarrative(section, text).Value;
}
