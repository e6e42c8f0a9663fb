using System.Collections.Immutable;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Casework;

/// <summary>Where an application stands, derived from its events.</summary>
public enum ApplicationState
{
    /// <summary>办理中: the answer period is running.</summary>
    Open,

    /// <summary>待补正: waiting for the applicant's 补正; the period restarts when it arrives.</summary>
    AwaitingSupplement,

    /// <summary>征求意见中: the answer period is paused.</summary>
    Consulting,

    /// <summary>待缴费: waiting for the applicant to pay a 信息处理费.</summary>
    AwaitingFee,

    /// <summary>已答复 (or deemed abandoned): the outcome is fixed.</summary>
    Decided,

    /// <summary>已办结归档.</summary>
    Closed,
}

/// <summary>
/// The rules a case is held to: the working-day calendar, the counting policy, and whether the answer period pauses
/// while a fee is payable (国办函〔2020〕109号 is not verified on this point, ogi-domain.md C.2 [U]; default: paused).
/// </summary>
public sealed record CaseRules(WorkingDayCalendar Calendar, CountingPolicy Counting, bool PauseWhileFeePayable = true)
{
    public static CaseRules Default { get; } = new(WorkingDayCalendar.China, CountingPolicy.Default);
}

/// <summary>
/// One application and its append-only history (event-sourced). Immutable: <see cref="TryAppend"/> returns a new
/// case or the reason the step is refused. Everything else (state, outcome, due date) is derived from the events;
/// the due date is never typed in (<see cref="Deadline"/>).
/// </summary>
public sealed class ApplicationCase
{
    private readonly CaseFold _fold;

    private ApplicationCase(ImmutableArray<ApplicationEvent> events, CaseFold fold)
    {
        Events = events;
        _fold = fold;
    }

    public ImmutableArray<ApplicationEvent> Events { get; }

    public Application Application => _fold.Application;

    public Guid Id => Application.Id;

    public Applicant Applicant => Application.Applicant;

    /// <summary>The date of receipt (Art. 31).</summary>
    public DateOnly ReceivedOn => Application.ReceivedOn;

    public ApplicationState State => _fold.State;

    /// <summary>The table 3 outcome once decided or deemed abandoned.</summary>
    public ApplicationOutcome? Outcome => _fold.Outcome;

    /// <summary>The day of the decision or of the abandonment: after it the case no longer counts as open.</summary>
    public DateOnly? ConcludedOn => _fold.ConcludedOn;

    public DateOnly? ClosedOn => _fold.ClosedOn;

    /// <summary>The fee method chosen, if a fee was notified.</summary>
    public FeeMethod? FeeMethod => _fold.Fee?.Method;

    /// <summary>The 承办人's user name from the latest <see cref="Assigned"/> (null if none since registration or the last transfer).</summary>
    public string? Handler => _fold.Assignment?.Handler;

    /// <summary>The 承办人's name as shown.</summary>
    public string? HandlerName => _fold.Assignment?.HandlerName;

    /// <summary>Extension working days granted so far.</summary>
    public int ExtensionDays => _fold.ExtensionDays;

    /// <summary>Whether the case was registered on or before <paramref name="date"/> and not concluded on or before it.</summary>
    public bool IsOpenAtEndOf(DateOnly date) => ReceivedOn <= date && (ConcludedOn is not { } c || c > date);

    /// <summary>A new case from its registration. Refused if the event's date is not the Art. 31 date of receipt.</summary>
    public static CaseworkResult<ApplicationCase> TryRegister(Registered registered)
    {
        var app = registered.Application;
        var receipt = ReceiptRule.ReceivedOn(app.Channel, app.Evidence);
        if (receipt.Error is { } error)
        {
            return new(null!, error);
        }

        if (receipt.Value != app.ReceivedOn || registered.OccurredOn != app.ReceivedOn)
        {
            return Fail("register.receipt-date", $"登记日期应为第三十一条规定的收到日期 {receipt.Value:yyyy-MM-dd}", $"the registration date must be the Art. 31 date of receipt {receipt.Value:yyyy-MM-dd}");
        }

        if (app.Requests < 1)
        {
            return Fail("register.requests", "申请件数至少为1", "an application counts as at least one request");
        }

        return new(new ApplicationCase([registered], CaseFold.Start(registered)), null);
    }

    /// <summary>A new case from its registration; throws <see cref="CaseworkException"/> if refused.</summary>
    public static ApplicationCase Register(Registered registered) => Unwrap(TryRegister(registered));

