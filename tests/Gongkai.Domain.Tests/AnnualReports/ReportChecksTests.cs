using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.AnnualReports.Drafts;

namespace Gongkai.Domain.Tests.AnnualReports;

public class ReportChecksTests
{
    private static ReportCheckResult Run(ReportDraft draft, Report? previous = null, TimeProvider? clock = null, ReportCheckOptions? options = null) =>
        ReportChecks.Run(draft, previous, clock ?? EarlyJanuary, options);

    [Fact]
    public void Run_CompleteConsistentDraft_NoFindings() => Assert.Empty(Run(Complete()).Findings);

    [Fact]
    public void Run_RuleEngineError_ReportedOnEffectiveTables_OverrideFixesIt()
    {
        var broken = Tables().WithCell(new CellRef("table3", "total", 6), Cell.Of(94));
        var draft = Complete(broken);
        var result = Run(draft);
        Assert.Contains(result.Findings, f => f.Code == DiagnosticCodes.T3Balance && f.IsError);
        Assert.Contains(result.Findings, f => f.Code == DiagnosticCodes.T3RowTotal);
        Assert.False(result.CanSubmit);

        var fixedDraft = draft.Override(new CellRef("table3", "total", 6), 95, "总计抄录错误", "王经办", T0).Value;
        Assert.True(Run(fixedDraft).CanSubmit);
        Assert.Empty(Run(fixedDraft).Findings);
    }

    [Fact]
    public void Run_AgainstPrevious_CarryOverAndInForce()
    {
        var previous = Complete(Tables(forward: 2, inForce: 5)).ToReport() with { Sections = [] };
        var draft = Complete(Tables(carried: 1, inForce: 8, issued: 3, repealed: 1));
        var codes = Run(draft, previous).Findings.Select(f => f.Code).ToList();
        Assert.Contains(DiagnosticCodes.CrossCarryOver, codes);
        Assert.Contains(DiagnosticCodes.CrossInForce, codes);

        var consistent = Complete(Tables(carried: 2, inForce: 7, issued: 3, repealed: 1));
        Assert.Empty(Run(consistent, previous).Findings);
    }

