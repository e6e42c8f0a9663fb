using System.Collections.Immutable;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Casework;

/// <summary>A consultation: the answer period is paused on the days after <see cref="Started"/> up to and including <see cref="Ended"/>.</summary>
internal sealed record ConsultationSpan(ConsultationStarted Started, ConsultationEnded? Ended);

/// <summary>A notified fee.</summary>
internal sealed record FeeState(FeeMethod Method, decimal Amount, DateOnly NotifiedOn, DateOnly? PaidOn);

/// <summary>The facts of a case folded from its events (internal; <see cref="ApplicationCase"/> exposes them).</summary>
internal sealed record CaseFold(
    Application Application,
    ApplicationState State,
    DateOnly? SupplementRequestedOn,
    DateOnly? SupplyBy,
    DateOnly? SupplementReceivedOn,
    ImmutableList<ConsultationSpan> Consultations,
    ImmutableList<Extended> Extensions,
    FeeState? Fee,
    ApplicationOutcome? Outcome,
    DateOnly? ConcludedOn,
    DateOnly? ClosedOn,
    Decided? Decision,
    Assigned? Assignment = null)
{
    public int ExtensionDays => Extensions.Sum(x => x.WorkingDays);

    /// <summary>The day the answer period counts from: receipt, or the day the supplement arrived (Art. 30).</summary>
    public DateOnly ClockStart => SupplementReceivedOn ?? Application.ReceivedOn;

    public static CaseFold Start(Registered r) =>
        new(r.Application, ApplicationState.Open, null, null, null, [], [], null, null, null, null, null);

    public static CalendarAnswer<DateOnly> PaymentDue(DateOnly notifiedOn, CaseRules rules) =>
        rules.Calendar.AddWorkingDays(notifiedOn, WorkingDays.FeePaymentPeriod);

    public CaseFold With(ApplicationEvent e) => e switch
    {
        SupplementRequested s => this with { State = ApplicationState.AwaitingSupplement, SupplementRequestedOn = s.OccurredOn, SupplyBy = s.SupplyBy },
        SupplementReceived s => this with { State = ApplicationState.Open, SupplementReceivedOn = s.OccurredOn },
        ConsultationStarted c => this with { State = ApplicationState.Consulting, Consultations = Consultations.Add(new ConsultationSpan(c, null)) },
        ConsultationEnded c => this with { State = ApplicationState.Open, Consultations = Consultations.SetItem(Consultations.Count - 1, Consultations[^1] with { Ended = c }) },
        Extended x => this with { Extensions = Extensions.Add(x) },
        FeeNotified f => this with { State = ApplicationState.AwaitingFee, Fee = new FeeState(f.Method, f.Amount, f.OccurredOn, null) },
        FeePaid p => this with { State = ApplicationState.Open, Fee = Fee! with { PaidOn = p.OccurredOn } },
        Abandoned a => this with
        {
            State = ApplicationState.Decided,
            ConcludedOn = a.OccurredOn,
            Outcome = a.Reason == AbandonmentReason.NoSupplement ? ApplicationOutcome.OtherNoSupplement : ApplicationOutcome.OtherFeeUnpaid,
        },
        Decided d => this with { State = ApplicationState.Decided, ConcludedOn = d.OccurredOn, Outcome = d.Outcome, Decision = d },
        Closed c => this with { State = ApplicationState.Closed, ClosedOn = c.OccurredOn },
        Assigned a => this with { Assignment = a },
        Transferred => this with { Assignment = null },
        _ => this,
    };
}

/// <summary>One line of a case's deadline explanation: its date, a stable code, and the Chinese text (with English glosses).</summary>
/// <param name="Date">The day the step happened or starts.</param>
/// <param name="Code"><c>received</c>, <c>supplement-requested</c>, <c>supplement-received</c>, <c>holiday</c>, <c>make-up-day</c>,
/// <c>consultation</c>, <c>fee</c>, <c>extended</c>, <c>paused</c>, <c>due</c>, <c>decided</c>, <c>provisional</c>,
/// <c>statutory-holiday</c> (a rest day computed from the law for a year with no loaded notice).</param>
/// <param name="Text">The words.</param>
public sealed record ExplanationStep(DateOnly Date, string Code, string Text);

