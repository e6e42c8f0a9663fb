using System.Collections.Immutable;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;

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
    public static Result<ApplicationCase> TryRegister(Registered registered)
    {
        var app = registered.Application;
        var receipt = ReceiptRule.ReceivedOn(app.Channel, app.Evidence);
        if (receipt.Problem is { } problem)
        {
            return problem;
        }

        if (receipt.Value != app.ReceivedOn || registered.OccurredOn != app.ReceivedOn)
        {
            return CaseworkCodes.Problem(CaseworkCodes.RegisterReceiptDate, CaseworkCodes.Day(receipt.Value));
        }

        if (app.Requests < 1)
        {
            return CaseworkCodes.Problem(CaseworkCodes.RegisterRequests);
        }

        return new ApplicationCase([registered], CaseFold.Start(registered));
    }

    /// <summary>A new case from its registration; throws <see cref="ProblemException"/> if refused.</summary>
    public static ApplicationCase Register(Registered registered) => TryRegister(registered).Value;

    /// <summary>Rebuilds a case from stored events, checking every step; throws <see cref="ProblemException"/> on the first refused one.</summary>
    public static ApplicationCase Replay(IEnumerable<ApplicationEvent> events, CaseRules? rules = null)
    {
        ApplicationCase? c = null;
        foreach (var e in events)
        {
            c = c is null
                ? e is Registered r ? Register(r) : throw new ProblemException(CaseworkCodes.Problem(CaseworkCodes.FirstNotRegistered))
                : c.Append(e, rules);
        }

        return c ?? throw new ProblemException(CaseworkCodes.Problem(CaseworkCodes.NoEvents));
    }

    /// <summary>The case with <paramref name="e"/> appended, or the reason it is refused (an invalid transition, a time limit missed …; <see cref="CaseStepRules"/>).</summary>
    public Result<ApplicationCase> TryAppend(ApplicationEvent e, CaseRules? rules = null)
    {
        rules ??= CaseRules.Default;
        if (CaseStepRules.Check(this, _fold, e, rules) is { } problem)
        {
            return problem;
        }

        return new ApplicationCase(Events.Add(e), _fold.With(e));
    }

    /// <summary>The case with <paramref name="e"/> appended; throws <see cref="ProblemException"/> if refused.</summary>
    public ApplicationCase Append(ApplicationEvent e, CaseRules? rules = null) => TryAppend(e, rules).Value;

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
}