    [Fact]
    public void NarrativeFigure_Hongze2024_QuotesSeventeenAgainstNinetyFive_WarningNamingBoth()
    {
        // 淮安市洪泽区人民政府 2024 report, section 一, as copied from the PDF (line breaks inside the sentence).
        const string text = "（二）依申请公开情况。根据《条例》和上级部门关于依申\n请办理的规范要求，强化组织领导、规范办理流程。2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。";
        var draft = Complete(Tables(received: 95)).WithText(1, text);

        var finding = Assert.Single(Run(draft).Findings);
        Assert.Equal(AnnualReportCodes.NarrativeFigure, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("17", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("95", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new CellRef("table3", "new_received", 6), finding.Diagnostic.Cells[0]);
        Assert.Equal(2, finding.Diagnostic.Location?.Line);
        Assert.True(Run(draft).CanSubmit);
    }

    [Theory]
    [InlineData("本年共收到政府信息公开申请95件，均按时答复。")]
    [InlineData("全年新收政府信息公开申请 95 件。")]
    [InlineData("受理政府信息公开申请共计95件。")]
    [InlineData("本年度因政府信息公开工作被申请行政复议2件。")]
    [InlineData("收到申请后，工作人员在5个工作日内登记。")]
    public void NarrativeFigure_MatchingOrUnrelated_NoFinding(string text) =>
        Assert.Empty(Run(Complete(Tables(received: 95)).WithText(1, text)).Findings);

    [Fact]
    public void NarrativeFigure_Find_ReadsEachKind()
    {
        var figures = NarrativeFigures.Find("我区主动发布各类政府信息 2,428 条。上年结转申请3件。全年收取行政事业性收费7545万元；收取信息处理费120元。", 1).ToList();
        Assert.Equal(
            [QuotedFigureKind.ProactiveItems, QuotedFigureKind.ApplicationsCarriedOver, QuotedFigureKind.AdministrativeFees, QuotedFigureKind.InformationFees],
            figures.Select(f => f.Kind));
        Assert.Equal([2428m, 3m, 7545m, 120m], figures.Select(f => f.Value));
        Assert.Equal("万元", figures[2].Unit);
    }

    [Fact]
    public void NarrativeFigure_Fees_ComparedWithCaseworkFigureInYuan()
    {
        var draft = Complete().WithText(6, "全年收取政府信息公开信息处理费 0.012 万元。");
        Assert.Empty(Run(draft.WithFigures(new SupplementaryFigures(InformationFeesYuan: 120m))).Findings);
        var finding = Assert.Single(Run(draft.WithFigures(new SupplementaryFigures(InformationFeesYuan: 0m))).Findings);
        Assert.Equal(AnnualReportCodes.NarrativeFigure, finding.Code);
        Assert.Empty(Run(draft).Findings); // the fee is unknown: nothing to compare with
    }

    [Fact]
    public void NarrativeFigure_ProactiveItems_ComparedWithSupplementaryFigure()
    {
        var draft = Complete().WithText(1, "2024年，我区在政府网站平台主动发布各类政府信息 2428 条。");
        Assert.Empty(Run(draft.WithFigures(new SupplementaryFigures(ProactiveItemsPublished: 2428))).Findings);
        var finding = Assert.Single(Run(draft.WithFigures(new SupplementaryFigures(ProactiveItemsPublished: 2400))).Findings);
        Assert.Contains("2400", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrativeFigure_AdministrativeFees_ComparedWithTable2()
    {
        var draft = Complete(Tables(fees: 7545)).WithText(6, "全年收取行政事业性收费7545万元。");
        Assert.Empty(Run(draft).Findings);
        Assert.Single(Run(Complete(Tables(fees: 75.45m)).WithText(6, "全年收取行政事业性收费7545万元。")).Findings);
    }

    [Fact]
    public void OfferedFigures_PastedIntoTheText_PassTheFigureCheck()
    {
        var draft = Complete(Tables(received: 95, carried: 2, forward: 4)).WithFigures(new SupplementaryFigures(2428, 0m));
        var offered = OfferedFigures.For(draft);
        Assert.Contains(offered, f => f.Key == "applications.received" && f.Value == 95 && f.Sentence.Contains("95", StringComparison.Ordinal));
        Assert.Contains(offered, f => f.Key == "applications.carried_over" && f.Value == 2);
        Assert.Contains(offered, f => f.Key == "applications.granted" && f.Value == 93);
        Assert.Contains(offered, f => f.Key == "documents.normative_documents" && f.Value == 8);
        Assert.Contains(offered, f => f.Key == "fees.information" && f.Section == 6);

        var pasted = draft
            .WithText(1, string.Concat(offered.Where(f => f.Section == 1).Select(f => f.Sentence)))
            .WithText(6, string.Concat(offered.Where(f => f.Section == 6).Select(f => f.Sentence)));
        Assert.NotEmpty(NarrativeFigures.Find(pasted));
        Assert.Empty(Run(pasted).Findings);
    }

    [Fact]
    public void RepeatedText_SameSentencesOtherNumbers_WarningNamingShare()
    {
        var lastYear = Complete().WithText(1, "2023年，本机关共收到政府信息公开申请87件。本机关坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。").ToReport();
        var draft = Complete(Tables(received: 95)).WithText(1, "2024年，本机关共收到政府信息公开申请95件。本机关坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。");

        var finding = Assert.Single(Run(draft, lastYear).Findings, f => f.Code == AnnualReportCodes.RepeatedText);
        Assert.Equal(Severity.Warning, finding.Severity);
        // Sections 五 and 六 are the same in both years too: 5 of 5 sentences.
        Assert.Contains("100%", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedText_BelowThreshold_NoWarning_ThresholdConfigurable()
    {
        var lastYear = Complete().WithText(1, "今年我们主要做了三方面的工作并取得成效。").WithText(5, "存在的问题是信息发布不够及时准确。").ToReport();
        var draft = Complete().WithText(1, "今年我们主要做了三方面的工作并取得成效。").WithText(5, "今年的主要问题是政策解读形式较为单一。").WithText(6, "全年没有收取任何信息处理费用。");

        // 1 of 3 sentences repeated (33%).
        Assert.DoesNotContain(Run(draft, lastYear).Findings, f => f.Code == AnnualReportCodes.RepeatedText);
        var strict = ReportCheckOptions.Default with { RepetitionThreshold = 0.3 };
        var finding = Assert.Single(Run(draft, lastYear, options: strict).Findings, f => f.Code == AnnualReportCodes.RepeatedText);
        Assert.Contains("33%", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextRepetition_Normalise_DigitsAndWhitespace() =>
        Assert.Equal("#年收到申请#件", TextRepetition.Normalise("2024 年收到申请 95 件"));

    [Theory]
    [InlineData(AgencyKind.Department, 2025, 1, 20, null)]
    [InlineData(AgencyKind.Department, 2025, 1, 21, AnnualReportCodes.DeadlineNear)]
    [InlineData(AgencyKind.Department, 2025, 1, 31, AnnualReportCodes.DeadlineNear)]
    [InlineData(AgencyKind.Department, 2025, 2, 1, AnnualReportCodes.DeadlinePassed)]
    [InlineData(AgencyKind.Government, 2025, 2, 1, null)]
    [InlineData(AgencyKind.Government, 2025, 3, 25, AnnualReportCodes.DeadlineNear)]
    [InlineData(AgencyKind.Government, 2025, 4, 1, AnnualReportCodes.DeadlinePassed)]
    public void Deadline_ByKindAndDay(AgencyKind kind, int year, int month, int day, string? expected)
    {
        var draft = Complete(kind: kind);
        if (kind == AgencyKind.Government)
        {
            draft = draft.WithText(1, Overview + "工作考核、社会评议和责任追究结果情况：未发生责任追究。");
        }

        var result = Run(draft, clock: FixedClock.OnChinaDay(year, month, day));
        var codes = result.Findings.Select(f => f.Code).ToList();
        Assert.Equal(expected is null ? [] : [expected], codes);
        Assert.Equal(kind == AgencyKind.Government ? new DateOnly(2025, 3, 31) : new DateOnly(2025, 1, 31), result.Deadline);
        if (expected == AnnualReportCodes.DeadlinePassed)
        {
            Assert.False(result.CanSubmit);
        }
    }

    [Fact]
    public void Deadline_UsesChinaDay_NotUtcDay()
    {
        // 16:30 UTC on 31 January is 00:30 on 1 February in Beijing.
        var clock = new FixedClock(new DateTimeOffset(2025, 1, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Contains(Run(Complete(), clock: clock).Findings, f => f.Code == AnnualReportCodes.DeadlinePassed);
    }

    [Fact]
    public void Deadline_Configurable()
    {
        var options = ReportCheckOptions.Default with { Deadlines = DeadlinePolicy.Default with { Department = (2, 15) } };
        Assert.Empty(Run(Complete(), clock: FixedClock.OnChinaDay(2025, 2, 1), options: options).Findings.Where(f => f.Code == AnnualReportCodes.DeadlinePassed));
    }

    [Fact]
    public void WrittenSections_Empty_ErrorPerSection()
    {
        var draft = ReportDraft.Start(Agency, AgencyKind.Department, 2024, Tables(), TablesOrigin.Compiled).WithText(1, Overview);
        var empty = Run(draft).Findings.Where(f => f.Code == AnnualReportCodes.NarrativeEmpty).ToList();
        Assert.Equal(2, empty.Count);
        Assert.All(empty, f => Assert.True(f.IsError));
        Assert.Equal(["NARR.empty@五、存在的主要问题及改进情况", "NARR.empty@六、其他需要报告的事项"], empty.Select(f => f.Key));
    }

    [Fact]
    public void Government_WithoutAppraisalItems_Warning()
    {
        var finding = Assert.Single(Run(Complete(kind: AgencyKind.Government)).Findings);
        Assert.Equal(AnnualReportCodes.GovernmentItems, finding.Code);
        Assert.Contains("社会评议", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guidance_SixSections_AsTheFormatAsks()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], SectionGuidance.All.Select(s => s.Number));
        Assert.Equal([1, 5, 6], SectionGuidance.All.Where(s => s.Written).Select(s => s.Number));
        var overview = string.Join('\n', SectionGuidance.For(1).ItemsFor(AgencyKind.Department));
        foreach (var topic in new[] { "主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障" })
        {
            Assert.Contains(topic, overview, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("社会评议", overview, StringComparison.Ordinal);
        Assert.Contains("社会评议", string.Join('\n', SectionGuidance.For(1).ItemsFor(AgencyKind.Government)), StringComparison.Ordinal);
        var other = SectionGuidance.For(6).Asks;
        Assert.Equal(4, other.Length);
        Assert.Contains("信息处理费", other[0], StringComparison.Ordinal);
        Assert.Contains("工作要点", other[1], StringComparison.Ordinal);
        Assert.Contains("建议", other[2], StringComparison.Ordinal);
        Assert.Contains("创新", other[3], StringComparison.Ordinal);
        Assert.Equal("六、其他需要报告的事项", SectionGuidance.For(6).Heading);
    }
}
