using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.AnnualReports.Drafts;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.AnnualReports;

public class ReportWorkflowTests
{
    private static readonly CellRef s_total = new("table3", "total", 6);

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    /// <summary>A draft whose table 3 总计 column does not balance: T3.balance, T3.row-total and T3.outcome-total errors.</summary>
    private static ReportDraft Broken() => Complete(Tables().WithCell(s_total, Cell.Of(94)));

    private static ReportWorkflow Started(ReportDraft? draft = null) => ReportWorkflow.Start(draft ?? Complete(), Officer, At(0));

    private static ReportWorkflow Submitted(ReportDraft? draft = null) => Started(draft).Submit(Officer, null, EarlyJanuary).Value;

    private static ReportWorkflow Published() =>
        Submitted().Accept(Supervisor, At(2)).Value.Publish(Approver, At(3)).Value;

    [Fact]
    public void Submit_WithUnexplainedError_Refused()
    {
        var w = Started(Broken());
        var result = w.Submit(Officer, null, EarlyJanuary);

        Assert.False(result.IsSuccess);
        Assert.Equal(AnnualReportCodes.UnexplainedErrors, result.Code);
        Assert.Contains("T3.balance", result.Problem.MessageZh, StringComparison.Ordinal);
        Assert.StartsWith("仍有错误未修正或未说明", result.Problem.MessageZh, StringComparison.Ordinal);
        Assert.Equal(ReportState.Draft, w.State);
    }

    [Fact]
    public void Submit_SomeErrorsExplained_StillRefused()
    {
        var draft = Broken();
        var first = ReportChecks.Run(draft, null, EarlyJanuary).Blocking[0];
        draft = draft.Explain(first.Key, "说明", "王经办", At(1)).Value;
        Assert.Equal(AnnualReportCodes.UnexplainedErrors, Started(draft).Submit(Officer, null, EarlyJanuary).Code);
    }

    [Fact]
    public void Submit_EachErrorExplained_Submitted_ExplanationVisibleToSupervisor()
    {
        var draft = Broken();
        foreach (var error in ReportChecks.Run(draft, null, EarlyJanuary).Blocking)
        {
            draft = draft.Explain(error.Key, "总计栏按上级汇总口径填报，差1件为跨年撤回的申请", "王经办", At(1)).Value;
        }

        var w = Started(draft).Submit(Officer, null, EarlyJanuary).Value;
        Assert.Equal(ReportState.Submitted, w.State);

        // What the supervisor sees: every error with its explanation, who wrote it and when.
        var seen = ReportChecks.Run(w.Draft, null, EarlyJanuary);
        Assert.NotEmpty(seen.Errors);
        Assert.All(seen.Errors, f =>
        {
            Assert.Equal("总计栏按上级汇总口径填报，差1件为跨年撤回的申请", f.Explanation?.Text);
            Assert.Equal("王经办", f.Explanation?.By);
            Assert.Equal(At(1), f.Explanation?.At);
        });
        Assert.True(seen.CanSubmit);
    }

    [Fact]
    public void Submit_ErrorFixedByOverride_Submitted()
    {
        var draft = Broken().Override(s_total, 95, "总计抄录错误", "王经办", At(1)).Value;
        Assert.Equal(ReportState.Submitted, Started(draft).Submit(Officer, null, EarlyJanuary).Value.State);
    }

    [Fact]
    public void Submit_AfterDeadline_RefusedUntilExplained()
    {
        var late = FixedClock.OnChinaDay(2025, 2, 3);
        Assert.Equal(AnnualReportCodes.UnexplainedErrors, Started().Submit(Officer, null, late).Code);
        var explained = Complete().Explain(AnnualReportCodes.DeadlinePassed, "系统故障延误", "王经办", At(1)).Value;
        Assert.Equal(ReportState.Submitted, Started(explained).Submit(Officer, null, late).Value.State);
    }

    [Fact]
    public void Return_NeedsComments_ThenEditableAndCommentsVisible()
    {
        var w = Submitted();
        Assert.Equal(AnnualReportCodes.CommentRequired, w.Return(Supervisor, " ", At(2)).Code);

        var returned = w.Return(Supervisor, "第五部分过于笼统，请具体写明问题。", At(2)).Value;
        Assert.Equal(ReportState.Returned, returned.State);
        Assert.True(returned.IsEditable);
        Assert.Equal("第五部分过于笼统，请具体写明问题。", returned.ReturnComments);

        var edited = returned.Edit(Officer, returned.Draft.WithText(5, "具体问题：答复文书模板未更新。"), At(3)).Value;
        Assert.Equal(ReportState.Returned, edited.State);
        Assert.Equal(ReportState.Submitted, edited.Submit(Officer, null, EarlyJanuary).Value.State);
    }

