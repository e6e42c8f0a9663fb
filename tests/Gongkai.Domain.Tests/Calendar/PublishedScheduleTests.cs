using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>
/// Checks holidays-cn.json against a second, independently typed table: for each year, the weekdays that are rest
/// days and the weekend days that are working days, as published in the State Council notices (ogi-domain.md C.4 for
/// 2024–2026), and the working-day totals counted day by day.
/// </summary>
public sealed class PublishedScheduleTests
{
    // year | weekday rest days (MM-dd) | weekend working days (MM-dd) | working days in the year
    private static readonly string[] s_published =
    [
        // 国办发明电〔2018〕15号, 劳动节 as amended by 〔2019〕3号 (5月1日至4日; 4月28日、5月5日上班).
        "2019|01-01 02-04 02-05 02-06 02-07 02-08 04-05 05-01 05-02 05-03 06-07 09-13 10-01 10-02 10-03 10-04 10-07|02-02 02-03 04-28 05-05 09-29 10-12|250",

        // 国办发明电〔2019〕16号 as issued. The brief quoted 249, which is the total only after the Spring Festival
        // extension of 国办发明电〔2020〕1号 (01-31 rest, 02-01 no longer a working day); see Extension2020 below.
        "2020|01-01 01-24 01-27 01-28 01-29 01-30 04-06 05-01 05-04 05-05 06-25 06-26 10-01 10-02 10-05 10-06 10-07 10-08|01-19 02-01 04-26 05-09 06-28 09-27 10-10|251",

        // 国办发明电〔2020〕27号.
        "2021|01-01 02-11 02-12 02-15 02-16 02-17 04-05 05-03 05-04 05-05 06-14 09-20 09-21 10-01 10-04 10-05 10-06 10-07|02-07 02-20 04-25 05-08 09-18 09-26 10-09|250",

        // 国办发明电〔2021〕11号. 2022 began on a Saturday (105 weekend days): 260 weekdays − 18 + 7 = 249, not the 250
        // of the usual 365 − 104 − 11 rule of thumb.
        "2022|01-03 01-31 02-01 02-02 02-03 02-04 04-04 04-05 05-02 05-03 05-04 06-03 09-12 10-03 10-04 10-05 10-06 10-07|01-29 01-30 04-02 04-24 05-07 10-08 10-09|249",

        // 国办发明电〔2022〕16号.
        "2023|01-02 01-23 01-24 01-25 01-26 01-27 04-05 05-01 05-02 05-03 06-22 06-23 09-29 10-02 10-03 10-04 10-05 10-06|01-28 01-29 04-23 05-06 06-25 10-07 10-08|249",

        // ogi-domain.md C.4.
        "2024|01-01 02-12 02-13 02-14 02-15 02-16 04-04 04-05 05-01 05-02 05-03 06-10 09-16 09-17 10-01 10-02 10-03 10-04 10-07|02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12|251",
        "2025|01-01 01-28 01-29 01-30 01-31 02-03 02-04 04-04 05-01 05-02 05-05 06-02 10-01 10-02 10-03 10-06 10-07 10-08|01-26 02-08 04-27 09-28 10-11|248",
        "2026|01-01 01-02 02-16 02-17 02-18 02-19 02-20 02-23 04-06 05-01 05-04 05-05 06-19 09-25 10-01 10-02 10-05 10-06 10-07|01-04 02-14 02-28 05-09 09-20 10-10|248",
    ];

    public static TheoryData<int> Years() => [.. s_published.Select(l => int.Parse(l[..4], CultureInfo.InvariantCulture))];

    [Theory]
    [MemberData(nameof(Years))]
    public void IsWorkingDay_EveryDayOfYear_MatchesPublishedTable(int year)
    {
        var (rest, work, _) = Published(year);
        var calendar = WorkingDayCalendar.China;
        var mismatches = new List<string>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            var weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var expected = weekend ? work.Contains(d) : !rest.Contains(d);
            var actual = calendar.IsWorkingDay(d);
            Assert.False(actual.IsProvisional);
            if (actual.Value != expected)
            {
                mismatches.Add($"{d:yyyy-MM-dd} expected {(expected ? "working" : "rest")}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void CountWorkingDays_WholeYear_EqualsPublishedTotal(int year)
    {
        var (_, _, total) = Published(year);
        var calendar = WorkingDayCalendar.China;
        var byDay = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            byDay += calendar.IsWorkingDay(d).Value ? 1 : 0;
        }

        var counted = calendar.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));
        Assert.Equal(total, byDay);
        Assert.Equal(total, counted.Value);
        Assert.False(counted.IsProvisional);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void HolidayYear_EveryYear_CarriesItsNotice(int year)
    {
        var data = WorkingDayCalendar.China.Years.Single(y => y.Year == year);
        Assert.NotEmpty(data.Notices);
        Assert.All(data.Notices, n =>
        {
            Assert.Matches(@"^国办发明电〔\d{4}〕\d+号$", n.Number);
            Assert.StartsWith("http", n.Url, StringComparison.Ordinal);
            Assert.True(n.Date.Year is var y && (y == year - 1 || y == year));
        });
    }

    [Fact]
    public void Extension2020_LayeredAsOverride_Gives249()
    {
        var extension = WorkingDayCalendar.China.Extend("""
            { "overrides": [ { "name": "延长2020年春节假期",
                "notices": [ { "number": "国办发明电〔2020〕1号", "title": "国务院办公厅关于延长2020年春节假期的通知", "date": "2020-01-27", "url": "https://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm" } ],
                "holidays": [ { "key": "spring_festival", "name": "春节（延长）", "from": "2020-01-31", "to": "2020-02-02" } ] } ] }
            """);
        Assert.Equal(249, extension.CountWorkingDays(new DateOnly(2019, 12, 31), new DateOnly(2020, 12, 31)).Value);
        Assert.False(extension.IsWorkingDay(new DateOnly(2020, 2, 1)).Value);
        Assert.Equal(251, WorkingDayCalendar.China.CountWorkingDays(new DateOnly(2019, 12, 31), new DateOnly(2020, 12, 31)).Value);
    }

    private static (HashSet<DateOnly> Rests, HashSet<DateOnly> Works, int Total) Published(int year)
    {
        var parts = s_published.Single(l => l.StartsWith($"{year}|", StringComparison.Ordinal)).Split('|');
        HashSet<DateOnly> Dates(string s) => [.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", CultureInfo.InvariantCulture))];
        return (Dates(parts[1]), Dates(parts[2]), int.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
