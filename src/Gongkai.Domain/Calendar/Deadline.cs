using System.Collections.Immutable;
using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The last day of a period of working days, with how it was reached: the day of receipt, the first counted day,
/// the holidays and make-up working days crossed (structured, <see cref="Crossed"/>) and whether any year involved
/// had no loaded schedule (<see cref="IsProvisional"/>). <see cref="Explain"/> words it in Chinese.
/// </summary>
/// <param name="Received">The day of receipt (or of whatever starts the period).</param>
/// <param name="WorkingDays">The length of the period in working days.</param>
/// <param name="Policy">The name of the <see cref="CountingPolicy"/> used.</param>
/// <param name="FirstCountedDay">Day 1 of the period (a working day).</param>
/// <param name="DueOn">The last day of the period, inclusive: the act is in time if done on or before it.</param>
/// <param name="IsProvisional">True when some day of the period lies in a year with no loaded schedule (weekends only).</param>
/// <param name="ProvisionalYears">Those years.</param>
/// <param name="ReceivedDay">What kind of day the day of receipt was.</param>
/// <param name="Crossed">The holidays and make-up working days after <paramref name="Received"/> up to and including <paramref name="DueOn"/>.</param>
/// <param name="Reason">Why the answer is provisional (null when it is not).</param>
public sealed record Deadline(
    DateOnly Received,
    int WorkingDays,
    string Policy,
    DateOnly FirstCountedDay,
    DateOnly DueOn,
    bool IsProvisional,
    ImmutableArray<int> ProvisionalYears,
    DayInfo ReceivedDay,
    ImmutableArray<SpecialDay> Crossed,
    ProvisionalReason? Reason = null)
{
    /// <summary>The explanation lines in Chinese: receipt, holidays and make-up days crossed (grouped), the due day, and the provisional warning.</summary>
    public ImmutableArray<string> Explain()
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add($"收到日 {CalendarText.Day(ReceivedDay)}；{CalendarText.PolicyText(Policy)}，第1个工作日为 {CalendarText.Date(FirstCountedDay)}");
        lines.AddRange(CalendarText.Groups(Crossed));
        lines.Add($"第{WorkingDays}个工作日 {CalendarText.Date(DueOn)}（{CalendarText.Weekday(DueOn)}）为期限届满日");
        if (IsProvisional)
        {
            lines.Add((Reason ?? ProvisionalReason.WeekendsOnly).Zh(ProvisionalYears));
        }

        return lines.ToImmutable();
    }
}

/// <summary>Chinese wording of calendar facts, shared by <see cref="Deadline"/> and the casework explanations.</summary>
public static class CalendarText
{
    private static readonly string[] s_weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Weekday(DateOnly date) => s_weekdays[(int)date.DayOfWeek];

    /// <summary>e.g. <c>2025-09-28（周日 Sun，调休上班，国庆节、中秋节）</c>.</summary>
    public static string Day(DayInfo day)
    {
        var kind = day.Kind switch
        {
            DayKind.Holiday => $"，放假，{day.Special!.HolidayName}",
            DayKind.MakeUpWorkday => $"，调休上班，{day.Special!.HolidayName}",
            DayKind.Weekend => "，休息日",
            _ => string.Empty,
        };
        var provisional = day.IsProvisional ? "，暂定" : string.Empty;
        return $"{Date(day.Date)}（{Weekday(day.Date)}{kind}{provisional}）";
    }

    public static string PolicyText(string policy) =>
        CountingPolicy.All.FirstOrDefault(p => p.Name == policy)?.DescriptionZh ?? policy;

    /// <summary>Consecutive rest days of the same holiday as one line; each make-up working day as its own line.</summary>
    public static IEnumerable<string> Groups(IEnumerable<SpecialDay> days)
    {
        var list = days.ToList();
        var i = 0;
        while (i < list.Count)
        {
            var day = list[i];
            if (day.Kind == DayKind.MakeUpWorkday)
            {
                yield return $"{Date(day.Date)}（{Weekday(day.Date)}）{day.HolidayName}调休上班，计为工作日（依据：{day.Source}）";
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < list.Count && list[j + 1].Kind == DayKind.Holiday && list[j + 1].HolidayKey == day.HolidayKey
                   && list[j + 1].Date == list[j].Date.AddDays(1))
            {
                j++;
            }

            var range = i == j ? Date(day.Date) : $"{Date(day.Date)} 至 {Date(list[j].Date)}";
            if (day.Computed)
            {
                yield return $"{range} {day.HolidayName}（法定节假日，按{day.Source}推算，暂定），不计工作日";
                i = j + 1;
                continue;
            }

            yield return $"{range} {day.HolidayName}放假，不计工作日（依据：{day.Source}）";
            i = j + 1;
        }
    }
}
