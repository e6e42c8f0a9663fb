using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.AnnualReports.Drafts;

namespace Gongkai.Domain.Tests.AnnualReports;

public class ReportDraftTests
{
    private static readonly CellRef s_received = new("table3", "new_received", 6);

    [Fact]
    public void Override_WithoutReason_Refused()
    {
        var result = Complete().Override(s_received, 96, "  ", "王经办", T0);
        Assert.Equal(AnnualReportCodes.ReasonRequired, result.Code);
    }

    [Fact]
    public void Override_UnknownCell_Refused()
    {
        var result = Complete().Override(new CellRef("table3", "no_such_row", 0), 1, "理由", "王经办", T0);
        Assert.Equal(AnnualReportCodes.UnknownCell, result.Code);
        Assert.Equal(AnnualReportCodes.UnknownCell, Complete().Override(new CellRef("table3", "granted", 7), 1, "理由", "王经办", T0).Code);
    }

    [Fact]
    public void Override_RecordsOldNewWhoWhen_BaseTablesUnchanged()
    {
        var draft = Complete().Override(s_received, 96, "补录一件纸质申请", "王经办", T0).Value;

        var o = draft.Overrides[s_received];
        Assert.Equal(95m, o.Old.Value);
        Assert.Equal(96m, o.New);
        Assert.Equal("补录一件纸质申请", o.Reason);
        Assert.Equal("王经办", o.By);
        Assert.Equal(T0, o.At);
        Assert.Equal(95m, draft.Tables[s_received].Value);
        Assert.Equal(96m, draft.EffectiveTables()[s_received].Value);
        Assert.Equal(95m, draft.RemoveOverride(s_received).EffectiveTables()[s_received].Value);
    }

    [Fact]
    public void WithTables_KeepsOverrides_OldValueRereadFromNewTables()
    {
        var draft = Complete().Override(s_received, 96, "补录", "王经办", T0).Value
            .WithTables(Tables(received: 97), TablesOrigin.Compiled);
        Assert.Equal(97m, draft.Overrides[s_received].Old.Value);
        Assert.Equal(96m, draft.EffectiveTables()[s_received].Value);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void WithNarrative_TableSection_Refused(int section) =>
        Assert.Equal(AnnualReportCodes.NotWrittenSection, Complete().WithNarrative(section, "文字").Code);

    [Fact]
    public void WithNarrative_Blank_RemovesText()
    {
        var draft = Complete().WithText(5, "  \n ");
        Assert.Equal(string.Empty, draft.TextOf(5));
        Assert.False(draft.Narrative.ContainsKey(5));
    }

    [Fact]
    public void ToReport_SixSectionsWithCatalogueHeadings_TablesEffective()
    {
        var report = Complete().Override(s_received, 96, "补录", "王经办", T0).Value.ToReport();
        Assert.Equal([1, 2, 3, 4, 5, 6], report.Sections.Select(s => s.Number));
        Assert.Equal("一、总体情况", report.Sections[0].Heading);
        Assert.Equal(Overview, report.Sections[0].Text);
        Assert.Equal(string.Empty, report.Sections[2].Text);
        Assert.Equal(96m, report[s_received].Value);
        Assert.Equal("淮安市洪泽区人民政府2024年政府信息公开工作年度报告", report.Title);
    }

    [Fact]
    public void Explain_EmptyText_Refused() =>
        Assert.Equal(AnnualReportCodes.ExplanationRequired, Complete().Explain("T3.balance@table3.new_received[0]", " ", "王经办", T0).Code);

    [Fact]
    public void Json_RoundTrip_KeepsEverything()
    {
        var draft = Complete()
            .Override(s_received, 96, "补录", "王经办", T0).Value
            .Explain("T3.balance@table3.new_received[0]", "系统外受理一件", "王经办", T0).Value
            .WithFigures(new SupplementaryFigures(2428, 0m));

        var json = ReportWorkflowJson.Serialize(draft);
        var back = ReportWorkflowJson.ParseDraft(json);

        Assert.Equal(draft.Agency, back.Agency);
        Assert.Equal(draft.Kind, back.Kind);
        Assert.Equal(draft.Year, back.Year);
        Assert.Equal(draft.Narrative, back.Narrative);
        Assert.Equal(draft.Overrides[s_received], back.Overrides[s_received]);
        Assert.Equal(draft.Explanations.Values, back.Explanations.Values);
        Assert.Equal(draft.Figures, back.Figures);
        Assert.Equal(ReportJson.Serialize(draft.ToReport()), ReportJson.Serialize(back.ToReport()));

        // The top level is canonical report JSON of the effective report: plain readers see 96.
        Assert.Equal(96m, ReportJson.Parse(json)[s_received].Value);
    }
}
