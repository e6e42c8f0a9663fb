using CsCheck;
using Gongkai.Domain.Disclosure;
using static Gongkai.Domain.Tests.Disclosure.TestData;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.Disclosure;

public class DisclosureWorkflowTests
{
    private static readonly IndexNumber s_index = new("11341702486344515H/2025-00001");
    private static readonly DateOnly s_day = new(2025, 3, 5);

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    private static DisclosureWorkflow Draft(string body = "正文。") => DisclosureWorkflow.Start(Item(body), Officer, T0).Value;

    private static DisclosureWorkflow Submitted(string body = "正文。")
    {
        var w = Draft(body);
        return w.Submit(Officer, Check(w.Item), At(1)).Value;
    }

    [Fact]
    public void HappyPath_EveryStepRecorded_Published()
    {
        var w = Submitted()
            .PassSecrecyReview(Secrecy, At(2), "不涉密").Value
            .PassLegalityReview(Legality, At(3), "合法").Value
            .Publish(Officer, s_index, s_day, At(4)).Value;

        Assert.Equal(DisclosureState.Published, w.State);
        Assert.Equal(s_index, w.Item.IndexNumber);
        Assert.Equal(s_day, w.Item.PublishedOn);
        Assert.Equal(
            [StepKind.Created, StepKind.Submitted, StepKind.SecrecyPassed, StepKind.LegalityPassed, StepKind.Published],
            w.Steps.Select(s => s.Kind));
        Assert.Equal([1, 2, 3, 4, 5], w.Steps.Select(s => s.Sequence));
        Assert.Equal("李审查", w.Steps[2].Actor.Name);
        Assert.Equal("不涉密", w.Steps[2].Comment);
        Assert.Equal(At(3), w.Steps[3].At);
        Assert.True(w.HasCompleteReview());
    }

    [Fact]
    public void Review_ByAuthor_Refused()
    {
        var w = Submitted();
        Assert.Equal(DisclosureCodes.OwnDraft, w.PassSecrecyReview(Officer, At(2)).Code);
        var passed = w.PassSecrecyReview(Secrecy, At(2)).Value;
        Assert.Equal(DisclosureCodes.OwnDraft, passed.PassLegalityReview(Officer, At(3)).Code);
    }

    [Fact]
    public void Review_ByEditor_Refused()
    {
        var w = Draft().Edit(Secrecy, Item("改过的正文。"), At(1)).Value;
        w = w.Submit(Officer, Check(w.Item), At(2)).Value;
        Assert.Equal(DisclosureCodes.OwnDraft, w.PassSecrecyReview(Secrecy, At(3)).Code);
    }

    [Fact]
    public void Review_NotDesignated_Refused()
    {
        var policy = new ReviewPolicy([Secrecy.Id], [Legality.Id]);
        var w = DisclosureWorkflow.Start(Item(), Officer, T0, policy).Value;
        w = w.Submit(Officer, Check(w.Item), At(1)).Value;
        Assert.Equal(DisclosureCodes.NotDesignated, w.PassSecrecyReview(Legality, At(2)).Code);
        w = w.PassSecrecyReview(Secrecy, At(2)).Value;
        Assert.Equal(DisclosureCodes.NotDesignated, w.PassLegalityReview(Secrecy, At(3)).Code);
    }

    [Fact]
    public void Submit_StaleChecks_Refused()
    {
        var w = Draft();
        var stale = Check(Item("别的正文"));
        Assert.Equal(DisclosureCodes.ChecksStale, w.Submit(Officer, stale, At(1)).Code);
    }

    [Fact]
    public void Return_WithComment_BackToDraftHistoryKept()
    {
        var w = Submitted().Return(Secrecy, "请删除个人信息", At(2));
        Assert.True(w.IsSuccess);
        Assert.Equal(DisclosureState.Draft, w.Value.State);
        Assert.Null(w.Value.Checks);
        Assert.Equal("请删除个人信息", w.Value.Steps[^1].Comment);
        Assert.Equal(3, w.Value.Steps.Length);
        Assert.Equal(DisclosureCodes.CommentRequired, Submitted().Return(Secrecy, " ", At(2)).Code);
    }

