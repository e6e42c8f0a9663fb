using Gongkai.Domain.Casework;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.Casework.Cases;

namespace Gongkai.Domain.Tests.Casework;

/// <summary>
/// A scripted year (2025) of an agency's casework, compiled and checked cell by cell against figures worked out by
/// hand (in the comments): carry-over from 2024, 补正, consultation, extension, both fee methods, a reconsideration
/// and a lawsuit, registers and monthly counts.
/// </summary>
public sealed class AnnualStatisticsTests
{
    private static readonly Guid s_a = G(0xA), s_b = G(0xB), s_c = G(0xC), s_d = G(0xD), s_e = G(0xE), s_f = G(0xF);
    private static readonly Guid s_g = G(0x10), s_h = G(0x11), s_i = G(0x12), s_j = G(0x13), s_k = G(0x14), s_l = G(0x15);
    private static readonly Guid s_r1 = G(0x101), s_r2 = G(0x102), s_r3 = G(0x103);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:x12}");

    internal static List<ApplicationCase> ScriptedCases() =>
    [
        // A: 自然人, received 2024-12-20, granted 2025-01-10 → 上年结转, 予以公开.
        Register(D(2024, 12, 20), id: s_a).Then(Decide(D(2025, 1, 10))),

        // B: 商业企业, online, confirmed 2024-12-26; third party consulted 2025-01-06 … 01-20; withheld 2025-02-10 → 上年结转, 保护第三方.
        Register(D(2024, 12, 26), ApplicantKind.CommercialEnterprise, ReceiptChannel.Online, id: s_b).Then(
            new ConsultationStarted(D(2025, 1, 6), By, ConsultationParty.ThirdParty, "某某物业公司"),
            new ConsultationEnded(D(2025, 1, 20), By, ConsultationReply.Objected),
            Decide(D(2025, 2, 10), ApplicationOutcome.WithheldThirdParty)),

        // C: decided within 2024: not in 2025's tables at all.
        Register(D(2024, 11, 4), id: s_c).Then(Decide(D(2024, 11, 20))),

        // D: 自然人, 补正 requested 03-05, supplied 03-12, partly granted 03-31.
        Register(D(2025, 3, 3), id: s_d).Then(
            new SupplementRequested(D(2025, 3, 5), By, "请说明所需信息的年份"),
            new SupplementReceived(D(2025, 3, 12), By),
            Decide(D(2025, 3, 31), ApplicationOutcome.PartiallyGranted)),

        // E: 科研机构, by post, 补正 not supplied by 04-25 → 视为放弃 05-06 → （六）1.
        Register(D(2025, 4, 8), ApplicantKind.ResearchInstitution, ReceiptChannel.Post, id: s_e).Then(
            new SupplementRequested(D(2025, 4, 10), By, "请补充身份证明", D(2025, 4, 25)),
            new Abandoned(D(2025, 5, 6), By, AbandonmentReason.NoSupplement)),

        // F: 自然人, online, received on the make-up Sunday 2025-09-28; extended by 15 on 10-20; granted 11-20.
        Register(D(2025, 9, 28), channel: ReceiptChannel.Online, id: s_f).Then(
            new Extended(D(2025, 10, 20), By, 15, "信息公开办主任李四", "涉及多个科室"),
            Decide(D(2025, 11, 20))),

        // G: 法律服务机构, fax; 按量 fee for 150 pages = 1700 元, paid; granted.
        Register(D(2025, 6, 3), ApplicantKind.LegalServiceInstitution, ReceiptChannel.Fax, id: s_g).Then(
            new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 150, 0, 1700m),
            new FeePaid(D(2025, 6, 20), By, 1700m),
            Decide(D(2025, 7, 1))),

        // H: 社会公益组织; 按件 fee (13th request of the month = 100 元) unpaid by 08-06 → 视为放弃 08-07 → （六）2.
        Register(D(2025, 7, 7), ApplicantKind.PublicWelfareOrganization, id: s_h).Then(
            new FeeNotified(D(2025, 7, 9), By, FeeMethod.PerRequest, 1, 12, 100m),
            new Abandoned(D(2025, 8, 7), By, AbandonmentReason.FeeUnpaid)),

        // I: 其他组织, received 12-22, still open → 结转下年度.
        Register(D(2025, 12, 22), ApplicantKind.OtherOrganization, id: s_i),

        // J: 自然人, received 12-15, consultation still running at year end → 结转下年度.
        Register(D(2025, 12, 15), id: s_j).Then(new ConsultationStarted(D(2025, 12, 18), By, ConsultationParty.OtherAgency, "市自然资源局")),

        // K: 自然人, repeated request → （五）2, closed.
        Register(D(2025, 5, 12), id: s_k).Then(Decide(D(2025, 5, 20), ApplicationOutcome.NotProcessedRepeated), new Closed(D(2025, 5, 21), By)),

        // L: 商业企业, not held → （四）1.
        Register(D(2025, 8, 1), ApplicantKind.CommercialEnterprise, id: s_l).Then(Decide(D(2025, 8, 15), ApplicationOutcome.UnableNotHeld)),
    ];

    internal static List<ReviewCase> ScriptedReviews()
    {
        var r1 = ReviewCase.Reconsideration(s_r1, s_b, D(2025, 3, 1), "某市人民政府").Decide(ReviewOutcome.Upheld, D(2025, 5, 1));
        return
        [
            r1,
            ReviewCase.Litigation(s_r2, s_b, D(2025, 5, 20), "某区人民法院", "(2025)某0102行初88号", r1),
            ReviewCase.Litigation(s_r3, s_c, D(2024, 10, 10), "某区人民法院").Decide(ReviewOutcome.Corrected, D(2025, 2, 1)),
        ];
    }

    internal static List<RegulatoryDocument> ScriptedRegister() =>
    [
        new(G(0x201), RegulatoryDocumentKind.NormativeDocument, "N1", "某卫发〔2023〕3号", D(2023, 5, 1)),
        new(G(0x202), RegulatoryDocumentKind.NormativeDocument, "N2", "某卫发〔2025〕1号", D(2025, 2, 1)),
        new(G(0x203), RegulatoryDocumentKind.NormativeDocument, "N3", "某卫发〔2022〕9号", D(2022, 1, 1), D(2025, 6, 30)),
        new(G(0x204), RegulatoryDocumentKind.NormativeDocument, "N4", "某卫发〔2025〕2号", D(2025, 3, 1), D(2025, 12, 31)),
    ];

    private static List<MonthlyCount> ScriptedMonths() =>
    [
        new(2024, 12, 99, 99, 99, 9m),
        new(2025, 1, 10, 3, 1, 0.5m),
        new(2025, 2, 5, 2, 0, 0.25m),
    ];

    private static CompiledStatistics Compile() =>
        AnnualStatistics.Compile("某县卫生健康局", 2025, ScriptedCases(), ScriptedReviews(), ScriptedRegister(), ScriptedMonths());

    [Fact]
    public void Compile_ScriptedYear_Table3MatchesHandCount()
    {
        var report = Compile().Report;
        decimal?[] Row(string key) => [.. Enumerable.Range(0, 7).Select(c => report["table3", key, c].Value)];

        //                                      自然人 商业 科研 公益 法律 其他 总计
        Assert.Equal(new decimal?[] { 4, 1, 1, 1, 1, 1, 9 }, Row("new_received"));       // D F J K | L | E | H | G | I
        Assert.Equal(new decimal?[] { 1, 1, 0, 0, 0, 0, 2 }, Row("carried_over"));       // A | B
        Assert.Equal(new decimal?[] { 2, 0, 0, 0, 1, 0, 3 }, Row("granted"));            // A F | G
        Assert.Equal(new decimal?[] { 1, 0, 0, 0, 0, 0, 1 }, Row("partially_granted"));  // D
        Assert.Equal(new decimal?[] { 0, 1, 0, 0, 0, 0, 1 }, Row("withheld_third_party")); // B
        Assert.Equal(new decimal?[] { 0, 1, 0, 0, 0, 0, 1 }, Row("unable_not_held"));    // L
        Assert.Equal(new decimal?[] { 1, 0, 0, 0, 0, 0, 1 }, Row("not_processed_repeated")); // K
        Assert.Equal(new decimal?[] { 0, 0, 1, 0, 0, 0, 1 }, Row("other_no_supplement")); // E
        Assert.Equal(new decimal?[] { 0, 0, 0, 1, 0, 0, 1 }, Row("other_fee_unpaid"));   // H
        Assert.Equal(new decimal?[] { 0, 0, 0, 0, 0, 0, 0 }, Row("other_other"));
        Assert.Equal(new decimal?[] { 4, 2, 1, 1, 1, 0, 9 }, Row("total"));
        Assert.Equal(new decimal?[] { 1, 0, 0, 0, 0, 1, 2 }, Row("carried_forward"));    // J | I
        Assert.Equal("2021", report.Format);
        Assert.Equal(2025, report.Year);
        Assert.Equal("某县卫生健康局", report.Agency);
    }

    [Fact]
    public void Compile_ScriptedYear_Tables2And4MatchHandCount()
    {
        var report = Compile().Report;
        decimal?[] Row(string table, string key, int n) => [.. Enumerable.Range(0, n).Select(c => report[table, key, c].Value)];

        // R1 filed 2025, upheld 2025-05-01; R2 after R1, filed 2025, undecided; R3 filed 2024: not counted.
        Assert.Equal(new decimal?[] { 1, 0, 0, 0, 1 }, Row("table4", "reconsideration", 5));
        Assert.Equal(new decimal?[] { 0, 0, 0, 0, 0 }, Row("table4", "litigation_direct", 5));
        Assert.Equal(new decimal?[] { 0, 0, 0, 1, 1 }, Row("table4", "litigation_after_reconsideration", 5));

        // N2, N4 issued; N3, N4 repealed; N1, N2 in force on 12-31 (N4 repealed that day).
        Assert.Equal(new decimal?[] { 2, 2, 2 }, Row("table2", "normative_documents", 3));
        Assert.Equal(new decimal?[] { 0, 0, 0 }, Row("table2", "rules", 3));
        Assert.Equal(15, report["table2", "licensing"].Value);
        Assert.Equal(5, report["table2", "penalty"].Value);
        Assert.Equal(1, report["table2", "coercion"].Value);
        Assert.Equal(0.75m, report["table2", "fees"].Value);
    }

    [Fact]
    public void Compile_ScriptedYear_CellsListTheCasesBehindThem()
    {
        var compiled = Compile();
        Assert.Equal([s_a, s_f], compiled.CasesBehind("table3", "granted", 0).Order());
        Assert.Equal([s_a, s_b], compiled.CasesBehind("table3", "carried_over", 6).Order());
        Assert.Equal([s_i, s_j], compiled.CasesBehind("table3", "carried_forward", 6).Order());
        Assert.Equal([s_r2], compiled.CasesBehind("table4", "litigation_after_reconsideration", 3).ToArray());
        Assert.Equal([G(0x202), G(0x204)], compiled.CasesBehind("table2", "normative_documents", 0).Order());
        Assert.Empty(compiled.CasesBehind("table2", "licensing", 0));
        foreach (var (cell, ids) in compiled.Sources)
        {
            Assert.Equal(compiled.Report[cell].Value, ids.Length);
        }
    }

    [Fact]
    public void Compile_ScriptedYear_PassesEveryRule()
    {
        var report = Compile().Report;
        Assert.Empty(RuleEngine.Check(report));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Compile_PreviousYear_CarriesForwardWhatThisYearCarriesOver()
    {
        var cases = ScriptedCases();
        var y2024 = AnnualStatistics.Compile("某县卫生健康局", 2024, cases, ScriptedReviews(), ScriptedRegister(), ScriptedMonths()).Report;
        var y2025 = AnnualStatistics.Compile("某县卫生健康局", 2025, cases, ScriptedReviews(), ScriptedRegister(), ScriptedMonths()).Report;
        Assert.Empty(RuleEngine.CheckAgainstPrevious(y2025, y2024));
        Assert.Equal(3, y2024["table3", "new_received", 6].Value);      // A B C
        Assert.Equal(1, y2024["table4", "litigation_direct", 3].Value); // R3 pending at the end of 2024
    }

    [Fact]
    public void Compile_LateAnswer_AddsInfoFinding()
    {
        var late = Register(D(2025, 3, 3)).Then(Decide(D(2025, 5, 30)));
        var report = AnnualStatistics.Compile("x", 2025, [late], [], [], []).Report;
        var finding = Assert.Single(report.Diagnostics);
        Assert.Equal(AnnualStatistics.CodeAnsweredLate, finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void Deadline_CaseF_ExplainsMakeUpSundayAndExtension()
    {
        var f = ScriptedCases().Single(c => c.Id == s_f);
        var deadline = f.Deadline();
        Assert.Equal(D(2025, 11, 21), deadline.DueOn);   // 10-31 + 15 working days
        Assert.False(deadline.AnsweredLate);
        Assert.Equal(["received", "holiday", "make-up-day", "extended", "decided", "due"], deadline.Steps.Select(s => s.Code));
        Assert.Contains("2025-09-28（周日，调休上班", deadline.Steps[0].Text, StringComparison.Ordinal);
        Assert.All(deadline.Steps, s => Assert.DoesNotMatch("[A-Za-z]{3,}", s.Text)); // people read the explanation: Chinese only, the codes stay in Code
    }
}
