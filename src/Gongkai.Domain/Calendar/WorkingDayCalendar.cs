using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The working-day calendar (工作日): Monday to Friday, minus the rest days of each year's State Council
/// notice, plus the weekend days the notice makes working days (调休上班), with regional overrides layered on
/// top. Immutable; <see cref="WithYears"/> and <see cref="WithOverride"/> return new calendars.
/// <para>
/// A date in a year with no loaded schedule is answered from the statutory rest days the law fixes
/// (<see cref="StatutoryHolidays"/>, when <see cref="StatutoryFallback"/> is on) and weekends, never with guessed
/// make-up working days, and the answer says so (<see cref="DayInfo.IsProvisional"/>,
/// <see cref="CalendarAnswer{T}.IsProvisional"/>, <see cref="Deadline.IsProvisional"/>).
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The largest number of working days <see cref="AddWorkingDays(DateOnly, int)"/> accepts (about 40 years).</summary>
    public const int MaxWorkingDays = 10_000;

    private static readonly Lazy<WorkingDayCalendar> s_china = new(() => HolidayJson.LoadEmbedded("holidays-cn.json"));

    private readonly FrozenDictionary<DateOnly, SpecialDay> _special;
    private readonly FrozenSet<int> _covered;
    private readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, SpecialDay>> _computed = new();

    /// <param name="name">The calendar's name.</param>
    /// <param name="years">The loaded schedules; a later entry for the same year replaces an earlier one.</param>
    /// <param name="overrides">Layers over everything else (regional holidays, later changes).</param>
    /// <param name="statutoryFallback">Whether a year with no loaded schedule rests on its statutory days (<see cref="StatutoryHolidays"/>); otherwise on weekends only.</param>
    public WorkingDayCalendar(string name, IEnumerable<HolidayYear> years, IEnumerable<CalendarOverride>? overrides = null, bool statutoryFallback = true)
    {
        Name = name;
        StatutoryFallback = statutoryFallback;
        Years = [.. years.GroupBy(y => y.Year).Select(g => g.Last()).OrderBy(y => y.Year)];
        Overrides = [.. overrides ?? []];
        var special = new Dictionary<DateOnly, SpecialDay>();
        foreach (var year in Years)
        {
            Apply(special, year.Holidays, year.Notices.IsDefaultOrEmpty ? $"{year.Year}" : year.Notices[0].Number);
        }

        foreach (var layer in Overrides)
        {
            Apply(special, layer.Holidays, layer.Notices.IsDefaultOrEmpty ? layer.Name : layer.Notices[0].Number);
        }

        _special = special.ToFrozenDictionary();
        _covered = Years.Select(y => y.Year).ToFrozenSet();
    }

    /// <summary>
    /// The national calendar of mainland China as released: 2019–2026 from the embedded <c>holidays-cn.json</c>, other
    /// years from the law (provisional). A deployment adds the notices its administrators load (the Web's calendar
    /// service); code that serves a deployment takes its calendar from there, not from here.
    /// </summary>
    public static WorkingDayCalendar China => s_china.Value;

    /// <summary>A calendar with no schedules: every answer is provisional (weekends only).</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new("weekends-only", [], statutoryFallback: false);

    public string Name { get; }

    /// <summary>Whether a year with no loaded schedule rests on the statutory days of <see cref="StatutoryHolidays"/> (otherwise weekends only).</summary>
    public bool StatutoryFallback { get; }

    public ImmutableArray<HolidayYear> Years { get; }

    public ImmutableArray<CalendarOverride> Overrides { get; }

    /// <summary>The years whose schedule is loaded; answers about other years are provisional.</summary>
    public IReadOnlySet<int> CoveredYears => _covered;

    /// <summary>Every holiday and make-up working day the calendar knows, in date order.</summary>
    public IEnumerable<SpecialDay> SpecialDays => _special.Values.OrderBy(d => d.Date);

    /// <summary>Parses a calendar file (the format of <c>holidays-cn.json</c>, docs/calendar.md). Throws <see cref="FormatException"/> with the reason.</summary>
    public static WorkingDayCalendar Parse(string json) => HolidayJson.Parse(json);

    /// <summary>This calendar with the years and overrides of <paramref name="json"/> added (a year already loaded is replaced).</summary>
    public WorkingDayCalendar Extend(string json)
    {
        var more = Parse(json);
        return new WorkingDayCalendar(Name, Years.Concat(more.Years), Overrides.Concat(more.Overrides), StatutoryFallback);
    }

    /// <summary>This calendar with <paramref name="years"/> added; a year already loaded is replaced.</summary>
    public WorkingDayCalendar WithYears(params IEnumerable<HolidayYear> years) => new(Name, Years.Concat(years), Overrides, StatutoryFallback);

    /// <summary>This calendar with <paramref name="layer"/> on top of everything loaded so far.</summary>
    public WorkingDayCalendar WithOverride(CalendarOverride layer) => new(Name, Years, Overrides.Add(layer), StatutoryFallback);

    /// <summary>
    /// Why an answer touching <paramref name="years"/> is provisional: <see cref="ProvisionalReason.StatutoryOnly"/> when every
    /// such year's rest days were computed from the law, <see cref="ProvisionalReason.WeekendsOnly"/> when some year had not even that.
    /// Null when <paramref name="years"/> is empty.
    /// </summary>
    public ProvisionalReason? ReasonFor(IEnumerable<int> years)
    {
        var list = years.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        return StatutoryFallback && list.All(StatutoryHolidays.Covers) ? ProvisionalReason.StatutoryOnly : ProvisionalReason.WeekendsOnly;
    }

    public bool IsCovered(DateOnly date) => _covered.Contains(date.Year);

    /// <summary>What kind of day <paramref name="date"/> is, and whether the answer is provisional.</summary>
    public DayInfo Describe(DateOnly date)
    {
        var provisional = !_covered.Contains(date.Year);
        if (TryGetSpecial(date, out var special))
        {
            return new DayInfo(date, special.Kind, provisional, special);
        }

        return new DayInfo(date, IsWeekend(date) ? DayKind.Weekend : DayKind.Weekday, provisional, null);
    }

    /// <summary>Whether <paramref name="date"/> is a working day; provisional when its year has no loaded schedule.</summary>
    public CalendarAnswer<bool> IsWorkingDay(DateOnly date) =>
        new(IsWorkingDayCore(date), !_covered.Contains(date.Year), _covered.Contains(date.Year) ? [] : [date.Year]);

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>: <paramref name="start"/> itself is not
    /// counted, so for <c>n ≥ 1</c> the result is always a working day after <paramref name="start"/>. For
    /// <c>n = 0</c> the result is <paramref name="start"/>; for <c>n &lt; 0</c> it is the |n|-th working day before it.
    /// Provisional if any day examined (from the day after <paramref name="start"/> through the result) lies in a year
    /// with no loaded schedule.
    /// </summary>
    public CalendarAnswer<DateOnly> AddWorkingDays(DateOnly start, int n)
    {
        if (Math.Abs((long)n) > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"at most {MaxWorkingDays} working days");
        }

        var provisional = new HashSet<int>();
        var step = n >= 0 ? 1 : -1;
        var remaining = Math.Abs(n);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (!_covered.Contains(day.Year))
            {
                provisional.Add(day.Year);
            }

            if (IsWorkingDayCore(day))
            {
                remaining--;
            }
        }

        return CalendarAnswer.Of(day, provisional);
    }

    /// <summary><see cref="AddWorkingDays(DateOnly, int)"/> for a <see cref="WorkingDays"/> period.</summary>
    public CalendarAnswer<DateOnly> AddWorkingDays(DateOnly start, WorkingDays n) => AddWorkingDays(start, n.Count);

    /// <summary>
    /// The number of working days in the interval (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]:
    /// the first date is not counted, the last is. Zero when the dates are equal; negative (the count of
    /// (<paramref name="toInclusive"/>, <paramref name="fromExclusive"/>]) when the second date is earlier.
    /// For <c>n ≥ 0</c>, <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public CalendarAnswer<int> CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            var reverse = CountWorkingDays(toInclusive, fromExclusive);
            return reverse with { Value = -reverse.Value };
        }

        var provisional = new HashSet<int>();
        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (!_covered.Contains(day.Year))
            {
                provisional.Add(day.Year);
            }

            if (IsWorkingDayCore(day))
            {
                count++;
            }
        }

        return CalendarAnswer.Of(count, provisional);
    }

    /// <summary>The holidays and make-up working days in [<paramref name="fromInclusive"/>, <paramref name="toInclusive"/>], in date order.</summary>
    public ImmutableArray<SpecialDay> SpecialDaysBetween(DateOnly fromInclusive, DateOnly toInclusive)
    {
        var days = ImmutableArray.CreateBuilder<SpecialDay>();
        for (var day = fromInclusive; day <= toInclusive; day = day.AddDays(1))
        {
            if (TryGetSpecial(day, out var special))
            {
                days.Add(special);
            }
        }

        return days.ToImmutable();
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> working days for something received on
    /// <paramref name="received"/>, under <paramref name="policy"/> (default <see cref="CountingPolicy.NextWorkingDay"/>),
    /// with the holidays and make-up days it crosses.
    /// </summary>
    public Deadline Deadline(DateOnly received, int days, CountingPolicy? policy = null)
    {
        if (days < 1 || days > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"a period is 1 to {MaxWorkingDays} working days");
        }

        policy ??= CountingPolicy.Default;
        var first = policy.FirstCountedDay(this, received);
        var due = AddWorkingDays(first.Value, days - 1);
        var years = first.ProvisionalYears.Concat(due.ProvisionalYears).Distinct().Order().ToImmutableArray();
        return new Deadline(
            received,
            days,
            policy.Name,
            first.Value,
            due.Value,
            !years.IsEmpty,
            years,
            Describe(received),
            SpecialDaysBetween(received.AddDays(1), due.Value),
            ReasonFor(years));
    }

    internal bool IsWorkingDayCore(DateOnly date) =>
        TryGetSpecial(date, out var special) ? special.IsWorkingDay : !IsWeekend(date);

    /// <summary>The loaded (or overriding) entry for <paramref name="date"/>, else, in a year with no loaded schedule, its statutory rest day.</summary>
    private bool TryGetSpecial(DateOnly date, out SpecialDay special)
    {
        if (_special.TryGetValue(date, out special!))
        {
            return true;
        }

        if (!StatutoryFallback || _covered.Contains(date.Year) || !StatutoryHolidays.Covers(date.Year))
        {
            return false;
        }

        return _computed.GetOrAdd(date.Year, Compute).TryGetValue(date, out special!);
    }

    private static FrozenDictionary<DateOnly, SpecialDay> Compute(int year)
    {
        var days = new Dictionary<DateOnly, SpecialDay>();
        foreach (var holiday in StatutoryHolidays.For(year))
        {
            foreach (var day in holiday.RestDays())
            {
                days.TryAdd(day, new SpecialDay(day, DayKind.Holiday, holiday.Key, holiday.Name, StatutoryHolidays.Source, Computed: true));
            }
        }

        return days.ToFrozenDictionary();
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void Apply(Dictionary<DateOnly, SpecialDay> special, ImmutableArray<HolidayPeriod> holidays, string source)
    {
        foreach (var holiday in holidays)
        {
            var from = holiday.Notice ?? source;
            foreach (var day in holiday.RestDays())
            {
                special[day] = new SpecialDay(day, DayKind.Holiday, holiday.Key, holiday.Name, from);
            }

            foreach (var day in holiday.Work)
            {
                special[day] = new SpecialDay(day, DayKind.MakeUpWorkday, holiday.Key, holiday.Name, from);
            }
        }
    }
}