    [Fact]
    public void HappyPath_EveryTransitionRecordsWhoWhenRole()
    {
        var w = Published();
        Assert.Equal(ReportState.Published, w.State);
        Assert.Equal(
            [ReportAction.Created, ReportAction.Submitted, ReportAction.Accepted, ReportAction.Published],
            w.History.Select(h => h.Action));
        Assert.Equal([1, 2, 3, 4], w.History.Select(h => h.Sequence));
        Assert.Equal([ReportRole.Officer, ReportRole.Officer, ReportRole.Supervisor, ReportRole.Approver], w.History.Select(h => h.Actor.Role));
        Assert.Equal(EarlyJanuary.GetUtcNow(), w.History[1].At);
        Assert.Equal(At(3), w.History[3].At);
        Assert.Equal((ReportState.Accepted, ReportState.Published), (w.History[3].From, w.History[3].To));
        var version = Assert.Single(w.Versions);
        Assert.Equal(1, version.Revision);
        Assert.Equal(Approver, version.PublishedBy);
    }

    [Fact]
    public void Published_Locked_EditRefused()
    {
        var w = Published();
        var result = w.Edit(Officer, w.Draft.WithText(1, "改动"), At(4));
        Assert.Equal(AnnualReportCodes.Locked, result.Code);
        Assert.Contains("锁定", result.Problem!.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Correction_NewRevisionWithNote_EveryVersionKept()
    {
        var w = Published();
        Assert.Equal(AnnualReportCodes.NoteRequired, w.StartCorrection(Officer, "", At(4)).Code);

        var correcting = w.StartCorrection(Officer, "更正表二行政许可数量（原9487，应为9478）", At(4)).Value;
        Assert.Equal(ReportState.Draft, correcting.State);
        Assert.Equal(2, correcting.Revision);
        Assert.Equal(1, correcting.Current!.Revision); // the original stays public meanwhile

        var draft = correcting.Draft.Override(new CellRef("table2", "licensing", 0), 9478, "更正", "王经办", At(5)).Value;
        var republished = correcting.Edit(Officer, draft, At(5)).Value
            .Submit(Officer, null, EarlyJanuary).Value
            .Accept(Supervisor, At(6)).Value
            .Publish(Supervisor, At(7)).Value;

        Assert.Equal([1, 2], republished.Versions.Select(v => v.Revision));
        Assert.Null(republished.Versions[0].RevisionNote);
        Assert.Equal("更正表二行政许可数量（原9487，应为9478）", republished.Versions[1].RevisionNote);
        Assert.Equal(0m, republished.Versions[0].Draft.EffectiveTables()["table2", "licensing", 0].Value);
        Assert.Equal(9478m, republished.Versions[1].Draft.EffectiveTables()["table2", "licensing", 0].Value);
        Assert.True(republished.History.Select(h => h.Sequence).SequenceEqual(Enumerable.Range(1, republished.History.Length)));
    }

    [Fact]
    public void Correction_AfterDeadline_NotHeldToIt()
    {
        var late = FixedClock.OnChinaDay(2025, 6, 1);
        var correcting = Published().StartCorrection(Officer, "更正错字", At(4)).Value;
        Assert.DoesNotContain(correcting.Checks(null, late).Findings, f => f.Code == AnnualReportCodes.DeadlinePassed);
        Assert.Equal(ReportState.Submitted, correcting.Submit(Officer, null, late).Value.State);
        Assert.Contains(Started().Checks(null, late).Findings, f => f.Code == AnnualReportCodes.DeadlinePassed);
        Assert.DoesNotContain(Published().Checks(null, late).Findings, f => f.Code == AnnualReportCodes.DeadlinePassed);
        Assert.False(Published().PublishedLate()); // published on 10 January
        Assert.Null(Started().PublishedLate());
    }

    [Fact]
    public void InvalidTransitions_RefusedWithCodeAndChineseMessage()
    {
        var draft = Started();
        var accept = draft.Accept(Supervisor, At(1));
        Assert.Equal(AnnualReportCodes.WrongState, accept.Code);
        Assert.Contains("草稿", accept.Problem!.MessageZh, StringComparison.Ordinal);
        Assert.Equal(AnnualReportCodes.WrongState, draft.Publish(Supervisor, At(1)).Code);
        Assert.Equal(AnnualReportCodes.WrongState, draft.Return(Supervisor, "意见", At(1)).Code);
        Assert.Equal(AnnualReportCodes.WrongState, Submitted().Edit(Officer, Complete(), At(2)).Code);
        Assert.Equal(AnnualReportCodes.WrongState, Submitted().Submit(Officer, null, EarlyJanuary).Code);
        Assert.Equal(AnnualReportCodes.WrongState, Submitted().Publish(Supervisor, At(2)).Code);
    }

    [Fact]
    public void Roles_OnlyPermittedRolesMayAct()
    {
        Assert.Equal(AnnualReportCodes.NotPermitted, Submitted().Accept(Officer, At(2)).Code);
        Assert.Equal(AnnualReportCodes.NotPermitted, Submitted().Return(Approver, "意见", At(2)).Code);
        Assert.Equal(AnnualReportCodes.NotPermitted, Started().Submit(Supervisor, null, EarlyJanuary).Code);
        Assert.Equal(AnnualReportCodes.NotPermitted, Started().Edit(Supervisor, Complete(), At(1)).Code);
        var accepted = Submitted().Accept(Supervisor, At(2)).Value;
        Assert.Equal(AnnualReportCodes.NotPermitted, accepted.Publish(Officer, At(3)).Code);
        Assert.Equal([ReportAction.Published], accepted.AllowedActions(ReportRole.Approver));
        Assert.Empty(accepted.AllowedActions(ReportRole.Officer));
    }

    [Fact]
    public void Edit_OtherAgencyOrYear_Refused()
    {
        var other = ReportDraft.Start("别的机关", AgencyKind.Department, 2024, Tables(), TablesOrigin.Typed);
        Assert.Equal(AnnualReportCodes.IdentityChanged, Started().Edit(Officer, other, At(1)).Code);
    }

    [Fact]
    public void Json_DuringCorrection_TopLevelIsThePublishedVersion()
    {
        var correcting = Published().StartCorrection(Officer, "更正错字", At(4)).Value;
        var draft = correcting.Draft.Override(new CellRef("table2", "licensing", 0), 7, "更正", "王经办", At(5)).Value;
        correcting = correcting.Edit(Officer, draft, At(5)).Value;

        var json = ReportWorkflowJson.Serialize(correcting);
        Assert.Equal(0m, ReportJson.Parse(json)["table2", "licensing", 0].Value); // what the public sees
        Assert.Equal(7m, ReportWorkflowJson.ParseWorkflow(json).Draft.EffectiveTables()["table2", "licensing", 0].Value);

        var republished = correcting.Submit(Officer, null, EarlyJanuary).Value.Accept(Supervisor, At(6)).Value.Publish(Supervisor, At(7)).Value;
        var after = ReportWorkflowJson.Serialize(republished);
        Assert.Equal(7m, ReportJson.Parse(after)["table2", "licensing", 0].Value);
        Assert.Contains("更正说明（第2版", republished.Current!.ToReport().Sections[5].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrip_WorkflowWithVersionsAndHistory()
    {
        var w = Published().StartCorrection(Officer, "更正说明", At(4)).Value;
        var back = ReportWorkflowJson.ParseWorkflow(ReportWorkflowJson.Serialize(w));
        Assert.Equal(w.State, back.State);
        Assert.Equal(w.Revision, back.Revision);
        Assert.Equal(w.RevisionNote, back.RevisionNote);
        for (var i = 0; i < w.History.Length; i++)
        {
            Assert.Equal((w.History[i].Comment, w.History[i].At, w.History[i].Actor), (back.History[i].Comment, back.History[i].At, back.History[i].Actor));
            Assert.Equal(w.History[i], back.History[i]);
        }

        Assert.Equal(w.Versions.Select(v => (v.Revision, v.PublishedAt, v.PublishedBy, v.RevisionNote)), back.Versions.Select(v => (v.Revision, v.PublishedAt, v.PublishedBy, v.RevisionNote)));
        Assert.Equal(ReportJson.Serialize(w.Versions[0].Draft.ToReport()), ReportJson.Serialize(back.Versions[0].Draft.ToReport()));
        Assert.True(ReportWorkflowJson.HasDraft(ReportWorkflowJson.Serialize(w)));
        Assert.False(ReportWorkflowJson.HasDraft(ReportJson.Serialize(Tables())));
    }
}
