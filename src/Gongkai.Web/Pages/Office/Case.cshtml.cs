using System.Globalization;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Results;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Office;

/// <summary>
/// One application: its facts, deadline and explanation, history, letters, and the forms for the
/// next steps (补正, consultation, extension, fee, decision …). Every step is checked by the domain,
/// written with its audit entry in one transaction, and refused if someone else changed the case since
/// the page was loaded (version).
/// </summary>
public sealed class CaseModel(CaseService cases, CaseRouting routing, CurrentStaff staff) : PageModel
{
    public LoadedCase Loaded { get; private set; } = null!;

    public CaseDeadline? Deadline { get; private set; }

    /// <summary>The e-mail notices of the case with their outcome.</summary>
    public List<Gongkai.Data.Entities.CaseNotice> Notices { get; private set; } = [];

    public Dictionary<string, string> FieldErrors { get; } = [];

    public string? Error { get; private set; }

    /// <summary>Which action form the error belongs to (to open it).</summary>
    public string? ErrorForm { get; private set; }

    public bool IsApprover => staff.IsApprover;

    public DateOnly Today => cases.Today;

    /// <summary>The 承办人's name as shown (null: not assigned).</summary>
    public string? HandlerName { get; private set; }

    /// <summary>Whether the signed-in user is the case's 承办人.</summary>
    public bool IsMine => Loaded.Record.Handler is { } h && h == staff.UserName;

    /// <summary>Whom the case can be assigned to.</summary>
    public IReadOnlyList<Handler> Handlers { get; private set; } = [];

    /// <summary>Where the case can be transferred to (approvers only).</summary>
    public IReadOnlyList<TransferTarget> Targets { get; private set; } = [];

    /// <summary>The 回执 with the new 查询码, right after registration (once); null otherwise.</summary>
    public AccessCodeReceipt? NewReceipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (AccessCodeReceipt.Take(TempData[AccessCodeReceipt.TempDataKey], Loaded.Record.TrackingNumber) is { } code)
        {
            NewReceipt = AccessCodeReceipt.From(Loaded, await cases.AgencyNameAsync(Loaded.Record.AgencyId, ct), cases.Rules, code);
            Response.Headers.CacheControl = "no-store";
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded is null)
        {
            return false;
        }

