using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class PublicationDeadlineTests
{
    private static readonly PublicationDeadlines s_deadlines = new(WorkingDayCalendar.China);

    private static DisclosureItem Made(DateOnly written, DateOnly? published = null, string title = "t") =>
        TestData.Item() with { Id = Guid.NewGuid(), Title = title, WrittenOn = written, PublishedOn = published };

    [Fact]
    public void For_MadeBeforeNationalDay2025_CrossesHolidaysAndMakeUpDays()
    {
        // 2025-09-26 (Fri). Working days after it: 09-28 (Sun, make-up) = 1, 09-29, 09-30, then
        // 10-01..08 rest, 10-09 = 4, 10-10, 10-11 (Sat, make-up) = 6, ... 10-30 = 20.
        var d = s_deadlines.For(Made(new DateOnly(2025, 9, 26)), new DateOnly(2025, 10, 9));
        Assert.Equal(new DateOnly(2025, 10, 30), d.LastDay);
        Assert.False(d.IsProvisional);
        Assert.Equal(DeadlineStatus.Due, d.Status);
        // Counting weekends only would have said 10-24.
        Assert.Equal(new DateOnly(2025, 10, 24), new PublicationDeadlines(WorkingDayCalendar.WeekendsOnly).For(Made(new DateOnly(2025, 9, 26)), new DateOnly(2025, 10, 1)).LastDay);
    }

    [Theory]
    [InlineData("2025-10-30", DeadlineStatus.OnTime)]
    [InlineData("2025-10-31", DeadlineStatus.Late)]
    public void For_Published_OnTimeOrLate(string published, DeadlineStatus expected) =>
        Assert.Equal(expected, s_deadlines.For(Made(new DateOnly(2025, 9, 26), DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)), new DateOnly(2025, 12, 31)).Status);

    [Fact]
    public void For_Changed_CountsFromChange()
    {
        var item = Made(new DateOnly(2025, 3, 3)) with { ChangedOn = new DateOnly(2025, 9, 26) };
        Assert.Equal(new DateOnly(2025, 10, 30), s_deadlines.For(item, new DateOnly(2025, 10, 1)).LastDay);
    }

    [Fact]
    public void For_YearWithoutSchedule_Provisional()
    {
        var year = WorkingDayCalendar.China.CoveredYears.Max() + 1;
        Assert.True(s_deadlines.For(Made(new DateOnly(year, 3, 2)), new DateOnly(year, 3, 2)).IsProvisional);
    }

    [Fact]
    public void Report_DueAndLate_Separated()
    {
        var today = new DateOnly(2025, 10, 31);
        var items = new[]
        {
            Made(new DateOnly(2025, 9, 26), title: "overdue"), // last day 10-30, not published
            Made(new DateOnly(2025, 10, 20), title: "due"),
            Made(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 5), "on time"),
            Made(new DateOnly(2025, 8, 1), new DateOnly(2025, 10, 9), "late"),
            Made(new DateOnly(2025, 8, 1), title: "withdrawn") with { WithdrawnOn = new DateOnly(2025, 8, 2) },
        };
        var report = s_deadlines.Report(items, today);
        Assert.Equal(["due"], report.Due.Select(d => d.Title));
        Assert.Equal(["late", "overdue"], report.Late.Select(d => d.Title));
        Assert.Equal(DeadlineStatus.Overdue, report.Late[1].Status);
    }
}
