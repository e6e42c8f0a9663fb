using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public class RuleEngineTests
{
    private static readonly string[] s_applicants = ["natural_person", "commercial_enterprise", "research_institution", "public_welfare_organization", "legal_service_institution", "other_organization", "total"];

    /// <summary>A consistent 2021 report: 10 new + 2 carried = 9 granted + 1 not held + 2 carried forward (natural persons).</summary>
    internal static ReportBuilder Consistent(string format = "2021")
    {
        var b = new ReportBuilder(format) { Agency = "某局", Year = 2023 };
        foreach (var layout in b.Catalogue.Format(format).LayoutIds.Select(b.Catalogue.Layout))
        {
            foreach (var cell in layout.Cells())
            {
                b.Set(cell, Cell.Of(0, new SourceLocation("r.txt", 1)));
            }
        }

        void Row(string row, params decimal[] natural)
        {
            b.Set("table3", row, 0, natural[0], new SourceLocation("r.txt", 10));
            b.Set("table3", row, 6, natural[0], new SourceLocation("r.txt", 10));
        }

        Row("new_received", 10);
        Row("carried_over", 2);
        Row("granted", 9);
        Row("unable_not_held", 1);
        Row("total", 10);
        Row("carried_forward", 2);
        b.Set("table4", "reconsideration", 0, 1).Set("table4", "reconsideration", 4, 1);
        return b;
    }

    [Fact]
    public void Check_ConsistentReport_HasNoFindings()
    {
        Assert.Empty(RuleEngine.Check(Consistent().Build()));
        Assert.Empty(RuleEngine.Check(Consistent("2019").Build()));
    }

    [Fact]
    public void Check_BalanceBroken_ReportsT3BalanceForTheColumn()
    {
        var report = Consistent().Set("table3", "carried_forward", 0, 3).Set("table3", "carried_forward", 6, 3).Build();

        var findings = RuleEngine.Check(report).Where(d => d.Code == DiagnosticCodes.T3Balance).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Equal("自然人列：本年新收(10)+上年结转(2)≠总计(10)+结转下年度(3)", findings[0].Message);
        Assert.Equal(Severity.Error, findings[0].Severity);
    }

    [Fact]
    public void Check_RowTotalBroken_ReportsT3RowTotal()
    {
        var report = Consistent().Set("table3", "granted", 1, 1).Set("table3", "total", 1, 1).Set("table3", "new_received", 1, 1).Build();

        var findings = RuleEngine.Check(report);
        Assert.All(findings, f => Assert.Equal(DiagnosticCodes.T3RowTotal, f.Code));
        var finding = findings.Single(f => f.Message.StartsWith("予以公开行", StringComparison.Ordinal));
        Assert.StartsWith("予以公开行：总计(9)≠自然人(9)+商业企业(1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OutcomeTotalBroken_ReportsT3OutcomeTotal()
    {
        var report = Consistent().Set("table3", "granted", 0, 8).Set("table3", "granted", 6, 8).Build();

        var findings = RuleEngine.Check(report);

        Assert.Equal([DiagnosticCodes.T3OutcomeTotal, DiagnosticCodes.T3OutcomeTotal], findings.Select(f => f.Code));
        Assert.Contains("（合计9）", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_2019Layout_UsesItsSingleOtherRowInOutcomeTotal()
    {
        var report = Consistent("2019").Set("table3", "other", 0, 1).Set("table3", "other", 6, 1).Build();

        var finding = RuleEngine.Check(report)[0];

        Assert.Equal(DiagnosticCodes.T3OutcomeTotal, finding.Code);
        Assert.Contains("其他处理(1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Table4TotalBroken_ReportsT4Total()
    {
        var report = Consistent().Set("table4", "litigation_direct", 1, 2).Build();

        var finding = Assert.Single(RuleEngine.Check(report));
        Assert.Equal(DiagnosticCodes.T4Total, finding.Code);
        Assert.Equal("未经复议直接起诉行：总计(0)≠结果维持(0)+结果纠正(2)+其他结果(0)+尚未审结(0)（合计2）", finding.Message);
    }

    [Fact]
    public void Check_BlankCell_IsCellBlankWarningAndNotAnArithmeticError()
    {
        var report = Consistent().Set(new CellRef("table3", "granted", 0), Cell.Blank(new SourceLocation("r.txt", 12))).Build();

        var findings = RuleEngine.Check(report);

        var blank = Assert.Single(findings);
        Assert.Equal(DiagnosticCodes.CellBlank, blank.Code);
        Assert.Equal(Severity.Warning, blank.Severity);
        Assert.Equal("r.txt:12: CELL.blank 表三“予以公开”“自然人”列：单元格为空，应填数字（没有的填0）", blank.ToLine());
    }

    [Fact]
    public void Check_PlaceholderCell_IsCellNonNumeric()
    {
        var report = Consistent().Set(new CellRef("table2", "rules", 0), Cell.NonNumeric("/")).Build();

        var finding = Assert.Single(RuleEngine.Check(report));
        Assert.Equal(DiagnosticCodes.CellNonNumeric, finding.Code);
        Assert.Contains("表二“规章”“本年制发件数”列", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NegativeCount_IsCellNegative_ButNot2019Change()
    {
        var negative = Consistent().Set("table2", "penalty", 0, -1).Build();
        Assert.Equal(DiagnosticCodes.CellNegative, Assert.Single(RuleEngine.Check(negative)).Code);

        var change = Consistent("2019").Set("table2", "licensing", 1, -8).Build();
        Assert.Empty(RuleEngine.Check(change));
    }

    [Fact]
    public void Check_MissingAndAmbiguousCells_AreReported()
    {
        var report = Consistent()
            .Set(new CellRef("table4", "reconsideration", 2), Cell.Missing)
            .Set(new CellRef("table2", "licensing", 0), Cell.Ambiguous([12, 120], "120"))
            .Build();

        var codes = RuleEngine.Check(report).Select(d => d.Code).ToList();

        Assert.Contains(DiagnosticCodes.CellMissing, codes);
        Assert.Contains(DiagnosticCodes.CellAmbiguous, codes);
        Assert.Contains("12、120", RuleEngine.Check(report).Single(d => d.Code == DiagnosticCodes.CellAmbiguous).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FractionalCount_IsNonNumeric_ButFeesMayBeDecimal()
    {
        var fees = Consistent().Set("table2", "fees", 0, 12.35m).Build();
        Assert.Empty(RuleEngine.Check(fees));

        var count = Consistent().Set("table2", "penalty", 0, 1.5m).Build();
        Assert.Equal(DiagnosticCodes.CellNonNumeric, Assert.Single(RuleEngine.Check(count)).Code);
    }

    [Fact]
    public void Check_MixedLayouts_IsFormatMixedWarning()
    {
        var report = Consistent().UseLayout("table3-2019").Build();

        var mixed = RuleEngine.Check(report).Single(d => d.Code == DiagnosticCodes.FormatMixed);
        Assert.Equal(Severity.Warning, mixed.Severity);
    }

    [Fact]
    public void CheckAgainstPrevious_CarryOverAndInForce()
    {
        var previous = Consistent().Set("table3", "carried_forward", 0, 3).Set("table2", "normative_documents", 2, 10).Build();
        var report = Consistent().Set("table2", "normative_documents", 0, 2).Set("table2", "normative_documents", 2, 11).Build();

        var codes = RuleEngine.CheckAgainstPrevious(report, previous).Select(d => d.Code).ToList();

        Assert.Equal([DiagnosticCodes.CrossCarryOver, DiagnosticCodes.CrossInForce], codes);
    }
}
