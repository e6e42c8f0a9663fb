using System.Security.Cryptography;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Casework;

/// <summary>A case as loaded: the stored row and the domain case rebuilt from its events (null while awaiting confirmation).</summary>
public sealed record LoadedCase(CaseRecord Record, ApplicationCase? Case, IReadOnlyList<CaseEvent> Events);

/// <summary>The outcome of a casework step: done, or refused with the domain's reason.</summary>
public sealed record StepResult(CaseworkError? Error)
{
    public bool Succeeded => Error is null;

    public static StepResult Ok { get; } = new((CaseworkError?)null);
}

/// <summary>
/// The bridge between the casework domain and the database: loads a case (scoped to the user's
/// agency), appends a domain event after the domain accepted it, and refreshes the query caches
/// from the domain's derived state. One SaveChanges per step: the event, the caches, the version
/// and the audit entry are written together or not at all.
/// </summary>
public sealed class CaseService(GongkaiDbContext db, CurrentStaff staff, AuditTrail audit, CaseRules rules, TimeProvider clock)
{
    public CaseRules Rules => rules;

    /// <summary>Today in China (UTC+8, no daylight saving).</summary>
    public DateOnly Today => Gongkai.Domain.Calendar.ChinaTime.Today(clock);

    /// <summary>The case with <paramref name="id"/> if it belongs to the user's agency; null otherwise (as if it did not exist).</summary>
    public async Task<LoadedCase?> LoadAsync(Guid id, CancellationToken ct = default)
    {
        var agency = staff.DeskAgencyId;
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == id && c.AgencyId == agency, ct);
        return record is null ? null : await LoadEventsAsync(record, ct);
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
        var domain = events.Count == 0 ? null : ApplicationCase.Replay(events.Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)), rules);
        return new LoadedCase(record, domain, events);
    }

    /// <summary>A new tracking number for <paramref name="agency"/>: code, year and 8 random characters (not guessable).</summary>
    public static string NewTrackingNumber(Agency agency, int year)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"{agency.Code}-{year}-{new string(chars)}";
    }

    public Recorded Recorded() => new(staff.DisplayName, clock.GetUtcNow());

    /// <summary>Registers an application received by the office: the domain checks it, then the row and its first event are saved together.</summary>
    public async Task<(CaseRecord? Record, CaseworkError? Error)> RegisterAsync(Agency agency, Func<Guid, string, CaseworkResult<Application>> build, CancellationToken ct = default)
    {
        var id = Guid.CreateVersion7();
        var built = build(id, NewTrackingNumber(agency, Today.Year));
        if (built.Error is { } error)
        {
            return (null, error);
        }

        var application = built.Value;
        var registered = ApplicationCase.TryRegister(new Registered(application.ReceivedOn, Recorded(), application));
        if (registered.Error is { } refused)
        {
            return (null, refused);
        }

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
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Cases.Add(record);
        AddEvent(record, 1, registered.Value.Events[0]);
        Refresh(record, registered.Value);
        audit.Record("case.register", "case", record.Id, agency.Id, $"{record.TrackingNumber} {ChannelText.Zh(application.Channel)}");
        await db.SaveChangesAsync(ct);
        return (record, null);
    }

    /// <summary>Registers a portal application the office has confirmed (Art. 31: online, received the day both sides confirm).</summary>
    public async Task<CaseworkError?> ConfirmPortalAsync(LoadedCase loaded, int expectedVersion, DateOnly confirmedOn, CancellationToken ct = default)
    {
        var record = loaded.Record;
        if (!record.AwaitingConfirmation || record.SubmissionJson is null)
        {
            return new CaseworkError("portal.not-pending", "该申请已登记", "already registered");
        }

        ThrowIfStale(record, expectedVersion);
        var submission = PortalSubmission.FromJson(record.SubmissionJson);
        var built = submission.ToApplication(record.Id, record.TrackingNumber, record.SubmittedOn, confirmedOn);
        if (built.Error is { } error)
        {
            return error;
        }

        var registered = ApplicationCase.TryRegister(new Registered(built.Value.ReceivedOn, Recorded(), built.Value));
        if (registered.Error is { } refused)
        {
            return refused;
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        record.AwaitingConfirmation = false;
        record.SubmissionJson = null;
        record.Version++;
        AddEvent(record, 1, registered.Value.Events[0]);
        Refresh(record, registered.Value);
        audit.Record("case.confirm", "case", record.Id, record.AgencyId, record.TrackingNumber);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Appends <paramref name="e"/> if the domain accepts it. <paramref name="expectedVersion"/> is the version the user saw:
    /// if someone else changed the case since, <see cref="DbUpdateConcurrencyException"/> is thrown and nothing is saved.
    /// </summary>
    public async Task<StepResult> AppendAsync(LoadedCase loaded, int expectedVersion, ApplicationEvent e, string action, CancellationToken ct = default)
    {
        if (loaded.Case is null)
        {
            return new StepResult(new CaseworkError("case.unconfirmed", "网上申请尚未确认受理", "the portal application is not yet confirmed"));
        }

        ThrowIfStale(loaded.Record, expectedVersion);
        var result = loaded.Case.TryAppend(e, rules);
        if (result.Error is { } error)
        {
            return new StepResult(error);
        }

        var record = loaded.Record;
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        record.Version++;
        AddEvent(record, loaded.Events.Count + 1, e);
        Refresh(record, result.Value);
        audit.Record(action, "case", record.Id, record.AgencyId, $"{record.TrackingNumber} {ApplicationCase.Zh(e)}");
        await db.SaveChangesAsync(ct);
        return StepResult.Ok;
    }

    /// <summary>The user acted on a version of the case that is no longer current: refuse before the domain even looks.</summary>
    private static void ThrowIfStale(CaseRecord record, int expectedVersion)
    {
        if (record.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException($"case {record.Id} is at version {record.Version}, not {expectedVersion}");
        }
    }

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
