using System.Collections.Immutable;

namespace Gongkai.Domain.Calendar;

/// <summary>What kind of day a date is in the working-day calendar.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday with no notice about it: a working day.</summary>
    Weekday,

    /// <summary>Saturday or Sunday with no notice about it: a rest day.</summary>
    Weekend,

    /// <summary>放假: a rest day set by a notice (a statutory holiday or a day of 调休 rest), whatever the day of the week.</summary>
    Holiday,

    /// <summary>调休上班: a weekend day the notice makes a working day.</summary>
    MakeUpWorkday,
}

/// <summary>
/// A notice that set holidays and make-up working days, e.g. 国办发明电〔2024〕12号.
/// <paramref name="Confidence"/> is the spec's tag: <c>V</c> verified against the text, <c>S</c> secondary, <c>U</c> unverified.
/// </summary>
public sealed record HolidayNotice(string Number, string Title, DateOnly Date, string Url, string Confidence = "V", string? Copy = null);

/// <summary>
/// One holiday of a notice: the rest period <paramref name="From"/>–<paramref name="To"/> (both inclusive, as printed)
/// and the weekend days it makes working days. <paramref name="Key"/> is the English identifier
/// (<c>spring_festival</c>), <paramref name="Name"/> the Chinese name (春节). <paramref name="Notice"/> names the notice
/// when it is not the year's first (an amendment).
/// </summary>
public sealed record HolidayPeriod(string Key, string Name, DateOnly From, DateOnly To, ImmutableArray<DateOnly> Work, string? Notice = null)
{
    /// <summary>Every date of the rest period, in order.</summary>
    public IEnumerable<DateOnly> RestDays()
    {
        for (var d = From; d <= To; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}

/// <summary>The national schedule of one year: the notices it came from and its holidays.</summary>
public sealed record HolidayYear(int Year, ImmutableArray<HolidayNotice> Notices, ImmutableArray<HolidayPeriod> Holidays, string? Note = null);

/// <summary>
/// A layer over the national schedule: regional holidays (民族节日, 放假办法 Art. 4) or a later change such as
/// the 2020 Spring Festival extension. Its rest days and working days win over the layers below it.
/// </summary>
public sealed record CalendarOverride(string Name, string? Region, ImmutableArray<HolidayNotice> Notices, ImmutableArray<HolidayPeriod> Holidays, string? Note = null);

/// <summary>
/// A date that a notice or override made special: a rest day (<see cref="DayKind.Holiday"/>) or a make-up working
/// day (<see cref="DayKind.MakeUpWorkday"/>), with the holiday it belongs to and the source that set it.
/// <paramref name="Computed"/>: a statutory rest day computed from the law for a year with no loaded notice
/// (<see cref="StatutoryHolidays"/>), not read from a notice.
/// </summary>
public sealed record SpecialDay(DateOnly Date, DayKind Kind, string HolidayKey, string HolidayName, string Source, bool Computed = false)
{
    public bool IsWorkingDay => Kind == DayKind.MakeUpWorkday;
}

/// <summary>What the calendar knows about one date.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Weekday, weekend, holiday or make-up working day.</param>
/// <param name="IsProvisional">True when the date's year has no loaded schedule: the answer is Monday–Friday only.</param>
/// <param name="Special">The notice entry behind a holiday or make-up day, if any.</param>
public sealed record DayInfo(DateOnly Date, DayKind Kind, bool IsProvisional, SpecialDay? Special)
{
    public bool IsWorkingDay => Kind is DayKind.Weekday or DayKind.MakeUpWorkday;
}

/// <summary>
/// An answer of the calendar together with whether it rests on a year with no loaded schedule.
/// A provisional answer treats every Monday–Friday as a working day of the <see cref="ProvisionalYears"/>.
/// </summary>
public readonly record struct CalendarAnswer<T>(T Value, bool IsProvisional, ImmutableArray<int> ProvisionalYears)
{
    /// <summary>Equal values, flags and provisional years (compared by content).</summary>
    public bool Equals(CalendarAnswer<T> other) =>
        EqualityComparer<T>.Default.Equals(Value, other.Value) && IsProvisional == other.IsProvisional
        && Years(ProvisionalYears).SequenceEqual(Years(other.ProvisionalYears));

    public override int GetHashCode() => HashCode.Combine(Value, IsProvisional, Years(ProvisionalYears).Length);

    private static ImmutableArray<int> Years(ImmutableArray<int> years) => years.IsDefault ? [] : years;
}

/// <summary>Why a calendar answer is provisional (stable codes in JSON: <c>statutory-only</c>, <c>weekends-only</c>).</summary>
public enum ProvisionalReason
{
    /// <summary>
    /// <c>statutory-only</c>: the year's State Council notice is not loaded; its statutory rest days were computed from
    /// the 放假办法 and its make-up working days and 补假 are unknown, so the real period may end on another day.
    /// </summary>
    StatutoryOnly,

    /// <summary><c>weekends-only</c>: a year the law cannot be computed for (or a calendar without the fallback): Monday–Friday only.</summary>
    WeekendsOnly,
}

/// <summary>Stable codes and Chinese wording of <see cref="ProvisionalReason"/>.</summary>
public static class ProvisionalReasonText
{
    /// <summary>The stable code, e.g. <c>statutory-only</c>.</summary>
    public static string Code(this ProvisionalReason reason) => reason switch
    {
        ProvisionalReason.StatutoryOnly => "statutory-only",
        _ => "weekends-only",
    };

    /// <summary>The Chinese sentence shown with a provisional answer for <paramref name="years"/>.</summary>
    public static string Zh(this ProvisionalReason reason, IEnumerable<int> years)
    {
        var list = string.Join('、', years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return reason switch
        {
            ProvisionalReason.StatutoryOnly =>
                $"【暂定】{list}年国务院节假日安排尚未载入：法定节假日按{StatutoryHolidays.Source}推算，调休上班日和补假以国务院通知为准，届时期限可能变动",
            _ => $"【暂定】{list}年国务院节假日安排尚未载入，且无法按{StatutoryHolidays.Source}推算：仅按周末计算，届时期限可能变动",
        };
    }
}

/// <summary>Creates <see cref="CalendarAnswer{T}"/>s.</summary>
public static class CalendarAnswer
{
    public static CalendarAnswer<T> Of<T>(T value, IEnumerable<int> provisionalYears)
    {
        ImmutableArray<int> years = [.. provisionalYears.Distinct().Order()];
        return new(value, !years.IsEmpty, years);
    }
}

/// <summary>A number of working days (工作日), kept apart from calendar days.</summary>
public readonly record struct WorkingDays(int Count)
{
    /// <summary>Art. 33: answer within 20 working days.</summary>
    public static WorkingDays AnswerPeriod { get; } = new(20);

    /// <summary>Art. 33: extension of at most 20 working days.</summary>
    public static WorkingDays MaxExtension { get; } = new(20);

    /// <summary>Art. 30: notice to supplement within 7 working days of receipt.</summary>
    public static WorkingDays SupplementNoticePeriod { get; } = new(7);

    /// <summary>Arts. 32 and 34: a third party or another agency has 15 working days to give its views.</summary>
    public static WorkingDays ConsultationPeriod { get; } = new(15);

    /// <summary>国办函〔2020〕109号: the applicant pays within 20 working days from the day after the fee notice.</summary>
    public static WorkingDays FeePaymentPeriod { get; } = new(20);

    public override string ToString() => $"{Count}个工作日";
}
