using System.Collections.Immutable;
using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The rest days the law itself fixes, for a year whose State Council notice is not loaded:
/// 《全国年节及纪念日放假办法》 Art. 2 in the version in force that year. Only the statutory days are computed;
/// the notice's 调休 (rest days moved from weekends, make-up working days) and the 补假 for a statutory day that
/// falls on a weekend (Art. 6) are decided by each year's notice and are <b>never guessed</b>. A calendar that falls
/// back on these days marks its answers provisional (<see cref="CalendarAnswer{T}.IsProvisional"/>).
/// <list type="table">
/// <item><term>2008–2013</term><description>国务院令第513号 (2007): 元旦; 春节 = 除夕、初一、初二; 清明; 劳动节 5月1日; 端午; 中秋; 国庆 10月1日–3日 (11 days).</description></item>
/// <item><term>2014–2024</term><description>国务院令第644号 (2013): 春节 = 初一 to 初三 (11 days).</description></item>
/// <item><term>2025–</term><description>国务院令第795号 (2024): 春节 = 除夕 and 初一 to 初三; 劳动节 5月1日–2日 (13 days).</description></item>
/// </list>
/// Lunar dates come from <see cref="ChineseLunisolarCalendar"/> (leap months handled); 清明 is the day of the solar
/// term (the sun at 15° ecliptic longitude, Beijing time) by the 寿星 formula, checked against the notices of
/// 2008–2026 and published almanac dates.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year the computation covers (the 2007 version of the 放假办法 took effect on 2008-01-01).</summary>
    public const int FirstYear = 2008;

    /// <summary>The last year the computation covers (the 寿星 formula and <see cref="ChineseLunisolarCalendar"/> hold to 2099).</summary>
    public const int LastYear = 2099;

    /// <summary>The source named on every computed rest day.</summary>
    public const string Source = "《全国年节及纪念日放假办法》";

    private static readonly ChineseLunisolarCalendar s_lunar = new();

    /// <summary>Whether <paramref name="year"/> can be computed (<see cref="FirstYear"/>–<see cref="LastYear"/>).</summary>
    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// The version of the 放假办法 in force in <paramref name="year"/>: <c>2007</c>, <c>2013</c> or <c>2024</c>
    /// (the year of the amendment), or null outside <see cref="FirstYear"/>–<see cref="LastYear"/>.
    /// </summary>
    public static int? Version(int year) => !Covers(year) ? null : year switch
    {
        <= 2013 => 2007,
        <= 2024 => 2013,
        _ => 2024,
    };

    /// <summary>
    /// The statutory rest days of <paramref name="year"/> grouped by holiday (keys as in <c>holidays-cn.json</c>),
    /// with no make-up working days; empty outside <see cref="FirstYear"/>–<see cref="LastYear"/>.
    /// </summary>
    public static ImmutableArray<HolidayPeriod> For(int year)
    {
        if (Version(year) is not { } version)
        {
            return [];
        }

        var newYear = LunarDate(year, 1, 1);
        var (springFrom, springTo) = version switch
        {
            2007 => (newYear.AddDays(-1), newYear.AddDays(1)),
            2013 => (newYear, newYear.AddDays(2)),
            _ => (newYear.AddDays(-1), newYear.AddDays(2)),
        };
        var qingming = Qingming(year);
        var labour = new DateOnly(year, 5, 1);
        var dragonBoat = LunarDate(year, 5, 5);
        var midAutumn = LunarDate(year, 8, 15);
        var national = new DateOnly(year, 10, 1);
        return
        [
            Period("new_year", "元旦", new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
            Period("spring_festival", "春节", springFrom, springTo),
            Period("qingming", "清明节", qingming, qingming),
            Period("labour_day", "劳动节", labour, version == 2024 ? labour.AddDays(1) : labour),
            Period("dragon_boat", "端午节", dragonBoat, dragonBoat),
            Period("mid_autumn", "中秋节", midAutumn, midAutumn),
            Period("national_day", "国庆节", national, national.AddDays(2)),
        ];
    }

    /// <summary>
    /// The Gregorian date of day <paramref name="day"/> of (non-leap) lunar month <paramref name="month"/> of the lunar
    /// year that begins in Gregorian <paramref name="year"/>. A leap month (闰月) is skipped:
    /// <see cref="ChineseLunisolarCalendar"/> numbers months 1–13 in a leap year, the leap month taking the number after
    /// the month it repeats.
    /// </summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = s_lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(s_lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明 of <paramref name="year"/> (2000–2099), Beijing time, by the 寿星 formula
    /// <c>[Y·0.2422 + 4.81] − [Y/4]</c> with <c>Y = year mod 100</c>: April 4 or 5 in this century.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        if (year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "清明 is computed for 2000–2099");
        }

        var y = year % 100;
        var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }

    private static HolidayPeriod Period(string key, string name, DateOnly from, DateOnly to) =>
        new(key, name, from, to, [], Source);
}
