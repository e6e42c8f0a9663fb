using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Casework;

/// <summary>An open case on the dashboard: its row, its due date and the domain's explanation of it.</summary>
public sealed record DashboardItem(CaseRecord Record, DateOnly? DueOn, string Summary, IReadOnlyList<string> Why);

/// <summary>The desk's dashboard: open applications by deadline state.</summary>
public sealed record DashboardView(
    DateOnly Today,
    DateOnly SoonLimit,
    int OpenCount,
    IReadOnlyList<DashboardItem> Overdue,
    IReadOnlyList<DashboardItem> DueSoon,
    IReadOnlyList<DashboardItem> Paused,
    IReadOnlyList<DashboardItem> Extended,
    IReadOnlyList<CaseRecord> AwaitingConfirmation,
    int OverdueCount,
    int DueSoonCount,
    int PausedCount,
    int ExtendedCount);

public static class Dashboard
{
    /// <summary>How many cases each list shows.</summary>
    public const int ListSize = 20;

    /// <summary>"Due soon" means due within this many working days.</summary>
    public const int SoonWorkingDays = 3;

    /// <summary>The states in which the clock is paused (补正, consultation, fee).</summary>
    private static readonly ApplicationState[] s_paused = [ApplicationState.AwaitingSupplement, ApplicationState.Consulting, ApplicationState.AwaitingFee];