/// <summary>
/// The answer deadline of a case, derived from its events: 20 working days (Art. 33) counted from receipt, or from the
/// day a supplement arrived (Art. 30), under the counting policy; plus extensions; not counting the days of a
/// consultation (Arts. 32, 34: from the day after it started up to and including the day it ended) nor, if
/// <see cref="CaseRules.PauseWhileFeePayable"/>, the days from the fee notice to payment.
/// </summary>
/// <param name="DueOn">The last day to answer (inclusive); null while the period is paused or restarting.</param>
/// <param name="IsPaused">True while waiting for a supplement, a consultation or a payment.</param>
/// <param name="IsProvisional">True if a day involved lies in a year with no loaded holiday schedule.</param>
/// <param name="WorkingDays">The period: 20 plus extensions.</param>
/// <param name="Counted">Working days counted so far (equal to <paramref name="WorkingDays"/> once <paramref name="DueOn"/> is known).</param>
/// <param name="AnsweredLate">Whether the decision came after <paramref name="DueOn"/>.</param>
/// <param name="Steps">The explanation, in date order.</param>
/// <param name="Reason">Why the due date is provisional (null when it is not).</param>
public sealed record CaseDeadline(
    DateOnly? DueOn,
    bool IsPaused,
    bool IsProvisional,
    int WorkingDays,
    int Counted,
    bool AnsweredLate,
    ImmutableArray<ExplanationStep> Steps,
    ProvisionalReason? Reason = null)
{
    /// <summary>The explanation as lines.</summary>
    public IEnumerable<string> Lines() => Steps.Select(s => s.Text);

    /// <summary>
    /// Working days left on <paramref name="today"/>: the working days after today up to and including <see cref="DueOn"/>
    /// (0 on the last day itself, negative once overdue). Null while the period is paused.
    /// </summary>
    public CalendarAnswer<int>? WorkingDaysLeft(DateOnly today, WorkingDayCalendar calendar) =>
        DueOn is { } due ? calendar.CountWorkingDays(today, due) : null;

    /// <summary>
    /// The deadline of <paramref name="fold"/>; with <paramref name="explain"/> false the figures only (no
    /// <see cref="Steps"/>: the explanation's text is most of the cost when many cases are compiled).
    /// </summary>
    internal static CaseDeadline Derive(CaseFold fold, CaseRules rules, bool explain = true)
    {
        var cal = rules.Calendar;
        var app = fold.Application;
        // Null when not explaining: "steps?.Add(…)" then skips building each line's text as well.
        var steps = explain ? new List<ExplanationStep>() : null;
        var provisional = new HashSet<int>();
        steps?.Add(new(app.ReceivedOn, "received", $"收到申请 {CalendarText.Day(cal.Describe(app.ReceivedOn))}，{CaseworkText.Of(app.Channel)}；{rules.Counting.DescriptionZh}"));
        if (fold.SupplementRequestedOn is { } asked)
        {
            var by = fold.SupplyBy is { } s ? $"，补正期限 {CalendarText.Date(s)}" : string.Empty;
            steps?.Add(new(asked, "supplement-requested", $"{CalendarText.Date(asked)} 一次性告知补正{by}；答复期限自收到补正之日起重新计算"));
        }

        if (fold.SupplementRequestedOn is { } waiting && fold.SupplementReceivedOn is null)
        {
            // Waiting for the supplement, or deemed abandoned without it: the answer period never restarted.
            steps?.Add(new(waiting, "paused", "待补正：答复期限未起算"));
            if (fold.ConcludedOn is { } abandoned)
            {
                steps?.Add(new(abandoned, "decided", $"{CalendarText.Date(abandoned)} 办结：{CaseworkText.Of(fold.Outcome!.Value)}"));
            }

            return new CaseDeadline(null, fold.State == ApplicationState.AwaitingSupplement, false, Calendar.WorkingDays.AnswerPeriod.Count, 0, false, steps is null ? [] : [.. steps]);
        }

        var start = fold.ClockStart;
        if (fold.SupplementReceivedOn is { } restarted)
        {
            steps?.Add(new(restarted, "supplement-received", $"收到补正 {CalendarText.Day(cal.Describe(restarted))}，答复期限重新起算"));
        }

        var allowance = Calendar.WorkingDays.AnswerPeriod.Count + fold.ExtensionDays;
        foreach (var x in fold.Extensions)
        {
            steps?.Add(new(x.OccurredOn, "extended", $"{CalendarText.Date(x.OccurredOn)} 经{x.ApprovedBy}同意延长答复期限{x.WorkingDays}个工作日（{x.Reason}）"));
        }

        // Pauses: (from, to]; to == null while still running.
        var pauses = new List<(DateOnly From, DateOnly? To)>();
        foreach (var c in fold.Consultations)
        {
            pauses.Add((c.Started.OccurredOn, c.Ended?.OccurredOn));
            var replyDue = cal.AddWorkingDays(c.Started.OccurredOn, Calendar.WorkingDays.ConsultationPeriod);
            var party = c.Started.Party == ConsultationParty.ThirdParty ? "第三方" : "其他机关";
            if (c.Ended is { } end)
            {
                var paused = cal.CountWorkingDays(c.Started.OccurredOn, end.OccurredOn).Value;
                steps?.Add(new(c.Started.OccurredOn, "consultation", $"{CalendarText.Date(c.Started.OccurredOn)} 至 {CalendarText.Date(end.OccurredOn)} 征求{party}（{c.Started.PartyName}）意见，{paused}个工作日不计入"));
            }
            else
            {
                steps?.Add(new(c.Started.OccurredOn, "consultation", $"{CalendarText.Date(c.Started.OccurredOn)} 起征求{party}（{c.Started.PartyName}）意见，答复期限暂停；对方答复期限 {CalendarText.Date(replyDue.Value)}（15个工作日）"));
            }
        }

        if (fold.Fee is { } fee)
        {
            var payBy = CaseFold.PaymentDue(fee.NotifiedOn, rules).Value;
            var method = fee.Method == FeeMethod.PerRequest ? "按件" : "按量";
            var pausedText = rules.PauseWhileFeePayable ? "，缴费期间不计入答复期限" : string.Empty;
            var paid = fee.PaidOn is { } p ? $"，{CalendarText.Date(p)} 已缴费" : string.Empty;
            steps?.Add(new(fee.NotifiedOn, "fee", $"{CalendarText.Date(fee.NotifiedOn)} 发出收费通知（{method}，{fee.Amount:0.##}元），缴费期限 {CalendarText.Date(payBy)}{paid}{pausedText}"));
            if (rules.PauseWhileFeePayable)
            {
                pauses.Add((fee.NotifiedOn, fee.PaidOn ?? (fold.State == ApplicationState.AwaitingFee ? null : fold.ConcludedOn)));
            }
        }

        DateOnly? due = null;
        var counted = 0;
        var isPaused = false;
        var day = rules.Counting.ReceiptDayCounts && cal.IsWorkingDay(start).Value ? start : start.AddDays(1);
        var stop = start.AddDays(20 * 366);
        for (; day < stop; day = day.AddDays(1))
        {
            if (pauses.Any(p => p.From < day && p.To is null))
            {
                isPaused = true;
                break;
            }

            if (!cal.IsCovered(day))
            {
                provisional.Add(day.Year);
            }

            if (!cal.IsWorkingDayCore(day) || pauses.Any(p => p.From < day && day <= p.To))
            {
                continue;
            }

            if (++counted == allowance)
            {
                due = day;
                break;
            }
        }

        var crossedTo = due ?? day;
        if (steps is not null)
        {
            steps.AddRange(GroupSpecial(cal.SpecialDaysBetween(start.AddDays(1), crossedTo)));
        }

        if (due is { } d)
        {
            var ext = fold.ExtensionDays > 0 ? $"（20+延长{fold.ExtensionDays}）" : string.Empty;
            steps?.Add(new(d, "due", $"答复期限 {CalendarText.Date(d)}（{CalendarText.Weekday(d)}），第{allowance}个工作日{ext}"));
        }
        else if (isPaused)
        {
            steps?.Add(new(day, "paused", $"已计{counted}个工作日，答复期限暂停中"));
        }

        var late = false;
        if (fold.ConcludedOn is { } concluded)
        {
            late = due is { } dd && concluded > dd && fold.Decision is not null;
            var outcome = CaseworkText.Of(fold.Outcome!.Value);
            steps?.Add(new(concluded, "decided", $"{CalendarText.Date(concluded)} 办结：{outcome}{(late ? "（逾期）" : due is null ? string.Empty : "（按期）")}"));
        }

        if (provisional.Count > 0)
        {
            steps?.Add(new(crossedTo, "provisional", cal.ReasonFor(provisional)!.Value.Zh(provisional.Order())));
        }

        return new CaseDeadline(due, isPaused, provisional.Count > 0, allowance, counted, late, steps is null ? [] : [.. steps.OrderBy(s => s.Date)], cal.ReasonFor(provisional));
    }

    private static IEnumerable<ExplanationStep> GroupSpecial(ImmutableArray<SpecialDay> days)
    {
        var i = 0;
        foreach (var text in CalendarText.Groups(days))
        {
            // Groups yields one line per run; find the run's first day to date the step.
            var first = days[i];
            var code = first.Kind == DayKind.MakeUpWorkday ? "make-up-day" : first.Computed ? "statutory-holiday" : "holiday";
            yield return new ExplanationStep(first.Date, code, text);
            i++;
            if (first.Kind == DayKind.Holiday)
            {
                while (i < days.Length && days[i].Kind == DayKind.Holiday && days[i].HolidayKey == first.HolidayKey && days[i].Date == days[i - 1].Date.AddDays(1))
                {
                    i++;
                }
            }
        }
    }
}