    /// <summary>Rebuilds a case from stored events, checking every step; throws <see cref="CaseworkException"/> on the first refused one.</summary>
    public static ApplicationCase Replay(IEnumerable<ApplicationEvent> events, CaseRules? rules = null)
    {
        ApplicationCase? c = null;
        foreach (var e in events)
        {
            c = c is null
                ? e is Registered r ? Register(r) : throw new CaseworkException(new CaseworkError("event.first-not-registered", "第一个事件必须是登记", "the first event must be Registered"))
                : c.Append(e, rules);
        }

        return c ?? throw new CaseworkException(new CaseworkError("event.none", "没有事件", "no events"));
    }

    /// <summary>The case with <paramref name="e"/> appended, or the reason it is refused (an invalid transition, a time limit missed …).</summary>
    public CaseworkResult<ApplicationCase> TryAppend(ApplicationEvent e, CaseRules? rules = null)
    {
        rules ??= CaseRules.Default;
        if (Check(e, rules) is { } error)
        {
            return new(null!, error);
        }

        return new(new ApplicationCase(Events.Add(e), _fold.With(e)), null);
    }

    /// <summary>The case with <paramref name="e"/> appended; throws <see cref="CaseworkException"/> if refused.</summary>
    public ApplicationCase Append(ApplicationEvent e, CaseRules? rules = null) => Unwrap(TryAppend(e, rules));

    /// <summary>The answer deadline derived from the events, with the step-by-step explanation.</summary>
    public CaseDeadline Deadline(CaseRules? rules = null) => CaseDeadline.Derive(_fold, rules ?? CaseRules.Default);

    /// <summary>
    /// <see cref="Deadline"/>'s figures (due date, paused, provisional, late) without its explanation
    /// (<see cref="CaseDeadline.Steps"/> empty), for compiling or indexing many cases.
    /// </summary>
    public CaseDeadline DeadlineFigures(CaseRules? rules = null) => CaseDeadline.Derive(_fold, rules ?? CaseRules.Default, explain: false);

    /// <summary>The last day to notify a 补正 (7 working days from receipt, Art. 30).</summary>
    public CalendarAnswer<DateOnly> SupplementNoticeDue(CaseRules? rules = null)
    {
        rules ??= CaseRules.Default;
        return rules.Counting.LastDay(rules.Calendar, ReceivedOn, WorkingDays.SupplementNoticePeriod.Count);
    }

    /// <summary>The last day to pay a notified fee: 20 working days from the day after the notice.</summary>
    public CalendarAnswer<DateOnly>? FeePaymentDue(CaseRules? rules = null) =>
        _fold.Fee is { } fee ? CaseFold.PaymentDue(fee.NotifiedOn, rules ?? CaseRules.Default) : null;

    /// <summary>
    /// For a running consultation, the last day for the third party or other agency to reply: 15 working days from the
    /// day after the request (Arts. 32, 34). Null when no consultation is running.
    /// </summary>
    public CalendarAnswer<DateOnly>? ConsultationReplyDue(CaseRules? rules = null) =>
        State == ApplicationState.Consulting
            ? (rules ?? CaseRules.Default).Calendar.AddWorkingDays(_fold.Consultations[^1].Started.OccurredOn, WorkingDays.ConsultationPeriod)
            : null;

