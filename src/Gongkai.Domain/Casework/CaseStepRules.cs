using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using static Gongkai.Domain.Casework.CaseworkCodes;

namespace Gongkai.Domain.Casework;

/// <summary>
/// The rules a step must pass before it is appended to a case: first the checks every event meets
/// (<see cref="Check"/>), then one small rule per kind of event. Each answers null (allowed) or the
/// <see cref="Results.Problem"/> (codes in <see cref="CaseworkCodes"/>).
/// </summary>
internal static class CaseStepRules
{
    /// <summary>Why <paramref name="e"/> may not follow the events of <paramref name="c"/>, or null.</summary>
    public static Problem? Check(ApplicationCase c, CaseFold fold, ApplicationEvent e, CaseRules rules)
    {
        var last = c.Events[^1];
        if (e is Registered)
        {
            return Problem(AlreadyRegistered);
        }

        if (e.OccurredOn < last.OccurredOn)
        {
            return Problem(OutOfOrder, Day(e.OccurredOn), Day(last.OccurredOn));
        }

        if (string.IsNullOrWhiteSpace(e.Recorded.By))
        {
            return Problem(NoActor);
        }

        var state = c.State;
        if (state == ApplicationState.Closed)
        {
            return Problem(CaseClosed);
        }

        if (e is Assigned assigned)
        {
            return Assign(fold, assigned);
        }

        if (state == ApplicationState.Decided && e is not Closed)
        {
            return Problem(CaseDecided, CaseworkText.NameOf(e));
        }

        return e switch
        {
            SupplementRequested s => RequestSupplement(c, fold, s, rules),
            SupplementReceived => In(e, state, ApplicationState.AwaitingSupplement),
            Abandoned { Reason: AbandonmentReason.NoSupplement } a => AbandonWithoutSupplement(fold, a, state),
            Abandoned { Reason: AbandonmentReason.FeeUnpaid } a => AbandonFeeUnpaid(c, a, state, rules),
            Abandoned => Problem(AbandonReason),
            ConsultationStarted s => StartConsultation(s, state),
            ConsultationEnded ended => EndConsultation(c, ended, state, rules),
            Extended x => Extend(fold, x, state, rules),
            FeeNotified f => NotifyFee(fold, f, state, rules),
            FeePaid p => PayFee(c, fold, p, state, rules),
            Decided d => Decide(fold, d, state),
            Closed => In(e, state, ApplicationState.Decided),
            Transferred t => Transfer(t),
            _ => Problem(UnknownEvent),
        };
    }

    private static Problem? Assign(CaseFold fold, Assigned assigned) =>
        string.IsNullOrWhiteSpace(assigned.Handler) || string.IsNullOrWhiteSpace(assigned.HandlerName)
            ? Problem(NoHandler)
            : assigned.Handler == fold.Assignment?.Handler
                ? Problem(SameHandler, assigned.HandlerName)
                : null;

    /// <summary>补正: once, while nothing else has happened, within 7 working days of receipt (Art. 30).</summary>
    private static Problem? RequestSupplement(ApplicationCase c, CaseFold fold, SupplementRequested s, CaseRules rules)
    {
        if (fold.SupplementRequestedOn is not null)
        {
            return Problem(SupplementOnce);
        }

        var state = c.State;
        if (state != ApplicationState.Open || fold.Consultations.Count > 0 || fold.ExtensionDays > 0 || fold.Fee is not null)
        {
            return Problem(SupplementState, CaseworkText.Of(state));
        }

        var limit = c.SupplementNoticeDue(rules);
        if (s.OccurredOn > limit.Value)
        {
            return Problem(SupplementTooLate, Day(limit.Value));
        }

        return s.SupplyBy is { } by && by < s.OccurredOn ? Problem(SupplementLimitBeforeNotice) : null;
    }

    /// <summary>视为放弃 for want of a 补正: only once the time limit for it has passed.</summary>
    private static Problem? AbandonWithoutSupplement(CaseFold fold, Abandoned a, ApplicationState state)
    {
        if (state != ApplicationState.AwaitingSupplement)
        {
            return NotIn(a, state);
        }

        return fold.SupplyBy is { } supplyBy && a.OccurredOn <= supplyBy ? Problem(SupplementLimitOpen, Day(supplyBy)) : null;
    }

    /// <summary>视为放弃 for an unpaid fee: only once the time limit for payment has passed.</summary>
    private static Problem? AbandonFeeUnpaid(ApplicationCase c, Abandoned a, ApplicationState state, CaseRules rules)
    {
        if (state != ApplicationState.AwaitingFee)
        {
            return NotIn(a, state);
        }

        var payBy = c.FeePaymentDue(rules)!.Value.Value;
        return a.OccurredOn <= payBy ? Problem(FeeLimitOpen, Day(payBy)) : null;
    }

    private static Problem? StartConsultation(ConsultationStarted s, ApplicationState state)
    {
        if (state != ApplicationState.Open)
        {
            return NotIn(s, state);
        }

        return string.IsNullOrWhiteSpace(s.PartyName) ? Problem(ConsultationNoParty) : null;
    }