    [Fact]
    public void Findings_Open_BlockApprovalAndPublication()
    {
        // A wrong word is not personal data: 保密审查 passes, 合法性审查 is refused while it is open.
        var w = Submitted("希望大家再接再励。").PassSecrecyReview(Secrecy, At(2)).Value;
        Assert.Equal(FindingKind.WrongWord, Assert.Single(w.OpenFindings).Kind);
        Assert.Equal(DisclosureCodes.FindingsOpen, w.PassLegalityReview(Legality, At(3)).Code);
    }

    [Fact]
    public void Secrecy_OpenPersonalData_RefusedWithoutReason()
    {
        var w = Submitted("身份证号371324198506150013");
        Assert.Single(w.OpenPersonalData);
        Assert.Equal(DisclosureCodes.PersonalDataOpen, w.PassSecrecyReview(Secrecy, At(2)).Code);
        Assert.Equal(DisclosureCodes.PersonalDataOpen, w.PassSecrecyReview(Secrecy, At(2), "同意", "  ").Code);
        Assert.False(string.IsNullOrEmpty(DisclosureCodes.Messages.Zh(DisclosureCodes.PersonalDataOpen)));
        Assert.NotEqual(DisclosureCodes.PersonalDataOpen, DisclosureCodes.Messages.Zh(DisclosureCodes.PersonalDataOpen));
    }

    [Fact]
    public void Secrecy_OpenPersonalData_PassesWithReason_ReasonRecordedPerFinding()
    {
        // A valid ID and a miscopied one (wrong check character): both are personal data.
        var w = Submitted("身份证号371324198506150013，另一人371324198506150014");
        Assert.Equal([FindingKind.IdNumber, FindingKind.IdNumberWrongCheck], w.OpenPersonalData.Select(f => f.Kind).Order());

        w = w.PassSecrecyReview(Secrecy, At(2), "不涉密", "经本人书面同意公开（见附件授权书）").Value;
        Assert.Equal(DisclosureState.LegalityReview, w.State);
        Assert.Empty(w.OpenPersonalData);
        Assert.Equal(2, w.Acceptances.Length);
        Assert.All(w.Acceptances, a => Assert.Equal(("u-secrecy", "经本人书面同意公开（见附件授权书）"), (a.Reviewer.Id, a.Reason)));
        Assert.Equal(
            [StepKind.Created, StepKind.Submitted, StepKind.FindingAccepted, StepKind.FindingAccepted, StepKind.SecrecyPassed],
            w.Steps.Select(s => s.Kind));
        Assert.Equal(Secrecy, w.SecrecyReviewer);
    }

    [Fact]
    public void Legality_BySecrecyReviewer_RefusedAsSameReviewer()
    {
        var w = Submitted().PassSecrecyReview(Secrecy, At(2)).Value;
        Assert.False(w.MayReviewNow(Secrecy));
        Assert.True(w.MayReviewNow(Legality));
        Assert.False(w.MayReviewNow(Officer));
        Assert.Equal(DisclosureCodes.SameReviewer, w.PassLegalityReview(Secrecy, At(3)).Code);
        Assert.Equal(DisclosureState.Approved, w.PassLegalityReview(Legality, At(3)).Value.State);
    }

    [Fact]
    public void Review_BySubmitter_RefusedAsDrafter()
    {
        // 李审查 submits 王科员's draft: having sent it for review, 李审查 may not review it.
        var w = Draft();
        w = w.Submit(Secrecy, Check(w.Item), At(1)).Value;
        Assert.Contains(Secrecy.Id, w.Authors);
        Assert.Equal(DisclosureCodes.OwnDraft, w.PassSecrecyReview(Secrecy, At(2)).Code);
        Assert.False(w.MayReviewNow(Secrecy));
    }

