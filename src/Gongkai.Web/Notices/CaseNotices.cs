using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Notices;

/// <summary>
/// Records notices in the outbox (<see cref="CaseNotice"/>): the applicant's with the step that causes them (in the
/// step's own transaction, so a notice exists exactly when its step does) and the staff reminders of the daily run.
/// Nothing is sent here; <see cref="NoticeSender"/> sends after commit.
/// </summary>
public sealed class CaseNotices(GongkaiDbContext db, CaseRules rules, NoticeSignal signal, TimeProvider clock)
{
    /// <summary>A case due within this many working days is reminded of.</summary>
    public const int DueSoonWorkingDays = 3;

    private bool _queued;

    /// <summary>
    /// Adds the applicant's notice for step <paramref name="sequence"/> (<paramref name="step"/>, leading to
    /// <paramref name="after"/>) when the step has one and the applicant gave an e-mail address. Saved by the caller's SaveChanges.
    /// </summary>
    public async Task ForStepAsync(CaseRecord record, ApplicationCase after, ApplicationEvent step, int sequence, CancellationToken ct, string? agencyName = null)
    {
        var email = after.Applicant.Contact.Email;
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        agencyName ??= (record.Agency ?? await db.Agencies.FindAsync([record.AgencyId], ct))?.Name;
        if (NoticeComposer.ForApplicant(agencyName ?? string.Empty, after, step, rules) is not { } notice)
        {
            return;
        }

        Add(record.Id, record.AgencyId, notice.Kind, email.Trim(), notice.Subject, notice.Body, $"{notice.Kind}:{record.Id:N}:{sequence}");
    }

    /// <summary>Wakes the sender: call after the transaction that recorded notices has committed.</summary>
    public void AfterCommit()
    {
        if (_queued)
        {
            _queued = false;
            signal.Poke();
        }
    }

    /// <summary>
    /// The daily run: for every open case due within <see cref="DueSoonWorkingDays"/> working days of <paramref name="today"/>,
    /// or past its due date, one reminder to its 承办人 (and, once overdue, to every approver of its agency; to every
    /// officer and approver while it has no 承办人) who has an e-mail address, once per case, due date and person (a later run, or a second run the same day, adds nothing). Returns how many were recorded.
    /// </summary>
    public async Task<int> QueueStaffRemindersAsync(DateOnly today, CancellationToken ct = default)
    {
        var limit = rules.Calendar.AddWorkingDays(today, DueSoonWorkingDays).Value;
        var cases = await db.Cases.AsNoTracking().Include(c => c.Agency)
            .Where(c => c.DueOn != null && c.DueOn <= limit && c.ConcludedOn == null)
            .ToListAsync(ct);
        if (cases.Count == 0)
        {
            return 0;
        }

        var agencyIds = cases.Select(c => c.AgencyId).Distinct().ToList();
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Officer || r.Name == Roles.Approver).Select(r => r.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var approverRole = await db.Roles.Where(r => r.Name == Roles.Approver).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var staff = (await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            where roleIds.Contains(ur.RoleId) && u.AgencyId != null && agencyIds.Contains(u.AgencyId.Value) && u.Email != null
                            select new { AgencyId = u.AgencyId!.Value, u.UserName, Email = u.Email!, u.LockoutEnd, Approver = ur.RoleId == approverRole }).ToListAsync(ct))
            .Where(u => u.LockoutEnd is null || u.LockoutEnd < now)
            .Select(u => new DeskMember(u.AgencyId, u.UserName, u.Email.Trim(), u.Approver))
            .ToLookup(u => u.AgencyId);

        var caseIds = cases.Select(c => c.Id).ToList();
        var existing = (await db.CaseNotices.AsNoTracking()
            .Where(n => caseIds.Contains(n.CaseId) && (n.Kind == NoticeKinds.DueSoon || n.Kind == NoticeKinds.Overdue))
            .Select(n => n.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var c in cases)
        {
            var due = c.DueOn!.Value;
            var kind = due < today ? NoticeKinds.Overdue : NoticeKinds.DueSoon;
            foreach (var email in Recipients(staff[c.AgencyId], c.Handler, kind))
            {
                var key = $"{kind}:{c.Id:N}:{due:yyyyMMdd}:{email.ToLowerInvariant()}";
                if (existing.Add(key))
                {
                    var (subject, body) = NoticeComposer.ForStaff(kind, c, c.Agency?.Name ?? string.Empty, due, today);
                    Add(c.Id, c.AgencyId, kind, email, subject, body, key);
                    added++;
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException x) when (x.IsLostRace())
        {
            // Another run recorded the same reminders first: they exist once, as they should.
            db.ChangeTracker.Clear();
            return 0;
        }

        AfterCommit();
        return added;
    }

    private sealed record DeskMember(int AgencyId, string? UserName, string Email, bool IsApprover);

    /// <summary>
    /// Who is reminded: for a case due soon its 承办人 (everyone at the desk while it has none, or the 承办人 has no
    /// e-mail address); for an overdue case the 承办人 and every approver of the agency as well.
    /// </summary>
    private static IEnumerable<string> Recipients(IEnumerable<DeskMember> desk, string? handler, string kind)
    {
        var members = desk.ToList();
        var handlers = members.Where(m => handler is not null && m.UserName == handler).ToList();
        var chosen = handlers.Count == 0 ? members
            : kind == NoticeKinds.Overdue ? [.. handlers, .. members.Where(m => m.IsApprover)]
            : handlers;
        return chosen.Select(m => m.Email).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private void Add(Guid caseId, int agencyId, string kind, string recipient, string subject, string body, string key)
    {
        db.CaseNotices.Add(new CaseNotice
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            AgencyId = agencyId,
            Kind = kind,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            DedupKey = key,
            Status = NoticeStatus.Pending,
            CreatedAt = clock.GetUtcNow(),
        });
        _queued = true;
    }
}
