namespace Gongkai.Domain.Calendar;

/// <summary>
/// How a period of N working days is counted from the day something was received. The Regulation does not
/// say whether the day of receipt counts (ogi-domain.md C, Art. 33 [U]); common practice starts counting on the
/// next working day, which is <see cref="Default"/>. Policies are named so a configuration can choose one
/// (<see cref="FromName"/>), after NodaTime's resolvers.
/// </summary>
public sealed record CountingPolicy(string Name, bool ReceiptDayCounts, string DescriptionZh, string Description)
{
    /// <summary><c>next-working-day</c>: day 1 is the first working day after the day of receipt (the day of receipt never counts).</summary>
    public static CountingPolicy NextWorkingDay { get; } = new(
        "next-working-day", false, "自收到之日的下一个工作日起算（收到当日不计入）", "counting starts on the working day after receipt");

    /// <summary><c>receipt-day-counts</c>: the day of receipt is day 1 when it is a working day; otherwise the next working day is.</summary>
    public static CountingPolicy ReceiptDayIsDayOne { get; } = new(
        "receipt-day-counts", true, "收到之日为工作日的，当日计为第1个工作日", "the day of receipt is day 1 when it is a working day");

    /// <summary>The default: <see cref="NextWorkingDay"/>.</summary>
    public static CountingPolicy Default => NextWorkingDay;

    public static IReadOnlyList<CountingPolicy> All { get; } = [NextWorkingDay, ReceiptDayIsDayOne];

    /// <summary>The policy called <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the known names.</summary>
    public static CountingPolicy FromName(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"unknown counting policy '{name}' (known: {string.Join(", ", All.Select(p => p.Name))})", nameof(name));

    /// <summary>Day 1 of a period for something received on <paramref name="received"/>: always a working day.</summary>
    public CalendarAnswer<DateOnly> FirstCountedDay(WorkingDayCalendar calendar, DateOnly received)
    {
        if (ReceiptDayCounts)
        {
            var today = calendar.IsWorkingDay(received);
            if (today.Value)
            {
                return new CalendarAnswer<DateOnly>(received, today.IsProvisional, today.ProvisionalYears);
            }
        }

        return calendar.AddWorkingDays(received, 1);
    }

    /// <summary>The last day of a period of <paramref name="days"/> working days (≥ 1) for something received on <paramref name="received"/>.</summary>
    public CalendarAnswer<DateOnly> LastDay(WorkingDayCalendar calendar, DateOnly received, int days)
    {
        var first = FirstCountedDay(calendar, received);
        var last = calendar.AddWorkingDays(first.Value, days - 1);
        return CalendarAnswer.Of(last.Value, [.. first.ProvisionalYears.Union(last.ProvisionalYears)]);
    }

    public override string ToString() => Name;
}
