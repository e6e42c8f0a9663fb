using CsCheck;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.Casework;

public sealed class RegistersTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void DocumentRegister_IssuedRepealedInForce_CountsByYearAndDate()
    {
        RegulatoryDocument Doc(DateOnly issued, DateOnly? repealed = null, RegulatoryDocumentKind kind = RegulatoryDocumentKind.NormativeDocument) =>
            new(Guid.NewGuid(), kind, "关于……的通知", "X政发〔2025〕1号", issued, repealed);
        var register = new[]
        {
            Doc(D(2023, 5, 1)),
            Doc(D(2025, 2, 1)),
            Doc(D(2022, 1, 1), D(2025, 6, 30)),
            Doc(D(2025, 3, 1), D(2025, 12, 31)),
            Doc(D(2025, 4, 1), kind: RegulatoryDocumentKind.Rule),
        };
        var kind = RegulatoryDocumentKind.NormativeDocument;
        Assert.Equal(2, DocumentRegister.IssuedIn(register, kind, 2025));
        Assert.Equal(2, DocumentRegister.RepealedIn(register, kind, 2025));
        Assert.Equal(2, DocumentRegister.InForceOn(register, kind, D(2025, 12, 31)));
        Assert.Equal(3, DocumentRegister.InForceOn(register, kind, D(2025, 12, 30)));
        Assert.Equal(2, DocumentRegister.InForceOn(register, kind, D(2024, 12, 31)));
        Assert.Equal(1, DocumentRegister.IssuedIn(register, RegulatoryDocumentKind.Rule, 2025));
    }

    [Fact]
    public void ToRegisterKind_DisclosureKinds_MapRuleAndNormativeDocumentOnly()
    {
        Assert.Equal(RegulatoryDocumentKind.Rule, Gongkai.Domain.Disclosure.DocumentKind.Rule.ToRegisterKind());
        Assert.Equal(RegulatoryDocumentKind.NormativeDocument, Gongkai.Domain.Disclosure.DocumentKind.NormativeDocument.ToRegisterKind());
        Assert.Null(Gongkai.Domain.Disclosure.DocumentKind.Other.ToRegisterKind());
    }

    [Fact]
    public void ReviewCase_OutcomeAsOf_PendingUntilDecided()
    {
        var r = ReviewCase.Reconsideration(Guid.NewGuid(), Guid.NewGuid(), D(2025, 11, 1), "市人民政府").Decide(ReviewOutcome.Corrected, D(2026, 1, 15));
        Assert.Null(r.OutcomeAsOf(D(2025, 12, 31)));
        Assert.Equal(ReviewOutcome.Corrected, r.OutcomeAsOf(D(2026, 12, 31)));
        var suit = ReviewCase.Litigation(Guid.NewGuid(), r.ApplicationId, D(2026, 2, 1), "某区人民法院", precedingReconsideration: r);
        Assert.Equal(ReviewRoute.LitigationAfterReconsideration, suit.Route);
        Assert.Equal(r.Id, suit.PrecedingReviewId);
        Assert.Equal(ReviewRoute.LitigationDirect, ReviewCase.Litigation(Guid.NewGuid(), null, D(2026, 2, 1), "法院").Route);
        Assert.Throws<ProblemException>(() => r.Decide(ReviewOutcome.Upheld, D(2025, 10, 1)));
    }

    [Fact]
    public void Parse_ValidCsv_ReadsMonths()
    {
        var result = MonthlyCountsCsv.Parse("""
            # 2025年 行政许可等月度统计
            month,licensing,penalty,coercion,fees
            2025-01,12,3,0,1.25
            "2025-02",5,"2",1,0

            2025-03,0,0,0,0.5
            """, "counts.csv");
        Assert.Empty(result.Diagnostics);
        Assert.Equal([new MonthlyCount(2025, 1, 12, 3, 0, 1.25m), new MonthlyCount(2025, 2, 5, 2, 1, 0m), new MonthlyCount(2025, 3, 0, 0, 0, 0.5m)], result.Counts.ToArray());
    }

    [Fact]
    public void Parse_ChineseHeaderAnyOrderWithBomAndCrlf_ReadsMonths()
    {
        var result = MonthlyCountsCsv.Parse("\uFEFF月份,收费金额（万元）,行政处罚,行政许可,行政强制\r\n2025-07,3.5,4,9,1\r\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new MonthlyCount(2025, 7, 9, 4, 1, 3.5m), Assert.Single(result.Counts));
    }

    [Fact]
    public void Parse_BadLines_ReportLineNumberedErrorsAndKeepGoodLines()
    {
        var result = MonthlyCountsCsv.Parse("""
            month,licensing,penalty,coercion,fees
            2025-01,12,3,0,1.25
            2025-13,1,1,1,1
            2025-02,-1,1,1,1
            2025-03,1,1,1
            2025-01,1,1,1,1
            2025-04,1,1,1,1万元
            "2025-05,1,1,1,1
            2025-06,1,1,1,0.1
            """, "counts.csv");
        Assert.Equal(
            [("CSV.month", 3), ("CSV.number", 4), ("CSV.fields", 5), ("CSV.duplicate", 6), ("CSV.number", 7), ("CSV.quote", 8)],
            result.Diagnostics.Select(d => (d.Code, d.Location!.Line!.Value)));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.StartsWith("counts.csv:3: CSV.month", result.Diagnostics[0].ToLine(), StringComparison.Ordinal);
        Assert.Equal([1, 6], result.Counts.Select(c => c.Month));
        Assert.True(result.HasErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    public void Parse_Empty_ReportsEmpty(string text)
    {
        Assert.Equal("CSV.empty", Assert.Single(MonthlyCountsCsv.Parse(text).Diagnostics).Code);
    }

    [Fact]
    public void Parse_MissingColumn_ReportsHeader()
    {
        var d = Assert.Single(MonthlyCountsCsv.Parse("month,licensing,penalty,fees\n2025-01,1,1,1\n").Diagnostics);
        Assert.Equal("CSV.header", d.Code);
        Assert.Equal(1, d.Location!.Line);
        Assert.Contains("coercion", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArbitraryText_NeverThrows()
    {
        Gen.String.Sample(text => MonthlyCountsCsv.Parse(text));
        Gen.Char["0123456789-,.\"\n#月 x"].Array[0, 200].Sample(chars =>
            MonthlyCountsCsv.Parse("month,licensing,penalty,coercion,fees\n" + new string(chars)));
    }
}
