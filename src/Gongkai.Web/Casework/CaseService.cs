using System.Collections.Frozen;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Notices;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Casework;

/// <summary>A case as loaded: the stored row and the domain case rebuilt from its events (null while awaiting confirmation).</summary>
public sealed record LoadedCase(CaseRecord Record, ApplicationCase? Case, IReadOnlyList<CaseEvent> Events);

/// <summary>
/// A registration done: the case (new, or the one an earlier submission of the same form
/// created, <see cref="Repeated"/>). <see cref="AccessCode"/> is the new case's 查询码 in clear, to be shown
/// once (null for a repeat).
/// </summary>
public sealed record Registration(CaseRecord Record, bool Repeated = false, string? AccessCode = null);

/// <summary>
/// The bridge between the casework domain and the database: loads a case (scoped to the user's
/// agency), appends a domain event after the domain accepted it, and refreshes the query caches
/// from the domain's derived state. One SaveChanges per step: the event, the caches, the version
/// and the audit entry are written together or not at all. A step answers the saved row, or the
/// domain's refusal, or <see cref="CaseworkCodes.Conflict"/> when it lost to another writer (the case
/// changed since the user loaded it, or a concurrent request saved the same step first; nothing was saved).
/// </summary>
public sealed class CaseService(GongkaiDbContext db, CurrentStaff staff, AuditTrail audit, CaseRules rules, TimeProvider clock, CaseNotices notices)
{
    public CaseRules Rules => rules;

    /// <summary>Today in China (UTC+8, no daylight saving).</summary>
    public DateOnly Today => Gongkai.Domain.Calendar.ChinaTime.Today(clock);