    [Fact]
    public void HasCompleteReview_SameActorBothReviews_False()
    {
        // Histories this type never produces (restored from storage) are still not publishable.
        var ok = Submitted().PassSecrecyReview(Secrecy, At(2)).Value.PassLegalityReview(Legality, At(3)).Value;
        Assert.True(ok.HasCompleteReview());
        var forged = DisclosureWorkflow.Restore(ok.Item, ok.State, ok.Policy, ok.Authors,
            ok.Steps.Select(s => s.Kind == StepKind.LegalityPassed ? s with { Actor = Secrecy } : s), ok.Checks, ok.Acceptances);
        Assert.False(forged.HasCompleteReview());
        Assert.Equal(DisclosureCodes.WrongState, forged.Publish(Officer, s_index, s_day, At(4)).Code);
    }

    [Fact]
    public void Findings_AcceptedWithReason_Recorded_ThenApproved()
    {
        var w = Submitted("身份证号371324198506150013");
        var id = Assert.Single(w.OpenFindings).Id;
        Assert.Equal(DisclosureCodes.CommentRequired, w.AcceptFinding(Secrecy, id, "", At(2)).Code);
        Assert.Equal(DisclosureCodes.OwnDraft, w.AcceptFinding(Officer, id, "本人同意", At(2)).Code);
        Assert.Equal(DisclosureCodes.UnknownFinding, w.AcceptFinding(Secrecy, "nope", "理由", At(2)).Code);

        w = w.AcceptFinding(Secrecy, id, "系示例号码，非真实个人信息", At(2)).Value;
        Assert.Empty(w.OpenFindings);
        var acceptance = Assert.Single(w.Acceptances);
        Assert.Equal(("u-secrecy", "系示例号码，非真实个人信息"), (acceptance.Reviewer.Id, acceptance.Reason));
        Assert.Equal(id, w.Steps[^1].FindingId);

        w = w.PassSecrecyReview(Secrecy, At(3)).Value.PassLegalityReview(Legality, At(4)).Value;
        Assert.Equal(DisclosureState.Published, w.Publish(Officer, s_index, s_day, At(5)).Value.State);
    }

    [Fact]
    public void Findings_ResolvedByEditing_NewCheckClean()
    {
        var w = Submitted("身份证号371324198506150013").Return(Secrecy, "请删除身份证号", At(2)).Value;
        w = w.Edit(Officer, Item("身份证号3713**********0013"), At(3)).Value;
        w = w.Submit(Officer, Check(w.Item), At(4)).Value;
        Assert.Empty(w.OpenFindings);
    }

    [Fact]
    public void Correct_NewVersionPublicNote_IndexKept()
    {
        var published = Submitted().PassSecrecyReview(Secrecy, At(2)).Value.PassLegalityReview(Legality, At(3)).Value
            .Publish(Officer, s_index, s_day, At(4)).Value;
        var fixedItem = Item("更正后的正文。");
        var candidate = fixedItem with { Version = 2, IndexNumber = s_index, PublishedOn = s_day };
        var w = published.Correct(Legality, fixedItem, Check(candidate), "第二段日期有误，已更正", At(5)).Value;

        Assert.Equal(DisclosureState.Corrected, w.State);
        Assert.Equal(2, w.Item.Version);
        Assert.Equal(s_index, w.Item.IndexNumber);
        Assert.Equal("正文。", Assert.Single(w.PreviousVersions).Body);
        Assert.Equal("第二段日期有误，已更正", Assert.Single(w.PublicNotes).Comment);
        Assert.True(w.IsPublic);

        var withdrawn = w.Withdraw(Legality, "该文件已被新文件替代", new DateOnly(2025, 4, 1), At(6)).Value;
        Assert.Equal(DisclosureState.Withdrawn, withdrawn.State);
        Assert.False(withdrawn.IsPublic);
        Assert.False(withdrawn.Item.IsPublished);
        Assert.Equal(2, withdrawn.PublicNotes.Count());
    }

    [Fact]
    public void Correct_WithPersonalData_Refused()
    {
        var published = Submitted().PassSecrecyReview(Secrecy, At(2)).Value.PassLegalityReview(Legality, At(3)).Value
            .Publish(Officer, s_index, s_day, At(4)).Value;
        var bad = Item("电话13812345678");
        var checks = Check(bad with { Version = 2, IndexNumber = s_index, PublishedOn = s_day });
        Assert.Equal(DisclosureCodes.FindingsOpen, published.Correct(Legality, bad, checks, "更正", At(5)).Code);
    }

