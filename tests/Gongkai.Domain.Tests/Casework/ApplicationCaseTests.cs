using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using static Gongkai.Domain.Tests.Casework.Cases;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.Casework;

public sealed class ApplicationCaseTests
{
    [Theory]
    [InlineData(ReceiptChannel.InPerson, null, null, "2025-03-03")]
    [InlineData(ReceiptChannel.Oral, null, null, "2025-03-03")]
    [InlineData(ReceiptChannel.Post, "2025-03-06", null, "2025-03-06")]
    [InlineData(ReceiptChannel.Post, null, "2025-03-07", "2025-03-07")]
    [InlineData(ReceiptChannel.Online, null, "2025-03-04", "2025-03-04")]
    [InlineData(ReceiptChannel.Fax, null, "2025-03-03", "2025-03-03")]
    public void ReceivedOn_PerChannel_FollowsArticle31(ReceiptChannel channel, string? signedOn, string? confirmed, string expected)
    {
        var evidence = new ReceiptEvidence(D(2025, 3, 3), signedOn is null ? null : DateOnly.Parse(signedOn, System.Globalization.CultureInfo.InvariantCulture), confirmed is null ? null : DateOnly.Parse(confirmed, System.Globalization.CultureInfo.InvariantCulture));
        var result = ReceiptRule.ReceivedOn(channel, evidence);
        Assert.True(result.IsSuccess);
        Assert.Equal(expected, result.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(ReceiptChannel.Online)]
    [InlineData(ReceiptChannel.Fax)]
    [InlineData(ReceiptChannel.Post)]
    public void ReceivedOn_MissingConfirmation_IsRefused(ReceiptChannel channel)
    {
        var result = ReceiptRule.ReceivedOn(channel, new ReceiptEvidence(D(2025, 3, 3)));
        Assert.Equal("receipt.missing-date", result.Code);
        Assert.Throws<ProblemException>(() => Application.Create(Guid.NewGuid(), "T", Person(), "x", DeliveryForm.Email, channel, new ReceiptEvidence(D(2025, 3, 3))));
    }

    [Fact]
    public void TryRegister_DateOtherThanReceipt_IsRefused()
    {
        var app = App(D(2025, 3, 3));
        var result = ApplicationCase.TryRegister(new Registered(D(2025, 3, 4), By, app));
        Assert.Equal("register.receipt-date", result.Code);
    }

    [Fact]
    public void Deadline_ReceivedOnMakeUpSunday_ExplainsStepByStep()
    {
        var c = Register(D(2025, 9, 28), channel: ReceiptChannel.Online);
        var deadline = c.Deadline();
        Assert.Equal(D(2025, 10, 31), deadline.DueOn);
        Assert.False(deadline.IsPaused);
        Assert.Equal("received", deadline.Steps[0].Code);
        Assert.StartsWith("收到申请 2025-09-28（周日，调休上班，国庆节、中秋节），网络", deadline.Steps[0].Text, StringComparison.Ordinal);
        Assert.Equal(["received", "holiday", "make-up-day", "due"], deadline.Steps.Select(s => s.Code));
    }

    [Fact]
    public void Decided_InTime_IsDecidedAndNotLate()
    {
        var c = Register(D(2025, 3, 3)).Then(Decide(D(2025, 3, 20)));
        Assert.Equal(ApplicationState.Decided, c.State);
        Assert.Equal(ApplicationOutcome.Granted, c.Outcome);
        Assert.Equal(D(2025, 3, 20), c.ConcludedOn);
        Assert.False(c.Deadline().AnsweredLate);
        Assert.Equal(ApplicationState.Closed, c.Then(new Closed(D(2025, 3, 21), By)).State);
    }

    [Fact]
    public void Decided_AfterDue_IsMarkedLate()
    {
        var c = Register(D(2025, 3, 3)).Then(Decide(D(2025, 4, 30)));
        Assert.True(c.Deadline().AnsweredLate);
    }

    [Fact]
    public void SupplementRequested_WithinSevenWorkingDays_PausesThenRestartsClock()
    {
        // Received Mon 2025-03-03: the 7th working day is 03-12.
        var c = Register(D(2025, 3, 3));
        Assert.Equal(D(2025, 3, 12), c.SupplementNoticeDue().Value);
        c = c.Then(new SupplementRequested(D(2025, 3, 12), By, "请明确所需信息的文号", D(2025, 3, 26)));
        Assert.Equal(ApplicationState.AwaitingSupplement, c.State);
        Assert.Null(c.Deadline().DueOn);
        Assert.True(c.Deadline().IsPaused);

        c = c.Then(new SupplementReceived(D(2025, 3, 20), By));
        Assert.Equal(WorkingDayCalendar.China.Deadline(D(2025, 3, 20), 20).DueOn, c.Deadline().DueOn);
        Assert.Contains(c.Deadline().Steps, s => s.Code == "supplement-received");
    }

    [Fact]
    public void SupplementRequested_AfterSevenWorkingDays_IsRefused()
    {
        var error = Register(D(2025, 3, 3)).Refused(new SupplementRequested(D(2025, 3, 13), By, "x"));
        Assert.Equal("supplement.too-late", error.Code);
        Assert.Contains("2025-03-12", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementRequested_Twice_IsRefused()
    {
        var c = Register(D(2025, 3, 3)).Then(new SupplementRequested(D(2025, 3, 4), By, "x"), new SupplementReceived(D(2025, 3, 6), By));
        Assert.Equal("supplement.once", c.Refused(new SupplementRequested(D(2025, 3, 7), By, "y")).Code);
    }

    [Fact]
    public void Abandoned_NoSupplement_BeforeLimit_IsRefusedAfterItCountsAsOtherNoSupplement()
    {
        var c = Register(D(2025, 3, 3)).Then(new SupplementRequested(D(2025, 3, 4), By, "x", D(2025, 3, 18)));
        Assert.Equal("abandon.supplement-limit-open", c.Refused(new Abandoned(D(2025, 3, 18), By, AbandonmentReason.NoSupplement)).Code);
        c = c.Then(new Abandoned(D(2025, 3, 19), By, AbandonmentReason.NoSupplement));
        Assert.Equal(ApplicationOutcome.OtherNoSupplement, c.Outcome);
        Assert.Equal(ApplicationState.Decided, c.State);
        Assert.Null(c.Deadline().DueOn);
        Assert.False(c.Deadline().IsPaused);
        Assert.Equal(["received", "supplement-requested", "paused", "decided"], c.Deadline().Steps.Select(x => x.Code));
    }

    [Fact]
    public void Consultation_PausesTheClockForItsWorkingDays()
    {
        var plain = Register(D(2025, 3, 3)).Deadline().DueOn!.Value;
        var c = Register(D(2025, 3, 3)).Then(new ConsultationStarted(D(2025, 3, 10), By, ConsultationParty.ThirdParty, "某某公司"));
        Assert.Equal(ApplicationState.Consulting, c.State);
        Assert.True(c.Deadline().IsPaused);
        Assert.Null(c.Deadline().DueOn);
        Assert.Equal(5, c.Deadline().Counted);
        Assert.Equal("event.invalid-transition", c.Refused(Decide(D(2025, 3, 12))).Code);

        c = c.Then(new ConsultationEnded(D(2025, 3, 24), By, ConsultationReply.Objected));
        var paused = WorkingDayCalendar.China.CountWorkingDays(D(2025, 3, 10), D(2025, 3, 24)).Value;
        Assert.Equal(10, paused);
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(plain, paused).Value, c.Deadline().DueOn);
        Assert.Contains(c.Deadline().Steps, s => s.Code == "consultation" && s.Text.Contains("10个工作日不计入", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsultationEnded_NoReplyBeforeFifteenWorkingDays_IsRefused()
    {
        var c = Register(D(2025, 3, 3)).Then(new ConsultationStarted(D(2025, 3, 10), By, ConsultationParty.ThirdParty, "某某公司"));
        Assert.Equal(D(2025, 3, 31), c.ConsultationReplyDue()!.Value.Value);
        Assert.Equal("consultation.no-reply-early", c.Refused(new ConsultationEnded(D(2025, 3, 31), By, ConsultationReply.NoReply)).Code);
        Assert.Equal(ApplicationState.Open, c.Then(new ConsultationEnded(D(2025, 4, 1), By, ConsultationReply.NoReply)).State);
        Assert.Null(Register(D(2025, 3, 3)).ConsultationReplyDue());
    }

    [Fact]
    public void WorkingDaysLeft_FromFakeClockToday_CountsToDueAndGoesNegative()
    {
        var deadline = Register(D(2025, 9, 28), channel: ReceiptChannel.Online).Deadline();
        var calendar = WorkingDayCalendar.China;
        var today = ChinaTime.Today(new FixedClock(new DateTimeOffset(2025, 10, 28, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(D(2025, 10, 29), today);
        Assert.Equal(2, deadline.WorkingDaysLeft(today, calendar)!.Value.Value);
        Assert.Equal(0, deadline.WorkingDaysLeft(D(2025, 10, 31), calendar)!.Value.Value);
        Assert.Equal(-1, deadline.WorkingDaysLeft(D(2025, 11, 3), calendar)!.Value.Value);
    }

    [Fact]
    public void Extended_UpToTwentyDays_MovesDueAndRecordsApprover()
    {
        var c = Register(D(2025, 3, 3));
        var due = c.Deadline().DueOn!.Value;
        c = c.Then(new Extended(D(2025, 3, 25), By, 20, "信息公开办主任李四", "需调取档案"));
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(due, 20).Value, c.Deadline().DueOn);
        Assert.Equal(40, c.Deadline().WorkingDays);
        Assert.Contains(c.Deadline().Steps, s => s.Code == "extended" && s.Text.Contains("李四", StringComparison.Ordinal));
    }

    [Fact]
    public void Extended_BeyondTwentyDaysInAll_IsRefused()
    {
        var c = Register(D(2025, 3, 3));
        Assert.Equal("extension.too-long", c.Refused(new Extended(D(2025, 3, 25), By, 21, "李四", "x")).Code);
        c = c.Then(new Extended(D(2025, 3, 25), By, 10, "李四", "x"));
        Assert.Equal("extension.too-long", c.Refused(new Extended(D(2025, 3, 26), By, 11, "李四", "x")).Code);
        Assert.Equal("extension.no-approver", c.Refused(new Extended(D(2025, 3, 26), By, 5, " ", "x")).Code);
    }

    [Fact]
    public void Extended_AfterDue_IsRefused()
    {
        var c = Register(D(2025, 3, 3));
        var due = c.Deadline().DueOn!.Value;
        Assert.Equal("extension.after-due", c.Refused(new Extended(due.AddDays(1), By, 5, "李四", "x")).Code);
    }

    [Fact]
    public void FeeNotified_PerPage_PausesUntilPaid()
    {
        var c = Register(D(2025, 6, 3), ApplicantKind.LegalServiceInstitution, ReceiptChannel.Fax);
        var plain = c.Deadline().DueOn!.Value;
        c = c.Then(new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 150, 0, 1700m));
        Assert.Equal(ApplicationState.AwaitingFee, c.State);
        Assert.True(c.Deadline().IsPaused);
        Assert.Equal(D(2025, 7, 8), c.FeePaymentDue()!.Value.Value);
        c = c.Then(new FeePaid(D(2025, 6, 20), By, 1700m));
        Assert.Equal(ApplicationState.Open, c.State);
        var paused = WorkingDayCalendar.China.CountWorkingDays(D(2025, 6, 10), D(2025, 6, 20)).Value;
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(plain, paused).Value, c.Deadline().DueOn);
    }

    [Fact]
    public void FeeNotified_FeeClockNotPausedPolicy_KeepsDue()
    {
        var rules = CaseRules.Default with { PauseWhileFeePayable = false };
        var c = Register(D(2025, 6, 3));
        var plain = c.Deadline(rules).DueOn;
        c = c.Append(new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 31, 0, 10m), rules).Append(new FeePaid(D(2025, 6, 20), By, 10m), rules);
        Assert.Equal(plain, c.Deadline(rules).DueOn);
    }

    [Fact]
    public void FeeNotified_SecondMethodOrWrongAmountOrFree_IsRefused()
    {
        var c = Register(D(2025, 6, 3));
        Assert.Equal("fee.amount-mismatch", c.Refused(new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 150, 0, 1500m)).Code);
        Assert.Equal("fee.free", c.Refused(new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 30, 0, 0m)).Code);
        c = c.Then(new FeeNotified(D(2025, 6, 10), By, FeeMethod.PerPage, 31, 0, 10m), new FeePaid(D(2025, 6, 12), By, 10m));
        Assert.Equal("fee.one-method", c.Refused(new FeeNotified(D(2025, 6, 13), By, FeeMethod.PerRequest, 1, 10, 100m)).Code);
        Assert.Equal("fee.once", c.Refused(new FeeNotified(D(2025, 6, 13), By, FeeMethod.PerPage, 40, 0, 100m)).Code);
    }

    [Fact]
    public void FeeUnpaid_AfterTwentyWorkingDays_IsAbandonedAsOtherFeeUnpaid()
    {
        var c = Register(D(2025, 7, 7), ApplicantKind.PublicWelfareOrganization)
            .Then(new FeeNotified(D(2025, 7, 9), By, FeeMethod.PerRequest, 1, 12, 100m));
        Assert.Equal(D(2025, 8, 6), c.FeePaymentDue()!.Value.Value);
        Assert.Equal("abandon.fee-limit-open", c.Refused(new Abandoned(D(2025, 8, 6), By, AbandonmentReason.FeeUnpaid)).Code);
        Assert.Equal("fee.paid-late", c.Refused(new FeePaid(D(2025, 8, 7), By, 100m)).Code);
        c = c.Then(new Abandoned(D(2025, 8, 7), By, AbandonmentReason.FeeUnpaid));
        Assert.Equal(ApplicationOutcome.OtherFeeUnpaid, c.Outcome);
    }

    [Fact]
    public void Transitions_Invalid_AreRefusedWithCodes()
    {
        var c = Register(D(2025, 3, 3));
        Assert.Equal("event.invalid-transition", c.Refused(new SupplementReceived(D(2025, 3, 4), By)).Code);
        Assert.Equal("event.invalid-transition", c.Refused(new ConsultationEnded(D(2025, 3, 4), By, ConsultationReply.Agreed)).Code);
        Assert.Equal("event.invalid-transition", c.Refused(new Closed(D(2025, 3, 4), By)).Code);
        Assert.Equal("event.invalid-transition", c.Refused(new FeePaid(D(2025, 3, 4), By, 1m)).Code);
        Assert.Equal("decision.use-abandoned", c.Refused(Decide(D(2025, 3, 4), ApplicationOutcome.OtherNoSupplement)).Code);
        Assert.Equal("decision.no-supplement", c.Refused(Decide(D(2025, 3, 4), ApplicationOutcome.UnableUnclearAfterSupplement)).Code);
        Assert.Equal("decision.no-ground", c.Refused(new Decided(D(2025, 3, 4), By, ApplicationOutcome.Granted, "")).Code);
        Assert.Equal("event.out-of-order", c.Refused(Decide(D(2025, 3, 2))).Code);
        Assert.Equal("event.already-registered", c.Refused(new Registered(D(2025, 3, 3), By, c.Application)).Code);
        Assert.Equal("event.no-actor", c.Refused(new Decided(D(2025, 3, 4), new Recorded("", Clock.GetUtcNow()), ApplicationOutcome.Granted, "x")).Code);

        var decided = c.Then(Decide(D(2025, 3, 4)));
        Assert.Equal("event.decided", decided.Refused(new Extended(D(2025, 3, 5), By, 5, "李四", "x")).Code);
        var closed = decided.Then(new Closed(D(2025, 3, 5), By));
        var error = closed.Refused(Decide(D(2025, 3, 6)));
        Assert.Equal("event.closed", error.Code);
        Assert.NotEmpty(error.Message);
        Assert.NotEmpty(error.MessageZh);
    }

    [Fact]
    public void Append_Refused_ThrowsProblemExceptionWithError()
    {
        var ex = Assert.Throws<ProblemException>(() => Register(D(2025, 3, 3)).Append(new Closed(D(2025, 3, 4), By)));
        Assert.Equal("event.invalid-transition", ex.Problem.Code);
    }

    /// <summary>The event options with the default encoder, which escapes every non-ASCII character.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions s_escaping =
        new(ApplicationEventJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    [Fact]
    public void Events_SerialiseAndReplay_RoundTrip()
    {
        var c = Register(D(2025, 3, 3), ApplicantKind.CommercialEnterprise, ReceiptChannel.Post)
            .Then(
                new SupplementRequested(D(2025, 3, 5), By, "x", D(2025, 3, 19)),
                new SupplementReceived(D(2025, 3, 10), By),
                new ConsultationStarted(D(2025, 3, 11), By, ConsultationParty.OtherAgency, "市财政局"),
                new ConsultationEnded(D(2025, 3, 18), By, ConsultationReply.Agreed),
                new Extended(D(2025, 3, 25), By, 10, "李四", "x"),
                new FeeNotified(D(2025, 3, 26), By, FeeMethod.PerPage, 120, 0, 1100m),
                new FeePaid(D(2025, 3, 28), By, 1100m),
                Decide(D(2025, 4, 10), ApplicationOutcome.PartiallyGranted),
                new Closed(D(2025, 4, 11), By));
        var stored = c.Events.Select(e => (e.Kind, Json: ApplicationEventJson.Serialize(e))).ToList();
        Assert.Equal(["registered", "supplement_requested", "supplement_received", "consultation_started", "consultation_ended", "extended", "fee_notified", "fee_paid", "decided", "closed"], stored.Select(s => s.Kind));
        Assert.Contains("\"kind\":\"fee_notified\"", stored[6].Json, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"PerPage\"", stored[6].Json, StringComparison.Ordinal);
        // Chinese is stored as text, not \uXXXX escapes (a third of the size, and readable in the database).
        Assert.Contains("市财政局", stored[3].Json, StringComparison.Ordinal);
        Assert.Contains("2024年度部门预算执行情况", stored[0].Json, StringComparison.Ordinal);

        var back = stored.Select(s => ApplicationEventJson.Deserialize(s.Kind, s.Json)).ToList();
        Assert.Equal(c.Events, back);
        var replayed = ApplicationCase.Replay(back);
        Assert.Equal(c.State, replayed.State);
        Assert.Equal(c.Deadline().DueOn, replayed.Deadline().DueOn);
        Assert.Equal(c.Events[0], ApplicationEventJson.Deserialize(stored[0].Json));

        // Events stored before, with every Chinese character escaped, read back the same.
        var escaped = System.Text.Json.JsonSerializer.Serialize<ApplicationEvent>(c.Events[3], s_escaping);
        Assert.Contains("\\u5E02", escaped, StringComparison.Ordinal);
        Assert.Equal(c.Events[3], ApplicationEventJson.Deserialize("consultation_started", escaped));
    }

    [Fact]
    public void Replay_FirstEventNotRegistered_Throws()
    {
        var ex = Assert.Throws<ProblemException>(() => ApplicationCase.Replay([new Closed(D(2025, 1, 1), By)]));
        Assert.Equal("event.first-not-registered", ex.Problem.Code);
    }

    [Fact]
    public void Outcomes_RowKeys_MatchTable3OutcomeRowsOf2021()
    {
        var layout = Gongkai.Domain.Reports.FormatCatalogue.Default.Layout("table3-2021");
        Assert.Equal(layout.Rows.Where(r => r.IsOutcome).Select(r => r.Key), Outcomes.All.Select(o => o.RowKey()));
        Assert.True(Outcomes.TryParse("withheld_third_party", out var o));
        Assert.Equal(ApplicationOutcome.WithheldThirdParty, o);
    }
}
