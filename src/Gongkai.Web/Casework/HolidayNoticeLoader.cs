using System.Collections.Immutable;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Casework;

/// <summary>An open case whose due date changed when a notice was loaded.</summary>
public sealed record MovedCase(Guid Id, int AgencyId, string TrackingNumber, DateOnly? From, DateOnly? To);

/// <summary>What loading a notice did: the issues that refused it, or the open cases recomputed and those whose due date moved.</summary>
public sealed record NoticeLoadResult(ImmutableArray<NoticeIssue> Issues, int Recomputed, IReadOnlyList<MovedCase> Moved)
{
    public bool Loaded => Issues.IsEmpty;
}

/// <summary>
/// Loads a year's State Council holiday notice into the deployment's calendar: checks it (<see cref="HolidayNoticeCheck"/>),
/// stores it with an audit entry, recomputes the due date (<see cref="CaseRecord.DueOn"/>) of every open case of every
/// agency under the new calendar, and reports the cases whose due date moved. One transaction: the notice, the audit
/// entry and the new due dates are saved together or not at all; a case changed by someone meanwhile makes the whole
/// load fail with <see cref="DbUpdateConcurrencyException"/> (nothing saved; load again).
/// </summary>
public sealed class HolidayNoticeLoader(GongkaiDbContext db, CalendarService calendars, CaseRules rules, AuditTrail audit, CurrentStaff staff, TimeProvider clock)
{
    private const int Batch = 200;

    public async Task<NoticeLoadResult> LoadAsync(HolidayYear year, CancellationToken ct = default)
    {
        var issues = HolidayNoticeCheck.Check(year);
        if (!issues.IsEmpty)
        {
            return new NoticeLoadResult(issues, 0, []);
        }

        var json = HolidayNoticeCheck.ToJson(year);
        var calendar = calendars.Current.Extend(json);
        var newRules = rules with { Calendar = calendar };
        var number = year.Notices[0].Number;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.HolidayNotices.Add(new HolidayNoticeRecord
        {
            Year = year.Year, Number = number, Json = json, LoadedAt = clock.GetUtcNow().UtcDateTime, LoadedBy = staff.UserName ?? "system",
        });

        var moved = new List<MovedCase>();
        var recomputed = 0;
        var ids = await db.Cases.AsNoTracking().Where(c => c.ConcludedOn == null && !c.AwaitingConfirmation).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var records = await db.Cases.Where(c => chunk.Contains(c.Id)).ToListAsync(ct);
            var events = (await db.CaseEvents.AsNoTracking().Where(e => chunk.Contains(e.CaseId)).ToListAsync(ct))
                .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
            foreach (var record in records)
            {
                if (!events.TryGetValue(record.Id, out var list))
                {
                    continue;
                }

                var c = ApplicationCase.Replay(list.Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)), newRules);
                var before = record.DueOn;
                CaseService.Refresh(record, c, newRules);
                recomputed++;
                if (record.DueOn != before)
                {
                    moved.Add(new MovedCase(record.Id, record.AgencyId, record.TrackingNumber, before, record.DueOn));
                }
            }
        }

        audit.Record(AuditCodes.CalendarLoadNotice, AuditEntities.HolidayNotice, year.Year, staff.AgencyId,
            $"{year.Year}年 {number}：重新计算{recomputed}件未办结案件，{moved.Count}件期限变动");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        calendars.Set(calendar);
        return new NoticeLoadResult([], recomputed, moved);
    }
}
