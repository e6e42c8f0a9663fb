using CsCheck;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>Laws of the working-day arithmetic, over dates 2018–2028 (inside and beyond the loaded years).</summary>
public sealed class CalendarPropertyTests
{
    private static readonly WorkingDayCalendar s_china = WorkingDayCalendar.China;

    private static readonly Gen<DateOnly> s_date = Gen.Int[new DateOnly(2018, 1, 1).DayNumber, new DateOnly(2028, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void AddWorkingDays_PositiveN_LandsOnWorkingDay()
    {
        Gen.Select(s_date, Gen.Int[1, 300]).Sample((d, n) =>
        {
            var result = s_china.AddWorkingDays(d, n).Value;
            Assert.True(s_china.IsWorkingDay(result).Value);
            Assert.True(result > d);
        });
    }

    [Fact]
    public void AddWorkingDays_NegativeN_LandsOnEarlierWorkingDay()
    {
        Gen.Select(s_date, Gen.Int[-300, -1]).Sample((d, n) =>
        {
            var result = s_china.AddWorkingDays(d, n).Value;
            Assert.True(s_china.IsWorkingDay(result).Value);
            Assert.True(result < d);
        });
    }

    [Fact]
    public void AddWorkingDays_AThenB_EqualsAPlusB()
    {
        Gen.Select(s_date, Gen.Int[0, 200], Gen.Int[0, 200]).Sample((d, a, b) =>
            Assert.Equal(s_china.AddWorkingDays(d, a + b).Value, s_china.AddWorkingDays(s_china.AddWorkingDays(d, a).Value, b).Value));
    }

    [Fact]
    public void CountWorkingDays_OfAddWorkingDays_IsN()
    {
        Gen.Select(s_date, Gen.Int[0, 400]).Sample((d, n) =>
            Assert.Equal(n, s_china.CountWorkingDays(d, s_china.AddWorkingDays(d, n).Value).Value));
    }

    [Fact]
    public void CountWorkingDays_SplitAtAnyDay_Adds()
    {
        Gen.Select(s_date, Gen.Int[0, 200], Gen.Int[0, 200]).Sample((d, a, b) =>
        {
            var mid = d.AddDays(a);
            var end = mid.AddDays(b);
            Assert.Equal(
                s_china.CountWorkingDays(d, end).Value,
                s_china.CountWorkingDays(d, mid).Value + s_china.CountWorkingDays(mid, end).Value);
        });
    }

    [Fact]
    public void Deadline_AnyPolicy_DueIsWorkingDayAndProvisionalOnlyOutsideLoadedYears()
    {
        Gen.Select(s_date, Gen.Int[1, 60], Gen.Bool).Sample((d, n, receiptCounts) =>
        {
            var policy = receiptCounts ? CountingPolicy.ReceiptDayIsDayOne : CountingPolicy.NextWorkingDay;
            var deadline = s_china.Deadline(d, n, policy);
            Assert.True(s_china.IsWorkingDay(deadline.DueOn).Value);
            var expectedProvisional = Enumerable.Range(0, deadline.DueOn.DayNumber - deadline.FirstCountedDay.DayNumber + 1)
                .Select(i => deadline.FirstCountedDay.AddDays(i).Year)
                .Concat(Enumerable.Range(1, Math.Max(0, deadline.FirstCountedDay.DayNumber - d.DayNumber)).Select(i => d.AddDays(i).Year))
                .Any(y => !s_china.CoveredYears.Contains(y));
            Assert.Equal(expectedProvisional, deadline.IsProvisional);
            Assert.Equal(n, s_china.CountWorkingDays(deadline.FirstCountedDay.AddDays(-1), deadline.DueOn).Value);
        });
    }
}
