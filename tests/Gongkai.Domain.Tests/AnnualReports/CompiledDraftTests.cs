using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.Casework.Cases;

namespace Gongkai.Domain.Tests.AnnualReports;

public class CompiledDraftTests
{
    private static List<ApplicationCase> Year2025() =>
    [
        Register(D(2025, 3, 3)).Then(Decide(D(2025, 3, 20))),
        Register(D(2025, 6, 3), ApplicantKind.LegalServiceInstitution, ReceiptChannel.Fax).Then(
            new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 150, 0, 1700m),
            new FeePaid(D(2025, 6, 20), By, 1700m),
            Decide(D(2025, 7, 1))),
        Register(D(2025, 12, 22)),
    ];

    [Fact]
    public void Compiled_Draft_OffersFiguresFromCasework_AndPassesChecks()
    {
        var cases = Year2025();
        var compiled = AnnualStatistics.Compile("兰陵县卫生健康局", 2025, cases, [], [], []);
        var draft = ReportDraft.Start("兰陵县卫生健康局", AgencyKind.Department, 2025, compiled.Report, TablesOrigin.Compiled)
            .WithFigures(new SupplementaryFigures(InformationFeesYuan: SupplementaryFigures.FeesPaidIn(cases, 2025)));

        var offered = OfferedFigures.For(draft).ToDictionary(f => f.Key);
        Assert.Equal(3m, offered["applications.received"].Value);
        Assert.Equal(0m, offered["applications.carried_over"].Value);
        Assert.Equal(2m, offered["applications.granted"].Value);
        Assert.Equal(1700m, offered["fees.information"].Value);
        Assert.Contains("结转下年度继续办理1件", offered["applications.outcomes"].Sentence, StringComparison.Ordinal);

        draft = draft.WithNarrative(1, offered["applications.received"].Sentence + "其中予以公开2件。").Value
            .WithNarrative(5, "答复文书模板尚未统一，下一步将统一模板。").Value
            .WithNarrative(6, "全年收取信息处理费1700元。").Value;
        var clock = new Casework.FixedClock(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero));
        var findings = ReportChecks.Run(draft, null, clock).Findings;
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.DoesNotContain(findings, f => f.Code == AnnualReportCodes.NarrativeFigure);

        var wrong = draft.WithNarrative(6, "全年收取信息处理费1,600元。").Value;
        var finding = Assert.Single(ReportChecks.Run(wrong, null, clock).Findings, f => f.Code == AnnualReportCodes.NarrativeFigure);
        Assert.Contains("1700", finding.Diagnostic.Message, StringComparison.Ordinal);
    }
}
