using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Casework;

/// <summary>
/// The deployment's working-day calendar, the only one the web reads: the embedded national data
/// (<see cref="WorkingDayCalendar.China"/>) with every year's notice an administrator loaded into the database
/// (<c>HolidayNotices</c>, the latest per year wins) on top. Years with neither rest on the statutory days, provisional.
/// A singleton: <see cref="ReloadAsync"/> runs at start-up and after a notice is loaded; <see cref="Generation"/> changes
/// with every reload, so caches of derived deadlines can tell a stale entry.
/// </summary>
public sealed class CalendarService
{
    private volatile Snapshot _current = new(WorkingDayCalendar.China, 0);

    private sealed record Snapshot(WorkingDayCalendar Calendar, int Generation);

    /// <summary>The calendar in force.</summary>
    public WorkingDayCalendar Current => _current.Calendar;

    /// <summary>Changes with every reload.</summary>
    public int Generation => _current.Generation;

    /// <summary>Rebuilds <see cref="Current"/> from the embedded data and the notices stored in <paramref name="db"/>.</summary>
    public async Task<WorkingDayCalendar> ReloadAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        var rows = await db.HolidayNotices.AsNoTracking().OrderBy(n => n.Id).Select(n => n.Json).ToListAsync(ct);
        var calendar = WorkingDayCalendar.China;
        foreach (var json in rows)
        {
            calendar = calendar.Extend(json);
        }

        _current = new Snapshot(calendar, _current.Generation + 1);
        return calendar;
    }

    /// <summary>Replaces the calendar (tests, and the loader after it saved a notice).</summary>
    internal void Set(WorkingDayCalendar calendar) => _current = new Snapshot(calendar, _current.Generation + 1);
}