    private CaseworkError? Check(ApplicationEvent e, CaseRules rules)
    {
        var last = Events[^1];
        if (e is Registered)
        {
            return Error("event.already-registered", "申请已登记，不能再次登记", "the application is already registered");
        }

        if (e.OccurredOn < last.OccurredOn)
        {
            return Error("event.out-of-order", $"事件日期 {e.OccurredOn:yyyy-MM-dd} 早于上一事件 {last.OccurredOn:yyyy-MM-dd}", $"{e.Kind} on {e.OccurredOn:yyyy-MM-dd} is before the previous event ({last.OccurredOn:yyyy-MM-dd})");
        }

        if (string.IsNullOrWhiteSpace(e.Recorded.By))
        {
            return Error("event.no-actor", "未记录操作人", "who recorded the event is missing");
        }

        var state = State;
        if (state == ApplicationState.Closed)
        {
            return Error("event.closed", "已办结，不能再追加事件", "the case is closed");
        }

        if (e is Assigned assigned)
        {
            return string.IsNullOrWhiteSpace(assigned.Handler) || string.IsNullOrWhiteSpace(assigned.HandlerName)
                ? Error("assign.no-handler", "未选择承办人", "the handler is missing")
                : assigned.Handler == _fold.Assignment?.Handler
                    ? Error("assign.same", $"该申请的承办人已是{assigned.HandlerName}", $"{assigned.Handler} already handles the case")
                    : null;
        }

        if (state == ApplicationState.Decided && e is not Closed)
        {
            return Error("event.decided", $"已答复，只能办结归档，不能{CaseworkText.NameOf(e)}", $"the case is decided; only Closed may follow, not {e.Kind}");
        }

        switch (e)
        {
            case SupplementRequested s:
                if (_fold.SupplementRequestedOn is not null)
                {
                    return Error("supplement.once", "补正应一次性告知，不能再次要求补正（条例第三十条）", "a supplement may be requested only once (Art. 30)");
                }

                if (state != ApplicationState.Open || _fold.Consultations.Count > 0 || _fold.ExtensionDays > 0 || _fold.Fee is not null)
                {
                    return Error("supplement.state", $"当前状态（{CaseworkText.Of(state)}）不能要求补正", $"a supplement cannot be requested in state {state}");
                }

                var limit = SupplementNoticeDue(rules);
                if (s.OccurredOn > limit.Value)
                {
                    return Error("supplement.too-late", $"补正告知应在收到申请之日起7个工作日内（至 {limit.Value:yyyy-MM-dd}）作出", $"the supplement notice is due within 7 working days of receipt (by {limit.Value:yyyy-MM-dd})");
                }

                if (s.SupplyBy is { } by && by < s.OccurredOn)
                {
                    return Error("supplement.limit-before-notice", "补正期限早于告知日期", "the time limit for the supplement is before the notice");
                }

                return null;

            case SupplementReceived:
                return state == ApplicationState.AwaitingSupplement ? null : NotIn(e, state);

            case Abandoned { Reason: AbandonmentReason.NoSupplement } a:
                if (state != ApplicationState.AwaitingSupplement)
                {
                    return NotIn(e, state);
                }

                return _fold.SupplyBy is { } supplyBy && a.OccurredOn <= supplyBy
                    ? Error("abandon.supplement-limit-open", $"补正期限（{supplyBy:yyyy-MM-dd}）尚未届满", $"the time limit for the supplement ({supplyBy:yyyy-MM-dd}) has not passed")
                    : null;

            case Abandoned { Reason: AbandonmentReason.FeeUnpaid } a:
                if (state != ApplicationState.AwaitingFee)
                {
                    return NotIn(e, state);
                }

                var payBy = FeePaymentDue(rules)!.Value.Value;
                return a.OccurredOn <= payBy
                    ? Error("abandon.fee-limit-open", $"缴费期限（{payBy:yyyy-MM-dd}）尚未届满", $"the time limit for payment ({payBy:yyyy-MM-dd}) has not passed")
                    : null;

            case Abandoned:
                return Error("abandon.reason", "未知的放弃原因", "unknown abandonment reason");

            case ConsultationStarted c:
                if (state != ApplicationState.Open)
                {
                    return NotIn(e, state);
                }

                return string.IsNullOrWhiteSpace(c.PartyName) ? Error("consultation.no-party", "未写明征求意见对象", "whose views are sought is missing") : null;

            case ConsultationEnded ended:
                if (state != ApplicationState.Consulting)
                {
                    return NotIn(e, state);
                }

                var replyDue = ConsultationReplyDue(rules)!.Value.Value;
                return ended.Reply == ConsultationReply.NoReply && ended.OccurredOn <= replyDue
                    ? Error("consultation.no-reply-early", $"征求意见的答复期限（{replyDue:yyyy-MM-dd}，15个工作日）尚未届满，不能按逾期未提出意见处理", $"the 15 working days for a reply run until {replyDue:yyyy-MM-dd}; 'no reply' cannot be recorded before then")
                    : null;

            case Extended x:
                if (state is not (ApplicationState.Open or ApplicationState.Consulting))
                {
                    return NotIn(e, state);
                }

                if (string.IsNullOrWhiteSpace(x.ApprovedBy))
                {
                    return Error("extension.no-approver", "延长答复期限须经政府信息公开工作机构负责人同意，未记录批准人（条例第三十三条）", "an extension needs the approval of the head of the disclosure office (Art. 33); the approver is missing");
                }

                if (x.WorkingDays < 1)
                {
                    return Error("extension.days", "延长天数至少为1个工作日", "an extension is at least one working day");
                }

                if (_fold.ExtensionDays + x.WorkingDays > WorkingDays.MaxExtension.Count)
                {
                    return Error("extension.too-long", $"延长的期限最长不得超过20个工作日（已延长{_fold.ExtensionDays}个，本次{x.WorkingDays}个）", $"extensions may not exceed 20 working days in all (already {_fold.ExtensionDays}, now {x.WorkingDays})");
                }

                return AfterDue(x, rules, "extension.after-due", "答复期限已届满，不能再延长", "the answer period has already run out; it can no longer be extended");

            case FeeNotified f:
                if (_fold.Fee is { } previous)
                {
                    return previous.Method != f.Method
                        ? Error("fee.one-method", "同一申请只能选择按件或按量一种方式计收（国办函〔2020〕109号）", "one application is charged by one method only, per request or per page")
                        : Error("fee.once", "已发出收费通知", "a fee has already been notified");
                }

                if (state != ApplicationState.Open)
                {
                    return NotIn(e, state);
                }

                if (f.Units < 1 || f.PriorRequestsInMonth < 0)
                {
                    return Error("fee.units", "计费件数或页数无效", "invalid number of requests or pages");
                }

                var quote = FeeCalculator.Quote(f.Method, f.Units, f.PriorRequestsInMonth);
                if (quote.Amount == 0)
                {
                    return Error("fee.free", "未超过免费额度，不应收费", "within the free allowance; no fee may be charged");
                }

                if (quote.Amount != f.Amount)
                {
                    return Error("fee.amount-mismatch", $"收费金额应为 {quote.Amount:0.##} 元", $"the fee must be {quote.Amount:0.##} yuan");
                }

                return AfterDue(f, rules, "fee.after-due", "收费通知应在答复期限内发出", "the fee notice must be sent within the answer period");

            case FeePaid p:
                if (state != ApplicationState.AwaitingFee)
                {
                    return NotIn(e, state);
                }

                var due = FeePaymentDue(rules)!.Value.Value;
                if (p.OccurredOn > due)
                {
                    return Error("fee.paid-late", $"缴费期限已于 {due:yyyy-MM-dd} 届满，应视为放弃申请", $"the time limit for payment ended on {due:yyyy-MM-dd}; the application is deemed abandoned");
                }

                return p.Amount != _fold.Fee!.Amount
                    ? Error("fee.amount-mismatch", $"缴费金额应为 {_fold.Fee.Amount:0.##} 元", $"the payment must be {_fold.Fee.Amount:0.##} yuan")
                    : null;

            case Decided d:
                if (state != ApplicationState.Open)
                {
                    return NotIn(e, state);
                }

                if (d.Outcome is ApplicationOutcome.OtherNoSupplement or ApplicationOutcome.OtherFeeUnpaid)
                {
                    return Error("decision.use-abandoned", "逾期不补正或逾期未缴费应记录为“视为放弃申请”事件", "record failure to supplement or to pay with an Abandoned event");
                }

                if (d.Outcome == ApplicationOutcome.UnableUnclearAfterSupplement && _fold.SupplementReceivedOn is null)
                {
                    return Error("decision.no-supplement", "“补正后申请内容仍不明确”须先有补正", "“still unclear after supplement” needs a supplement first");
                }

                if (!Enum.IsDefined(d.Outcome))
                {
                    return Error("decision.outcome", "未知的办理结果", "unknown outcome");
                }

                if (d.Ground is { } ground && !DecisionGrounds.IsValidFor(ground, d.Outcome))
                {
                    return Error("decision.ground-outcome", "所选理由与办理结果不符", $"the ground '{ground}' does not apply to {d.Outcome.RowKey()}");
                }

                return string.IsNullOrWhiteSpace(d.LegalGround) ? Error("decision.no-ground", "未写明法律依据", "the legal ground is missing") : null;

            case Closed:
                return state == ApplicationState.Decided ? null : NotIn(e, state);

            case Transferred t:
                if (string.IsNullOrWhiteSpace(t.ToAgency) || t.ToAgency == t.FromAgency)
                {
                    return Error("transfer.agency", "请选择转办的另一机关", "the case must move to another agency");
                }

                return string.IsNullOrWhiteSpace(t.Reason) ? Error("transfer.no-reason", "请写明转办理由", "the reason for the transfer is missing") : null;

            default:
                return Error("event.unknown", "未知事件", $"unknown event {e.GetType().Name}");
        }
    }

    private CaseworkError? AfterDue(ApplicationEvent e, CaseRules rules, string code, string zh, string en)
    {
        var deadline = CaseDeadline.Derive(_fold, rules, explain: false);
        return deadline.DueOn is { } due && e.OccurredOn > due
            ? Error(code, $"{zh}（期限 {due:yyyy-MM-dd}）", $"{en} (due {due:yyyy-MM-dd})")
            : null;
    }

    private static CaseworkError NotIn(ApplicationEvent e, ApplicationState state) =>
        new("event.invalid-transition", $"当前状态为“{CaseworkText.Of(state)}”，不能{CaseworkText.NameOf(e)}", $"{e.Kind} is not allowed in state {state}");

    private static CaseworkError Error(string code, string zh, string en) => new(code, zh, en);

    private static CaseworkResult<ApplicationCase> Fail(string code, string zh, string en) => new(null!, new CaseworkError(code, zh, en));

    private static ApplicationCase Unwrap(CaseworkResult<ApplicationCase> result) =>
        result.Error is { } error ? throw new CaseworkException(error) : result.Value;
}
