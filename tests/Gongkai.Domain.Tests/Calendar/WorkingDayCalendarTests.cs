using CsCheck;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar s_china = WorkingDayCalendar.China;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void China_Embedded_Covers2019To2026()
    {
        Assert.Equal(Enumerable.Range(2019, 8), s_china.CoveredYears.Order());
    }

    [Fact]
    public void Describe_MakeUpSunday_IsWorkingDayWithItsHoliday()
    {
        var day = s_china.Describe(D(2025, 9, 28));
        Assert.Equal(DayKind.MakeUpWorkday, day.Kind);
        Assert.True(day.IsWorkingDay);
        Assert.Equal("national_day_mid_autumn", day.Special!.HolidayKey);
        Assert.Equal("国办发明电〔2024〕12号", day.Special.Source);
    }

    [Fact]
    public void Describe_LabourDay2019_ComesFromTheAmendingNotice()
    {
        var day = s_china.Describe(D(2019, 5, 2));
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal("国办发明电〔2019〕3号", day.Special!.Source);
        Assert.Equal("国办发明电〔2018〕15号", s_china.Describe(D(2019, 2, 4)).Special!.Source);
        Assert.Equal(DayKind.MakeUpWorkday, s_china.Describe(D(2019, 5, 5)).Kind);
    }

    [Fact]
    public void Describe_HolidayOnWeekend_IsHoliday()
    {
        var day = s_china.Describe(D(2025, 10, 4));
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.False(day.IsWorkingDay);
    }

    [Fact]
    public void IsWorkingDay_BeyondLoadedYears_IsProvisionalStatutoryAndWeekends()
    {
        var newYear = s_china.IsWorkingDay(D(2027, 1, 1));
        Assert.False(newYear.Value);
        Assert.True(newYear.IsProvisional);
        Assert.True(s_china.Describe(D(2027, 1, 1)).Special!.Computed);
        var monday = s_china.IsWorkingDay(D(2027, 1, 4));
        var saturday = s_china.IsWorkingDay(D(2027, 1, 2));
        Assert.True(monday.Value);
        Assert.True(monday.IsProvisional);
        Assert.Equal([2027], monday.ProvisionalYears.ToArray());
        Assert.False(saturday.Value);
        Assert.True(saturday.IsProvisional);
    }

    [Fact]
    public void AddWorkingDays_CrossingIntoUnloadedYear_IsProvisional()
    {
        var result = s_china.AddWorkingDays(D(2026, 12, 25), 10);
        Assert.True(result.IsProvisional);
        Assert.Equal([2027], result.ProvisionalYears.ToArray());
        Assert.False(s_china.AddWorkingDays(D(2026, 12, 1), 10).IsProvisional);
    }

    [Fact]
    public void AddWorkingDays_AcrossNationalDay2025_SkipsHolidaysAndCountsMakeUpDays()
    {
        // 09-29 (1), 09-30 (2), 10-01..08 holiday, 10-09 (3), 10-10 (4), 10-11 Sat make-up (5).
        Assert.Equal(D(2025, 10, 11), s_china.AddWorkingDays(D(2025, 9, 28), 5).Value);
        Assert.Equal(D(2025, 9, 28), s_china.AddWorkingDays(D(2025, 9, 28), 0).Value);
        Assert.Equal(D(2025, 9, 30), s_china.AddWorkingDays(D(2025, 10, 9), -1).Value);
    }

    [Fact]
    public void CountWorkingDays_EndpointsExclusiveInclusive_CountsSecondNotFirst()
    {
        Assert.Equal(1, s_china.CountWorkingDays(D(2025, 11, 3), D(2025, 11, 4)).Value);
        Assert.Equal(0, s_china.CountWorkingDays(D(2025, 11, 3), D(2025, 11, 3)).Value);
        Assert.Equal(-1, s_china.CountWorkingDays(D(2025, 11, 4), D(2025, 11, 3)).Value);
        Assert.Equal(5, s_china.CountWorkingDays(D(2025, 11, 2), D(2025, 11, 9)).Value);
    }

    [Fact]
    public void Deadline_ReceivedOnMakeUpSunday_DefaultPolicyCountsFromNextWorkingDay()
    {
        var deadline = s_china.Deadline(D(2025, 9, 28), 20);
        Assert.Equal(D(2025, 9, 29), deadline.FirstCountedDay);
        Assert.Equal(D(2025, 10, 31), deadline.DueOn);
        Assert.False(deadline.IsProvisional);
        Assert.Equal("next-working-day", deadline.Policy);
        Assert.Equal(DayKind.MakeUpWorkday, deadline.ReceivedDay.Kind);
        Assert.Equal(8, deadline.Crossed.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal([D(2025, 10, 11)], deadline.Crossed.Where(d => d.Kind == DayKind.MakeUpWorkday).Select(d => d.Date));
        var lines = deadline.Explain();
        Assert.StartsWith("收到日 2025-09-28（周日，调休上班，国庆节、中秋节）", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2025-10-01 至 2025-10-08 国庆节、中秋节放假", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2025-10-11（周六）国庆节、中秋节调休上班", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_ReceiptDayPolicy_CountsWorkingDayOfReceipt()
    {
        var deadline = s_china.Deadline(D(2025, 9, 28), 20, CountingPolicy.FromName("receipt-day-counts"));
        Assert.Equal(D(2025, 9, 28), deadline.FirstCountedDay);
        Assert.Equal(D(2025, 10, 30), deadline.DueOn);

        var onHoliday = s_china.Deadline(D(2025, 10, 1), 1, CountingPolicy.ReceiptDayIsDayOne);
        Assert.Equal(D(2025, 10, 9), onHoliday.DueOn);
    }

    [Fact]
    public void Deadline_BeyondLoadedYears_SaysProvisional()
    {
        var deadline = s_china.Deadline(D(2026, 12, 20), 20);
        Assert.True(deadline.IsProvisional);
        Assert.Equal(ProvisionalReason.StatutoryOnly, deadline.Reason);
        Assert.Contains(deadline.Explain(), l => l.StartsWith("【暂定】2027年", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_Received20261204_SkipsNewYear2027()
    {
        // issue 14: with weekends only, 20 working days from 2026-12-04 ended on 2027-01-01 (元旦).
        var deadline = s_china.Deadline(D(2026, 12, 4), 20);
        Assert.Equal(D(2027, 1, 4), deadline.DueOn);
        Assert.True(deadline.IsProvisional);
        Assert.Contains(deadline.Explain(), l => l.StartsWith("2027-01-01 元旦（法定节假日", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_WeekendsOnlyCalendar_SaysWeekendsOnly()
    {
        var deadline = WorkingDayCalendar.WeekendsOnly.Deadline(D(2026, 12, 4), 20);
        Assert.Equal(D(2027, 1, 1), deadline.DueOn);
        Assert.Equal(ProvisionalReason.WeekendsOnly, deadline.Reason);
    }

    [Fact]
    public void FromName_Unknown_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CountingPolicy.FromName("calendar-days"));
        Assert.Contains("next-working-day", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_NextYearsNotice_CoversThatYear()
    {
        var extended = s_china.Extend("""
            { "years": [ { "year": 2027,
                "notices": [ { "number": "国办发明电〔2026〕1号", "title": "test", "date": "2026-11-01", "url": "https://example.invalid/2027" } ],
                "holidays": [ { "key": "new_year", "name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "work": [] },
                              { "key": "spring_festival", "name": "春节", "from": "2027-02-05", "to": "2027-02-11", "work": ["2027-01-31"] } ] } ] }
            """);
        Assert.Contains(2027, extended.CoveredYears);
        Assert.False(extended.IsWorkingDay(D(2027, 2, 8)).Value);
        Assert.True(extended.IsWorkingDay(D(2027, 1, 31)).Value);
        Assert.False(extended.IsWorkingDay(D(2027, 1, 4)).IsProvisional);
        Assert.Equal(s_china.CountWorkingDays(D(2024, 12, 31), D(2025, 12, 31)), extended.CountWorkingDays(D(2024, 12, 31), D(2025, 12, 31)));
    }

    [Fact]
    public void WithOverride_RegionalFestival_LayersOnTop()
    {
        var xinjiang = s_china.WithOverride(new CalendarOverride(
            "新疆维吾尔自治区 古尔邦节",
            "650000",
            [],
            [new HolidayPeriod("eid_al_adha", "古尔邦节", D(2025, 6, 6), D(2025, 6, 6), [])]));
        Assert.True(s_china.IsWorkingDay(D(2025, 6, 6)).Value);
        Assert.False(xinjiang.IsWorkingDay(D(2025, 6, 6)).Value);
        Assert.Equal("新疆维吾尔自治区 古尔邦节", xinjiang.Describe(D(2025, 6, 6)).Special!.Source);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "key": "k", "name": "n", "from": "2027-02-10", "to": "2027-02-01" } ] } ] }""")]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "key": "k", "name": "n", "from": "2027-02-10", "to": "2027-02-11", "work": ["2027-02-15"] } ] } ] }""")]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "key": "k", "name": "n", "from": "2027-13-10", "to": "2027-02-11" } ] } ] }""")]
    public void Parse_InvalidFile_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse(json));
    }

    [Fact]
    public void Parse_ArbitraryText_ThrowsOnlyFormatException()
    {
        Gen.String.Sample(text =>
        {
            try
            {
                WorkingDayCalendar.Parse(text);
            }
            catch (FormatException)
            {
            }
        });
        Gen.Char["{}[]\":,0123456789-yearsholidaysfromtowork \n"].Array[0, 120].Sample(chars =>
        {
            try
            {
                WorkingDayCalendar.Parse(new string(chars));
            }
            catch (FormatException)
            {
            }
        });
    }
}