    [Fact]
    public void Publish_FromReviewStates_Refused()
    {
        Assert.Equal(DisclosureCodes.WrongState, Draft().Publish(Officer, s_index, s_day, At(1)).Code);
        Assert.Equal(DisclosureCodes.WrongState, Submitted().Publish(Officer, s_index, s_day, At(2)).Code);
        Assert.Equal(DisclosureCodes.WrongState, Submitted().PassSecrecyReview(Secrecy, At(2)).Value.Publish(Officer, s_index, s_day, At(3)).Code);
    }

    // ---- Laws: no sequence of commands reaches Published without every required step. ----

    private static readonly Actor[] s_actors = [Officer, Secrecy, Legality];
    private static readonly string[] s_bodies = ["正文。", "身份证号371324198506150013，电话13812345678。"];

    /// <summary>Every command the workflow has, with each actor where it matters.</summary>
    private static IEnumerable<(string Name, Func<DisclosureWorkflow, Result<DisclosureWorkflow>> Run)> Commands()
    {
        var n = 10;
        foreach (var a in s_actors)
        {
            foreach (var body in s_bodies)
            {
                yield return ($"edit {a.Id} {body.Length}", w => w.Edit(a, Item(body), At(n++)));
            }

            yield return ($"submit {a.Id}", w => w.Submit(a, Check(w.Item), At(n++)));
            yield return ($"submit-stale {a.Id}", w => w.Submit(a, Check(Item("陈旧")), At(n++)));
            yield return ($"accept-first {a.Id}", w => w.OpenFindings.FirstOrDefault() is { } f ? w.AcceptFinding(a, f.Id, "理由", At(n++)) : DisclosureCodes.Problem("none"));
            yield return ($"secrecy {a.Id}", w => w.PassSecrecyReview(a, At(n++)));
            yield return ($"secrecy-reason {a.Id}", w => w.PassSecrecyReview(a, At(n++), null, "保留理由"));
            yield return ($"legality {a.Id}", w => w.PassLegalityReview(a, At(n++)));
            yield return ($"return {a.Id}", w => w.Return(a, "退回", At(n++)));
            yield return ($"publish {a.Id}", w => w.Publish(a, s_index, s_day, At(n++)));
            yield return ($"withdraw {a.Id}", w => w.Withdraw(a, "撤回", s_day, At(n++)));
            yield return ($"correct {a.Id}", w =>
            {
                var c = Item("更正。");
                return w.Correct(a, c, Check(c with { Version = w.Item.Version + 1, IndexNumber = w.Item.IndexNumber, PublishedOn = w.Item.PublishedOn }), "更正", At(n++));
            });
        }
    }

    /// <summary>
    /// Checks, from the history alone, that a publication just made is backed by a submission, a
    /// secrecy pass and then a legality pass of the same version, by non-authors, with no return or
    /// edit in between, and that every blocking finding was accepted with a reason by a non-author.
    /// </summary>
    private static void AssertProperlyPublished(DisclosureWorkflow w)
    {
        var steps = w.Steps;
        var p = steps.Length - 1;
        Assert.Equal(StepKind.Published, steps[p].Kind);
        var s = steps.Take(p).ToList().FindLastIndex(x => x.Kind == StepKind.Submitted);
        Assert.True(s >= 0, "published without submission");
        var window = steps.Skip(s).Take(p - s).ToList();
        Assert.DoesNotContain(window, x => x.Kind is StepKind.Returned or StepKind.Edited);
        var sec = window.FindIndex(x => x.Kind == StepKind.SecrecyPassed);
        var leg = window.FindIndex(x => x.Kind == StepKind.LegalityPassed);
        Assert.True(sec > 0 && leg > sec, "reviews missing or out of order");
        Assert.DoesNotContain(window[sec].Actor.Id, w.Authors);
        Assert.DoesNotContain(window[leg].Actor.Id, w.Authors);
        Assert.NotEqual(window[sec].Actor.Id, window[leg].Actor.Id);
        foreach (var f in w.Checks!.Findings.Where(f => f.IsPersonalData))
        {
            Assert.Contains(window.Take(sec), x => x.Kind == StepKind.FindingAccepted && x.FindingId == f.Id);
        }

        Assert.NotNull(w.Checks);
        Assert.Equal(w.Item.ContentFingerprint(), w.Checks!.ContentFingerprint);
        foreach (var f in w.Checks.Findings.Where(f => f.Blocking))
        {
            Assert.Contains(window, x => x.Kind == StepKind.FindingAccepted && x.FindingId == f.Id
                && !string.IsNullOrWhiteSpace(x.Comment) && !w.Authors.Contains(x.Actor.Id));
        }
    }