    /// <summary>The case with <paramref name="id"/> if it belongs to the user's agency; null otherwise (as if it did not exist).</summary>
    public async Task<LoadedCase?> LoadAsync(Guid id, CancellationToken ct = default)
    {
        var agency = staff.DeskAgencyId;
        // Events first, then the row: a step saved in between makes the row newer than the events
        // (its version then refuses the stale step), never the events newer than the row's version,
        // which would let the domain refuse a step that is really a lost race.
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == id && c.AgencyId == agency, ct);
        return record is null ? null : Rebuild(record, events);
    }

    public async Task<string> AgencyNameAsync(int agencyId, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(ct);

    /// <summary>The e-mail notices of case <paramref name="caseId"/> of the user's agency, newest first.</summary>
    public async Task<List<CaseNotice>> NoticesAsync(Guid caseId, CancellationToken ct = default)
    {
        var agency = staff.DeskAgencyId;
        var notices = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == caseId && n.AgencyId == agency).ToListAsync(ct);
        return [.. notices.OrderByDescending(n => n.CreatedAt)];
    }

    /// <summary>Public lookup by tracking number (portal status page); read-only.</summary>
    public async Task<LoadedCase?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken ct = default)
    {
        var record = await db.Cases.AsNoTracking().Include(c => c.Agency).SingleOrDefaultAsync(c => c.TrackingNumber == trackingNumber, ct);
        return record is null ? null : await LoadEventsAsync(record, ct);
    }

    private async Task<LoadedCase> LoadEventsAsync(CaseRecord record, CancellationToken ct)
    {
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == record.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        return Rebuild(record, events);
    }

    private LoadedCase Rebuild(CaseRecord record, List<CaseEvent> events)
    {
        var domain = events.Count == 0 ? null : ApplicationCase.Replay(events.Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)), rules);
        return new LoadedCase(record, domain, events);
    }

    /// <summary>A new tracking number for <paramref name="agency"/>: code, year and 8 random characters (not guessable).</summary>
    public static string NewTrackingNumber(Agency agency, int year)
    {
        return $"{agency.Code}-{year}-{AccessCodes.Random(8)}";
    }

    public Recorded Recorded() => new(staff.DisplayName, clock.GetUtcNow());

    /// <summary>
    /// Registers an application received by the office: the domain checks it, then the row and its
    /// first event are saved together. <paramref name="submissionKey"/> is the form's idempotency key
    /// (<see cref="SubmissionKeys"/>): a second submission of the same form, even at the same moment,
    /// creates nothing and answers with the case the first one created.
    /// </summary>
    public async Task<Result<Registration>> RegisterAsync(Agency agency, Func<Guid, string, Result<Application>> build, string? submissionKey = null, CancellationToken ct = default)
    {
        var key = SubmissionKeys.Scoped(SubmissionKeys.Office, agency.Id, submissionKey);
        if (await FindSubmittedAsync(key, ct) is { } earlier)
        {
            return new Registration(earlier, Repeated: true);
        }

        var id = Guid.CreateVersion7();
        var built = build(id, NewTrackingNumber(agency, Today.Year));
        if (built.Problem is { } problem)
        {
            return problem;
        }

        var application = built.Value;
        var registered = ApplicationCase.TryRegister(new Registered(application.ReceivedOn, Recorded(), application));
        if (registered.Problem is { } refused)
        {
            return refused;
        }

        var code = AccessCodes.New();
        var record = new CaseRecord
        {
            Id = application.Id,
            AgencyId = agency.Id,
            TrackingNumber = application.TrackingNumber,
            Channel = application.Channel,
            SubmittedOn = application.Evidence.SubmittedOn,
            ApplicantName = application.Applicant.Name,
            ApplicantKind = application.Applicant.Kind,
            Description = application.Description,
            SubmissionKey = key,
            Handler = staff.UserName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            AccessCodeHash = code.Hash,
            AccessCodeHint = code.Hint,
        };
        db.Cases.Add(record);
        AddEvent(record, 1, registered.Value.Events[0]);
        Refresh(record, registered.Value);
        await notices.ForStepAsync(record, registered.Value, registered.Value.Events[0], 1, ct, agency.Name);
        audit.Record(AuditCodeOf(typeof(Registered)), AuditEntities.Case, record.Id, agency.Id, $"{record.TrackingNumber} {CaseworkText.Of(application.Channel)}");
        return await SaveSubmissionAsync(record, key, code.Code, ct);
    }

    /// <summary>
    /// Takes in an application from the public portal: it waits for the office to confirm receipt
    /// (Art. 31), the citizen gets a tracking number at once. A second submission of the same form
    /// (<paramref name="submissionKey"/>) creates nothing and answers with the first one's case.
    /// </summary>
    public async Task<Registration> SubmitPortalAsync(Agency agency, ApplicantForm form, string? submissionKey, CancellationToken ct = default)
    {
        var key = SubmissionKeys.Scoped(SubmissionKeys.Portal, agency.Id, submissionKey);
        if (await FindSubmittedAsync(key, ct) is { } earlier)
        {
            return new Registration(earlier, Repeated: true);
        }

        var today = Today;
        var code = AccessCodes.New();
        var record = new CaseRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            TrackingNumber = NewTrackingNumber(agency, today.Year),
            Channel = ReceiptChannel.Online,
            SubmittedOn = today,
            Year = today.Year,
            ApplicantName = form.ApplicantName!.Trim(),
            ApplicantKind = form.ApplicantKind,
            Description = form.Description!.Trim(),
            SubmissionJson = PortalSubmission.From(form).ToJson(),
            AwaitingConfirmation = true,
            SubmissionKey = key,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            AccessCodeHash = code.Hash,
            AccessCodeHint = code.Hint,
        };
        db.Cases.Add(record);
        audit.Record(AuditCodes.PortalApply, AuditEntities.Case, record.Id, agency.Id, record.TrackingNumber);
        return await SaveSubmissionAsync(record, key, code.Code, ct);
    }

    /// <summary>
    /// Saves a new case carrying <paramref name="key"/>; if a concurrent submission of the same form
    /// saved first (the unique index on the key), nothing of this one is kept and the earlier case is the answer.
    /// </summary>
    private async Task<Registration> SaveSubmissionAsync(CaseRecord record, string? key, string accessCode, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            notices.AfterCommit();
            return new Registration(record, AccessCode: accessCode);
        }
        catch (DbUpdateException x) when (key is not null && x.IsLostRace())
        {
            db.ChangeTracker.Clear();
            // A unique violation other than the key's (a tracking number collision) is not a repeat: let it surface.
            if (await FindSubmittedAsync(key, ct) is { } earlier)
            {
                return new Registration(earlier, Repeated: true);
            }

            throw;
        }
    }

    private async Task<CaseRecord?> FindSubmittedAsync(string? key, CancellationToken ct) =>
        key is null ? null : await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.SubmissionKey == key, ct);

    /// <summary>Registers a portal application the office has confirmed (Art. 31: online, received the day both sides confirm).</summary>
    public async Task<Result<CaseRecord>> ConfirmPortalAsync(LoadedCase loaded, int expectedVersion, DateOnly confirmedOn, CancellationToken ct = default)
    {
        var record = loaded.Record;
        if (record.Version != expectedVersion)
        {
            return Conflict;
        }

        if (!record.AwaitingConfirmation || record.SubmissionJson is null)
        {
            return CaseworkCodes.Problem(CaseworkCodes.PortalNotPending);
        }

        var submission = PortalSubmission.FromJson(record.SubmissionJson);
        var built = submission.ToApplication(record.Id, record.TrackingNumber, record.SubmittedOn, confirmedOn);
        if (built.Problem is { } problem)
        {
            return problem;
        }

        var registered = ApplicationCase.TryRegister(new Registered(built.Value.ReceivedOn, Recorded(), built.Value));
        if (registered.Problem is { } refused)
        {
            return refused;
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        record.AwaitingConfirmation = false;
        record.SubmissionJson = null;
        record.Handler ??= staff.UserName;
        record.Version++;
        AddEvent(record, 1, registered.Value.Events[0]);
        Refresh(record, registered.Value);
        await notices.ForStepAsync(record, registered.Value, registered.Value.Events[0], 1, ct);
        audit.Record(AuditCodes.CaseConfirm, AuditEntities.Case, record.Id, record.AgencyId, record.TrackingNumber);
        return await SaveStepAsync(record, ct);
    }

    /// <summary>
    /// Issues a new 查询码 for a case of the user's agency (the applicant lost theirs, or the case predates 查询码):
    /// the old one stops working. Returns the new code in clear, to be shown once, or <see cref="CaseworkCodes.Conflict"/> on a lost race.
    /// </summary>
    public async Task<Result<string>> IssueAccessCodeAsync(LoadedCase loaded, int expectedVersion, CancellationToken ct = default)
    {
        var record = loaded.Record;
        if (record.Version != expectedVersion)
        {
            return Conflict;
        }

        var code = AccessCodes.New();
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        record.AccessCodeHash = code.Hash;
        record.AccessCodeHint = code.Hint;
        record.Version++;
        audit.Record(AuditCodes.CaseAccessCode, AuditEntities.Case, record.Id, record.AgencyId, $"{record.TrackingNumber} {code.Hint}");
        return (await SaveStepAsync(record, ct)).Map(_ => code.Code);
    }

    /// <summary>
    /// Appends <paramref name="e"/> if the domain accepts it. <paramref name="expectedVersion"/> is the version the user saw:
    /// if someone else changed the case since, or a concurrent request appends first, the answer is
    /// <see cref="CaseworkCodes.Conflict"/> and nothing is saved.
    /// </summary>
    public Task<Result<CaseRecord>> AppendAsync(LoadedCase loaded, int expectedVersion, ApplicationEvent e, CancellationToken ct = default) =>
        AppendAsync(loaded, expectedVersion, e, alsoChange: null, ct);

    /// <summary>
    /// <see cref="AppendAsync(LoadedCase, int, ApplicationEvent, CancellationToken)"/>, also applying
    /// <paramref name="alsoChange"/> to the row (a new 承办人, another agency) in the same transaction.
    /// </summary>
    public async Task<Result<CaseRecord>> AppendAsync(LoadedCase loaded, int expectedVersion, ApplicationEvent e, Action<CaseRecord>? alsoChange, CancellationToken ct = default)
    {
        if (loaded.Case is null)
        {
            return CaseworkCodes.Problem(CaseworkCodes.Unconfirmed);
        }

        if (loaded.Record.Version != expectedVersion)
        {
            return Conflict;
        }

        var result = loaded.Case.TryAppend(e, rules);
        if (result.Problem is { } refused)
        {
            return refused;
        }

        var record = loaded.Record;
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        record.Version++;
        AddEvent(record, loaded.Events.Count + 1, e);
        Refresh(record, result.Value);
        await notices.ForStepAsync(record, result.Value, e, loaded.Events.Count + 1, ct);
        audit.Record(AuditCodeOf(e.GetType()), AuditEntities.Case, record.Id, record.AgencyId, $"{record.TrackingNumber} {CaseworkText.NameOf(e)}");
        alsoChange?.Invoke(record);
        return await SaveStepAsync(record, ct);
    }

    /// <summary>
    /// Saves a step. Two requests that loaded the same version both pass the version check; the
    /// loser then meets the version's concurrency token or the unique (case, sequence) index, depending
    /// on which statement the database reaches first. Either is a lost race: nothing of it is kept.
    /// </summary>
    private async Task<Result<CaseRecord>> SaveStepAsync(CaseRecord record, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            notices.AfterCommit();
            return record;
        }
        catch (DbUpdateException x) when (x.IsLostRace())
        {
            db.ChangeTracker.Clear();
            return Conflict;
        }
    }

    /// <summary>
    /// The audit code of a step, from the type of its event (<see cref="Registered"/> → <c>case.register</c>,
    /// <see cref="SupplementRequested"/> → <c>case.supplement</c> …): the one place that names a step in the
    /// audit trail, whether the case page, the case API or <see cref="CaseRouting"/> recorded it.
    /// </summary>
    public static string AuditCodeOf(Type eventType) =>
        s_auditCodes.TryGetValue(eventType, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "not a case event");

    private static readonly FrozenDictionary<Type, string> s_auditCodes = new Dictionary<Type, string>
    {
        [typeof(Registered)] = AuditCodes.CaseRegister,
        [typeof(SupplementRequested)] = AuditCodes.CaseSupplement,
        [typeof(SupplementReceived)] = AuditCodes.CaseSupplementReceived,
        [typeof(ConsultationStarted)] = AuditCodes.CaseConsultation,
        [typeof(ConsultationEnded)] = AuditCodes.CaseConsultationEnded,
        [typeof(Extended)] = AuditCodes.CaseExtend,
        [typeof(FeeNotified)] = AuditCodes.CaseFeeNotice,
        [typeof(FeePaid)] = AuditCodes.CaseFeePaid,
        [typeof(Abandoned)] = AuditCodes.CaseAbandon,
        [typeof(Decided)] = AuditCodes.CaseDecide,
        [typeof(Closed)] = AuditCodes.CaseClose,
        [typeof(Assigned)] = AuditCodes.CaseAssign,
        [typeof(Transferred)] = AuditCodes.CaseTransfer,
    }.ToFrozenDictionary();

    /// <summary>The case changed since it was loaded (the user's version is stale, or another request won the race).</summary>
    public static Problem Conflict => CaseworkCodes.Problem(CaseworkCodes.Conflict);

    /// <summary>Whether <paramref name="result"/> lost to another writer: answer 409 with the current version.</summary>
    public static bool IsConflict<T>(Result<T> result) => result.Code == CaseworkCodes.Conflict;

    private void AddEvent(CaseRecord record, int sequence, ApplicationEvent e) =>
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = record.Id,
            Sequence = sequence,
            Kind = e.Kind,
            OccurredOn = e.OccurredOn,
            Data = ApplicationEventJson.Serialize(e),
            RecordedAt = e.Recorded.At.UtcDateTime,
            RecordedBy = staff.UserName ?? e.Recorded.By,
        });

    /// <summary>Copies the domain's derived facts into the row's query caches.</summary>
    public void Refresh(CaseRecord record, ApplicationCase c) => Refresh(record, c, rules);

    /// <summary>Copies the domain's derived facts into the row's query caches (also used by the demo seed).</summary>
    internal static void Refresh(CaseRecord record, ApplicationCase c, CaseRules rules)
    {
        var deadline = c.DeadlineFigures(rules);
        record.ReceivedOn = c.ReceivedOn;
        record.Year = c.ReceivedOn.Year;
        record.State = c.State;
        record.IsExtended = c.ExtensionDays > 0;
        record.DueOn = c.ConcludedOn is null ? deadline.DueOn : null;
        record.Outcome = c.Outcome?.RowKey();
        record.ConcludedOn = c.ConcludedOn;
    }
}