    /// <summary>The dashboard of <paramref name="agencyId"/>; with <paramref name="handler"/>, only the cases that user handles (承办).</summary>
    public static async Task<DashboardView> BuildAsync(GongkaiDbContext db, CaseService cases, DeadlineExplanations explanations, int agencyId, CancellationToken ct, string? handler = null)
    {
        // One connection for the dozen small queries below, rather than one from the pool per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await BuildOpenAsync(db, cases, explanations, agencyId, handler, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Every query below is an equality on State (never a Contains over a state array or "not decided"), so that
    // SQLite and PostgreSQL seek the (AgencyId, State, …) indexes: (…, DueOn) for the running cases by deadline,
    // (…, IsExtended, DueOn) for the extended ones and (…, SubmittedOn) for the paused ones, and count from the index alone.
    private static async Task<DashboardView> BuildOpenAsync(GongkaiDbContext db, CaseService cases, DeadlineExplanations explanations, int agencyId, string? handler, CancellationToken ct)
    {
        var today = cases.Today;
        var soon = cases.Rules.Calendar.AddWorkingDays(today, SoonWorkingDays).Value;
        var mine = db.Cases.AsNoTracking().Where(c => c.AgencyId == agencyId);
        if (handler is not null)
        {
            mine = mine.Where(c => c.Handler == handler);
        }

        var running = mine.Where(c => c.State == ApplicationState.Open);

        var overdueQ = running.Where(c => c.DueOn < today);
        var soonQ = running.Where(c => c.DueOn >= today && c.DueOn <= soon);
        // Compared with a parameter: EF would write a bare "IsExtended", which SQLite does not treat as an index equality.
        var extended = true;
        var extendedQ = running.Where(c => c.IsExtended == extended);
        IQueryable<CaseRecord> PausedIn(ApplicationState state) => mine.Where(c => c.State == state);

        var overdue = await overdueQ.OrderBy(c => c.DueOn).Take(ListSize).ToListAsync(ct);
        var dueSoon = await soonQ.OrderBy(c => c.DueOn).Take(ListSize).ToListAsync(ct);
        // The oldest paused cases: the oldest of each paused state in one round trip, merged here.
        var paused = (await PausedIn(s_paused[0]).OrderBy(c => c.SubmittedOn).Take(ListSize)
                .Concat(PausedIn(s_paused[1]).OrderBy(c => c.SubmittedOn).Take(ListSize))
                .Concat(PausedIn(s_paused[2]).OrderBy(c => c.SubmittedOn).Take(ListSize))
                .ToListAsync(ct))
            .OrderBy(c => c.SubmittedOn).ThenBy(c => c.TrackingNumber, StringComparer.Ordinal).Take(ListSize).ToList();
        var extendedList = await extendedQ.OrderBy(c => c.DueOn).Take(ListSize).ToListAsync(ct);
        // Unconfirmed portal applications have no state yet: "State IS NULL" seeks the state index instead of scanning the agency;
        var awaiting = (await mine.Where(c => c.State == null && c.AwaitingConfirmation).Take(500).ToListAsync(ct))
            .OrderBy(c => c.SubmittedOn).Take(ListSize).ToList(); // ordered here: an ORDER BY would make SQLite walk the date index

        var shown = overdue.Concat(dueSoon).Concat(paused).Concat(extendedList).DistinctBy(c => c.Id).ToList();
        var why = await ExplainAsync(db, cases, explanations, shown, ct);
        DashboardItem Item(CaseRecord r) => why.TryGetValue(r.Id, out var w)
            ? new(r, w.Due, w.Summary, w.Lines)
            : new(r, r.DueOn, string.Empty, []);

        // Equalities over the open states (not "not decided"), so the (AgencyId, State, DueOn) index is counted alone.
        var openCount = await mine.CountAsync(c => c.State == ApplicationState.Open || c.State == ApplicationState.AwaitingSupplement || c.State == ApplicationState.Consulting || c.State == ApplicationState.AwaitingFee, ct);
        var pausedCount = paused.Count < ListSize ? paused.Count
            : await mine.CountAsync(c => c.State == ApplicationState.AwaitingSupplement || c.State == ApplicationState.Consulting || c.State == ApplicationState.AwaitingFee, ct);

        return new DashboardView(
            today,
            soon,
            openCount,
            overdue.Select(Item).ToList(),
            dueSoon.Select(Item).ToList(),
            paused.Select(Item).ToList(),
            extendedList.Select(Item).ToList(),
            awaiting,
            overdue.Count < ListSize ? overdue.Count : await overdueQ.CountAsync(ct),
            dueSoon.Count < ListSize ? dueSoon.Count : await soonQ.CountAsync(ct),
            pausedCount,
            extendedList.Count < ListSize ? extendedList.Count : await extendedQ.CountAsync(ct));
    }

    /// <summary>
    /// The domain's deadline and explanation for each case: from <paramref name="explanations"/> when the case's
    /// version was already explained today, else rebuilt from its events (and kept for the rest of the day).
    /// </summary>
    private static async Task<Dictionary<Guid, DeadlineExplanation>> ExplainAsync(
        GongkaiDbContext db, CaseService cases, DeadlineExplanations explanations, List<CaseRecord> records, CancellationToken ct)
    {
        var result = new Dictionary<Guid, DeadlineExplanation>();
        var missing = new Dictionary<Guid, int>();
        foreach (var r in records)
        {
            if (explanations.TryGet(r.Id, r.Version, out var known))
            {
                result[r.Id] = known;
            }
            else
            {
                missing[r.Id] = r.Version;
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var ids = missing.Keys.ToList();
        var events = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .OrderBy(e => e.CaseId).ThenBy(e => e.Sequence)
            .Select(e => new { e.CaseId, e.Kind, e.Data })
            .ToListAsync(ct);
        foreach (var group in events.GroupBy(e => e.CaseId))
        {
            var c = ApplicationCase.Replay(group.Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)), cases.Rules);
            var deadline = c.Deadline(cases.Rules);
            // The line that says where the deadline stands: due, or paused; else the latest step.
            var summary = deadline.Steps.LastOrDefault(s => s.Code is "due" or "paused") ?? deadline.Steps[^1];
            var explained = new DeadlineExplanation(deadline.DueOn, summary.Text, deadline.Steps.Select(s => s.Text).ToArray());
            explanations.Set(group.Key, missing[group.Key], explained);
            result[group.Key] = explained;
        }

        return result;
    }
}