    private static void AssertStepInvariants(DisclosureWorkflow before, DisclosureWorkflow after)
    {
        // Append-only: the old history is a prefix of the new one, plus at least one step (passing
        // 保密审查 with a reason also records one acceptance per open personal-data finding).
        Assert.True(after.Steps.Length > before.Steps.Length);
        Assert.True(before.Steps.SequenceEqual(after.Steps.Take(before.Steps.Length)));
        if (after.State == DisclosureState.Published && before.State != DisclosureState.Published)
        {
            AssertProperlyPublished(after);
        }

        if (after.State == DisclosureState.Corrected)
        {
            Assert.Equal(before.Item.IndexNumber, after.Item.IndexNumber);
            Assert.NotNull(after.Item.IndexNumber);
        }
    }

    [Fact]
    public void Exhaustive_AllCommandSequences_NeverPublishWithoutEveryStep()
    {
        var commands = Commands().ToList();
        var seen = new HashSet<string>();
        var frontier = new List<DisclosureWorkflow> { Draft(s_bodies[0]), Draft(s_bodies[1]) };
        var published = 0;
        for (var depth = 0; depth < 12 && frontier.Count > 0; depth++)
        {
            var next = new List<DisclosureWorkflow>();
            foreach (var w in frontier)
            {
                foreach (var (_, run) in commands)
                {
                    var r = run(w);
                    if (!r.IsSuccess)
                    {
                        continue;
                    }

                    AssertStepInvariants(w, r.Value);
                    if (r.Value.State == DisclosureState.Published)
                    {
                        published++;
                    }

                    if (seen.Add(Key(r.Value)))
                    {
                        next.Add(r.Value);
                    }
                }
            }

            frontier = next;
        }

        Assert.True(published > 0, "the search never reached Published: the test would be vacuous");
    }

    private static string Key(DisclosureWorkflow w)
    {
        // In Draft the history since the last submission does not matter any more; elsewhere it does.
        var lastSubmit = w.Steps.ToList().FindLastIndex(s => s.Kind == StepKind.Submitted);
        var progress = w.State == DisclosureState.Draft || lastSubmit < 0
            ? ""
            : string.Join(",", w.Steps.Skip(lastSubmit).Where(s => s.Kind is not (StepKind.Corrected or StepKind.Withdrawn)).Select(s => $"{s.Kind}:{s.Actor.Id}"));
        return $"{w.State}|{w.Item.Version}|{w.Item.Body}|{string.Join(",", w.Authors.Order())}|{w.Checks?.ContentFingerprint}|{string.Join(",", w.Acceptances.Select(a => a.FindingId).Order())}|{progress}";
    }

    [Fact]
    public void Property_RandomCommandSequences_NeverPublishWithoutEveryStep()
    {
        var commands = Commands().ToList();
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, commands.Count - 1].Array[0, 40]).Sample((body, script) =>
        {
            var w = Draft(s_bodies[body]);
            foreach (var c in script)
            {
                var r = commands[c].Run(w);
                if (r.IsSuccess)
                {
                    AssertStepInvariants(w, r.Value);
                    w = r.Value;
                }
            }
        }, iter: 2000);
    }
}