        Loaded = loaded;
        Deadline = loaded.Case?.Deadline(cases.Rules);
        HandlerName = await routing.NameOfAsync(loaded.Record.Handler, ct);
        Handlers = await routing.HandlersAsync(loaded.Record.AgencyId, ct);
        Targets = staff.IsApprover ? await routing.TargetsAsync(loaded.Record.AgencyId, ct) : [];
        Notices = await cases.NoticesAsync(id, ct);
        return true;
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, int version, DateOnly? date, CancellationToken ct) =>
        RunAsync(id, "confirm", async loaded =>
        {
            var on = Required(date, "confirm", "date", FormCodes.Zh(FormCodes.ConfirmDateRequired));
            return on is null ? null : (await cases.ConfirmPortalAsync(loaded, version, on.Value, ct)).Problem;
        }, ct);

    public Task<IActionResult> OnPostSupplementAsync(Guid id, int version, DateOnly? date, string? items, DateOnly? supplyBy, CancellationToken ct) =>
        StepAsync(id, version, "supplement", r =>
        {
            var on = Required(date, "supplement", "date", FormCodes.Zh(FormCodes.SupplementDateRequired));
            var what = RequiredText(items, "supplement", "items", FormCodes.Zh(FormCodes.SupplementItemsRequired), 1000);
            return on is null || what is null ? null : new SupplementRequested(on.Value, r, what, supplyBy);
        }, ct);

    public Task<IActionResult> OnPostSupplementReceivedAsync(Guid id, int version, DateOnly? date, CancellationToken ct) =>
        StepAsync(id, version, "supplementReceived", r =>
            Required(date, "supplementReceived", "date", FormCodes.Zh(FormCodes.SupplementReceivedDateRequired)) is { } on ? new SupplementReceived(on, r) : null, ct);

    public Task<IActionResult> OnPostAbandonAsync(Guid id, int version, DateOnly? date, AbandonmentReason reason, CancellationToken ct) =>
        StepAsync(id, version, "abandon", r =>
            Required(date, "abandon", "date", FormCodes.Zh(FormCodes.DateRequired)) is { } on ? new Abandoned(on, r, reason) : null, ct);

    public Task<IActionResult> OnPostConsultAsync(Guid id, int version, DateOnly? date, ConsultationParty party, string? partyName, CancellationToken ct) =>
        StepAsync(id, version, "consult", r =>
        {
            var on = Required(date, "consult", "date", FormCodes.Zh(FormCodes.ConsultDateRequired));
            var who = RequiredText(partyName, "consult", "partyName", FormCodes.Zh(FormCodes.ConsultPartyRequired), 200);
            return on is null || who is null ? null : new ConsultationStarted(on.Value, r, party, who);
        }, ct);

    public Task<IActionResult> OnPostConsultEndedAsync(Guid id, int version, DateOnly? date, ConsultationReply reply, CancellationToken ct) =>
        StepAsync(id, version, "consultEnded", r =>
            Required(date, "consultEnded", "date", FormCodes.Zh(FormCodes.DateRequired)) is { } on ? new ConsultationEnded(on, r, reply) : null, ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, int version, DateOnly? date, int? days, string? reason, CancellationToken ct)
    {
        if (!staff.IsApprover)
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        return StepAsync(id, version, "extend", r =>
        {
            var on = Required(date, "extend", "date", FormCodes.Zh(FormCodes.ExtendDateRequired));
            var why = RequiredText(reason, "extend", "reason", FormCodes.Zh(FormCodes.ExtendReasonRequired), 500);
            if (days is not (>= 1 and <= 20))
            {
                FieldErrors["extend.days"] = FormCodes.Zh(FormCodes.ExtendDaysRange);
                return null;
            }

            return on is null || why is null ? null : new Extended(on.Value, r, days.Value, staff.DisplayName, why);
        }, ct);
    }

    public Task<IActionResult> OnPostFeeAsync(Guid id, int version, DateOnly? date, FeeMethod method, int? units, int? prior, CancellationToken ct) =>
        StepAsync(id, version, "fee", r =>
        {
            var on = Required(date, "fee", "date", FormCodes.Zh(FormCodes.FeeDateRequired));
            if (units is not (>= 1 and <= 100_000))
            {
                FieldErrors["fee.units"] = FormCodes.Zh(FormCodes.FeeUnitsRange);
                return null;
            }

            if (prior is < 0)
            {
                FieldErrors["fee.prior"] = FormCodes.Zh(FormCodes.FeePriorNegative);
                return null;
            }

            var amount = FeeCalculator.Quote(method, units.Value, prior ?? 0).Amount;
            return on is null ? null : new FeeNotified(on.Value, r, method, units.Value, prior ?? 0, amount);
        }, ct);

    public Task<IActionResult> OnPostFeePaidAsync(Guid id, int version, DateOnly? date, decimal? amount, CancellationToken ct) =>
        StepAsync(id, version, "feePaid", r =>
        {
            var on = Required(date, "feePaid", "date", FormCodes.Zh(FormCodes.FeePaidDateRequired));
            if (amount is not (> 0))
            {
                FieldErrors["feePaid.amount"] = FormCodes.Zh(FormCodes.FeePaidAmountRequired);
                return null;
            }

            return on is null ? null : new FeePaid(on.Value, r, amount.Value);
        }, ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, int version, DateOnly? date, ApplicationOutcome? outcome, string? ground, string? reasons, string? heldBy, CancellationToken ct) =>
        StepAsync(id, version, "decide", r =>
        {
            var on = Required(date, "decide", "date", FormCodes.Zh(FormCodes.DecideDateRequired));
            if (outcome is null || !Enum.IsDefined(outcome.Value))
            {
                FieldErrors["decide.outcome"] = FormCodes.Zh(FormCodes.DecideOutcomeRequired);
                return null;
            }

            var chosen = string.IsNullOrWhiteSpace(ground) ? DecisionGrounds.Default(outcome.Value) : DecisionGrounds.Find(ground);
            if (chosen is null || !chosen.Outcomes.Contains(outcome.Value))
            {
                FieldErrors["decide.ground"] = FormCodes.Zh(FormCodes.DecideGroundMismatch);
                return null;
            }

            // Art. 36(3): a refusal states its reasons; the 答复书 quotes what staff write here.
            var why = string.IsNullOrWhiteSpace(reasons) && outcome != ApplicationOutcome.Granted
                ? Missing("decide", "reasons", FormCodes.Zh(FormCodes.DecideReasonsRequired))
                : Optional(reasons, "decide", "reasons", 1000);
            var holder = Optional(heldBy, "decide", "heldBy", 100);
            return on is null || FieldErrors.Count > 0 ? null : new Decided(on.Value, r, outcome.Value, chosen.Article, chosen.Code, why, holder);
        }, ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, int version, string? handler, CancellationToken ct) =>
        RunAsync(id, "assign", async loaded =>
        {
            if (string.IsNullOrWhiteSpace(handler))
            {
                FieldErrors["assign.handler"] = FormCodes.Zh(FormCodes.HandlerRequired);
                return null;
            }

            return (await routing.AssignAsync(loaded, version, handler, ct)).Problem;
        }, ct);

    public Task<IActionResult> OnPostTransferAsync(Guid id, int version, int? agency, string? reason, CancellationToken ct)
    {
        if (!staff.IsApprover)
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        string? to = null;
        return RunAsync(id, "transfer", async loaded =>
        {
            if (agency is null)
            {
                FieldErrors["transfer.agency"] = FormCodes.Zh(FormCodes.TransferAgencyRequired);
            }

            if (RequiredText(reason, "transfer", "reason", FormCodes.Zh(FormCodes.TransferReasonRequired), 500) is null || agency is null)
            {
                return null;
            }

            to = Targets.FirstOrDefault(t => t.Id == agency)?.Name;
            return (await routing.TransferAsync(loaded, version, agency, reason, ct)).Problem;
        }, ct, done: () =>
        {
            // The case now belongs to the other agency: this desk can no longer open it.
            TempData.Notify(CaseworkCodes.Messages.Notice(CaseworkCodes.DoneTransferred, to ?? string.Empty));
            return Redirect("/Office");
        });
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, int version, DateOnly? date, CancellationToken ct) =>
        StepAsync(id, version, "close", r =>
            Required(date, "close", "date", FormCodes.Zh(FormCodes.CloseDateRequired)) is { } on ? new Closed(on, r) : null, ct);

    private Task<IActionResult> StepAsync(Guid id, int version, string form, Func<Recorded, ApplicationEvent?> make, CancellationToken ct) =>
        RunAsync(id, form, async loaded =>
        {
            var e = make(cases.Recorded());
            if (e is null)
            {
                return null;
            }

            if (e.OccurredOn > cases.Today)
            {
                FieldErrors[$"{form}.date"] = FormCodes.Zh(FormCodes.DateInFuture);
                return null;
            }

            return (await cases.AppendAsync(loaded, version, e, ct)).Problem;
        }, ct);

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<LoadedCase, Task<Problem?>> work, CancellationToken ct, Func<IActionResult>? done = null)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var error = await work(Loaded);
        if (error?.Code == CaseworkCodes.Conflict)
        {
            // Someone else changed the case first: show the current state (and version) with the message; the form keeps what was typed.
            await LoadAsync(id, ct);
            Error = error.MessageZh;
            ErrorForm = form;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (error is not null || FieldErrors.Count > 0)
        {
            Error = error?.MessageZh ?? FormCodes.Zh(FormCodes.FormHasErrors);
            ErrorForm = form;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (done is not null)
        {
            return done();
        }

        TempData.Notify(CaseworkCodes.Messages.Notice(CaseworkCodes.DoneSaved));
        return Redirect($"/Office/Case/{id}");
    }

    private DateOnly? Required(DateOnly? value, string form, string field, string message)
    {
        if (value is null)
        {
            FieldErrors[$"{form}.{field}"] = message;
        }

        return value;
    }

    private string? RequiredText(string? value, string form, string field, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            FieldErrors[$"{form}.{field}"] = message;
            return null;
        }

        if (value.Length > max)
        {
            FieldErrors[$"{form}.{field}"] = FormCodes.Zh(FormCodes.TooLong, max.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return value.Trim();
    }

    private string? Missing(string form, string field, string message)
    {
        FieldErrors[$"{form}.{field}"] = message;
        return null;
    }

    private string? Optional(string? value, string form, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : RequiredText(value, form, field, string.Empty, max);

    public string Err(string key) => FieldErrors.TryGetValue(key, out var m) ? m : string.Empty;

    /// <summary>What the user typed in <paramref name="field"/> of the form that was refused (so a refused form is shown again as it was), else <paramref name="fallback"/>.</summary>
    public string? Posted(string form, string field, string? fallback = null) =>
        ErrorForm == form && Request.HasFormContentType && Request.Form.TryGetValue(field, out var v) ? v.ToString() : fallback;
}
