using CsCheck;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>The rest days computed from the 放假办法 for years with no loaded notice.</summary>
public sealed class StatutoryHolidaysTests
{
    private static readonly WorkingDayCalendar s_china = WorkingDayCalendar.China;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void For_EveryLoadedYear_IsInsideTheNoticesRestDays()
    {
        // The notices of 2019–2026 were typed independently (holidays-cn.json): every statutory day the law gives must
        // be a rest day there. This checks the lunar dates (leap months in 2020, 2023, 2025), 清明 and the law versions.
        foreach (var year in s_china.Years)
        {
            var rest = year.Holidays.SelectMany(h => h.RestDays()).ToHashSet();
            foreach (var holiday in StatutoryHolidays.For(year.Year))
            {
                foreach (var day in holiday.RestDays())
                {
                    Assert.True(rest.Contains(day), $"{year.Year}: {holiday.Name} {day} is not a rest day of the notice");
                }
            }
        }
    }

    [Theory]
    [InlineData(2024, 11)]
    [InlineData(2025, 13)]
    [InlineData(2027, 13)]
    [InlineData(2013, 11)]
    public void For_CountsDaysOfTheLawInForce(int year, int days)
    {
        // 2020: 中秋 and 国庆 fall on the same day, so the count would be 10; the years here have no such overlap.
        Assert.Equal(days, StatutoryHolidays.For(year).SelectMany(h => h.RestDays()).Distinct().Count());
    }

    [Theory]
    [InlineData(2008, 4, 4)]
    [InlineData(2010, 4, 5)]
    [InlineData(2013, 4, 4)]
    [InlineData(2014, 4, 5)]
    [InlineData(2017, 4, 4)]
    [InlineData(2018, 4, 5)]
    [InlineData(2027, 4, 5)]
    [InlineData(2028, 4, 4)]
    [InlineData(2029, 4, 4)]
    [InlineData(2030, 4, 5)]
    public void Qingming_KnownYears(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), StatutoryHolidays.Qingming(year));

    [Theory]
    [InlineData(2027, "2027-02-05", "2027-02-08", "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-01-25", "2028-01-28", "2028-05-28", "2028-10-03")] // 闰五月
    [InlineData(2033, "2033-01-30", "2033-02-02", "2033-06-01", "2033-09-08")] // 闰十一月 (the 2033 problem)
    public void For_LunarHolidays(int year, string eveOfSpring, string springEnd, string dragonBoat, string midAutumn)
    {
        var holidays = StatutoryHolidays.For(year).ToDictionary(h => h.Key);
        Assert.Equal(DateOnly.Parse(eveOfSpring, System.Globalization.CultureInfo.InvariantCulture), holidays["spring_festival"].From);
        Assert.Equal(DateOnly.Parse(springEnd, System.Globalization.CultureInfo.InvariantCulture), holidays["spring_festival"].To);
        Assert.Equal(DateOnly.Parse(dragonBoat, System.Globalization.CultureInfo.InvariantCulture), holidays["dragon_boat"].From);
        Assert.Equal(DateOnly.Parse(midAutumn, System.Globalization.CultureInfo.InvariantCulture), holidays["mid_autumn"].From);
        Assert.Equal((D(year, 5, 1), D(year, 5, 2)), (holidays["labour_day"].From, holidays["labour_day"].To));
        Assert.Equal((D(year, 10, 1), D(year, 10, 3)), (holidays["national_day"].From, holidays["national_day"].To));
    }

    [Fact]
    public void Qingming_EveryYear_IsApril4Or5() =>
        Assert.All(Enumerable.Range(2000, 100), y => Assert.InRange(StatutoryHolidays.Qingming(y), D(y, 4, 4), D(y, 4, 5)));

    [Fact]
    public void For_OutsideTheLaw_IsEmpty()
    {
        Assert.Empty(StatutoryHolidays.For(2007));
        Assert.Empty(StatutoryHolidays.For(2100));
        Assert.Equal(ProvisionalReason.WeekendsOnly, s_china.Deadline(D(2100, 3, 1), 20).Reason);
    }

    [Theory]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2033)]
    [InlineData(2050)]
    public void Deadline_EveryDayOfAnUnloadedYear_NeverEndsOnOrCountsARestDay(int year)
    {
        var statutory = StatutoryHolidays.For(year).Concat(StatutoryHolidays.For(year + 1)).SelectMany(h => h.RestDays()).ToHashSet();
        bool Rest(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || statutory.Contains(d);
        for (var received = D(year, 1, 1); received.Year == year; received = received.AddDays(1))
        {
            var deadline = s_china.Deadline(received, 20);
            Assert.False(Rest(deadline.DueOn), $"{received}: due {deadline.DueOn} is a rest day");
            Assert.True(deadline.IsProvisional);
            Assert.Equal(ProvisionalReason.StatutoryOnly, deadline.Reason);
            var counted = 0;
            for (var d = received.AddDays(1); d <= deadline.DueOn; d = d.AddDays(1))
            {
                counted += Rest(d) ? 0 : 1;
            }

            Assert.Equal(20, counted);
        }
    }

    [Fact]
    public void AddWorkingDays_AnyDateUpTo2099_NeverLandsOnAStatutoryDay()
    {
        Gen.Select(Gen.Int[D(2027, 1, 1).DayNumber, D(2099, 6, 30).DayNumber].Select(DateOnly.FromDayNumber), Gen.Int[1, 60]).Sample((d, n) =>
        {
            var result = s_china.AddWorkingDays(d, n);
            Assert.True(result.IsProvisional);
            Assert.DoesNotContain(StatutoryHolidays.For(result.Value.Year), h => h.From <= result.Value && result.Value <= h.To);
            Assert.False(result.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        });
    }
}