    /// <summary>"No reply" only after the 15 working days for a reply (Arts. 32, 34).</summary>
    private static Problem? EndConsultation(ApplicationCase c, ConsultationEnded ended, ApplicationState state, CaseRules rules)
    {
        if (state != ApplicationState.Consulting)
        {
            return NotIn(ended, state);
        }

        var replyDue = c.ConsultationReplyDue(rules)!.Value.Value;
        return ended.Reply == ConsultationReply.NoReply && ended.OccurredOn <= replyDue ? Problem(ConsultationNoReplyEarly, Day(replyDue)) : null;
    }

    /// <summary>延期: approved, at most 20 working days in all, before the answer period runs out (Art. 33).</summary>
    private static Problem? Extend(CaseFold fold, Extended x, ApplicationState state, CaseRules rules)
    {
        if (state is not (ApplicationState.Open or ApplicationState.Consulting))
        {
            return NotIn(x, state);
        }

        if (string.IsNullOrWhiteSpace(x.ApprovedBy))
        {
            return Problem(ExtensionNoApprover);
        }

        if (x.WorkingDays < 1)
        {
            return Problem(ExtensionDays);
        }

        if (fold.ExtensionDays + x.WorkingDays > WorkingDays.MaxExtension.Count)
        {
            return Problem(ExtensionTooLong, Number(fold.ExtensionDays), Number(x.WorkingDays));
        }

        return AfterDue(fold, x, rules, ExtensionAfterDue);
    }

    /// <summary>收费: once, one method, beyond the free allowance, the amount the calculator gives, within the answer period.</summary>
    private static Problem? NotifyFee(CaseFold fold, FeeNotified f, ApplicationState state, CaseRules rules)
    {
        if (fold.Fee is { } previous)
        {
            return previous.Method != f.Method ? Problem(FeeOneMethod) : Problem(FeeOnce);
        }

        if (state != ApplicationState.Open)
        {
            return NotIn(f, state);
        }

        if (f.Units < 1 || f.PriorRequestsInMonth < 0)
        {
            return Problem(FeeUnits);
        }

        var quote = FeeCalculator.Quote(f.Method, f.Units, f.PriorRequestsInMonth);
        if (quote.Amount == 0)
        {
            return Problem(FeeFree);
        }

        if (quote.Amount != f.Amount)
        {
            return Problem(FeeAmountMismatch, "收费", Yuan(quote.Amount));
        }

        return AfterDue(fold, f, rules, FeeAfterDue);
    }

    /// <summary>缴费: the notified amount, within the time limit for payment.</summary>
    private static Problem? PayFee(ApplicationCase c, CaseFold fold, FeePaid p, ApplicationState state, CaseRules rules)
    {
        if (state != ApplicationState.AwaitingFee)
        {
            return NotIn(p, state);
        }

        var due = c.FeePaymentDue(rules)!.Value.Value;
        if (p.OccurredOn > due)
        {
            return Problem(FeePaidLate, Day(due));
        }

        return p.Amount != fold.Fee!.Amount ? Problem(FeeAmountMismatch, "缴费", Yuan(fold.Fee.Amount)) : null;
    }

    /// <summary>答复: an outcome of table 3 with its legal ground (and a ground that fits the outcome).</summary>
    private static Problem? Decide(CaseFold fold, Decided d, ApplicationState state)
    {
        if (state != ApplicationState.Open)
        {
            return NotIn(d, state);
        }

        if (d.Outcome is ApplicationOutcome.OtherNoSupplement or ApplicationOutcome.OtherFeeUnpaid)
        {
            return Problem(DecisionUseAbandoned);
        }

        if (d.Outcome == ApplicationOutcome.UnableUnclearAfterSupplement && fold.SupplementReceivedOn is null)
        {
            return Problem(DecisionNoSupplement);
        }

        if (!Enum.IsDefined(d.Outcome))
        {
            return Problem(DecisionOutcome);
        }

        if (d.Ground is { } ground && !DecisionGrounds.IsValidFor(ground, d.Outcome))
        {
            return Problem(DecisionGroundOutcome);
        }

        return string.IsNullOrWhiteSpace(d.LegalGround) ? Problem(DecisionNoGround) : null;
    }

    private static Problem? Transfer(Transferred t)
    {
        if (string.IsNullOrWhiteSpace(t.ToAgency) || t.ToAgency == t.FromAgency)
        {
            return Problem(TransferAgency);
        }

        return string.IsNullOrWhiteSpace(t.Reason) ? Problem(TransferNoReason) : null;
    }

    private static Problem? AfterDue(CaseFold fold, ApplicationEvent e, CaseRules rules, string code)
    {
        var deadline = CaseDeadline.Derive(fold, rules, explain: false);
        return deadline.DueOn is { } due && e.OccurredOn > due ? Problem(code, Day(due)) : null;
    }

    private static Problem? In(ApplicationEvent e, ApplicationState state, ApplicationState required) =>
        state == required ? null : NotIn(e, state);

    private static Problem NotIn(ApplicationEvent e, ApplicationState state) =>
        Problem(InvalidTransition, CaseworkText.Of(state), CaseworkText.NameOf(e));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
