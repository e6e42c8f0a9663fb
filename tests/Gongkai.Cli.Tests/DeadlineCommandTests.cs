using Gongkai.Cli.Commands;

namespace Gongkai.Cli.Tests;

public sealed class DeadlineCommandTests
{
    private static (int Code, string[] Out, string Err) Run(params string[] args) => RunWith(_ => null, args);

    private static (int Code, string[] Out, string Err) RunWith(Func<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DeadlineCommand.Run(args, stdout, stderr, environment);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray(), stderr.ToString());
    }

    [Fact]
    public void Run_ReceivedOnMakeUpSunday_FirstLineIsDueDateThenExplanation()
    {
        var (code, lines, err) = Run("2025-09-28");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        Assert.Equal("2025-10-31", lines[0]);
        Assert.Contains("调休上班", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2025-10-01 至 2025-10-08 国庆节、中秋节放假", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2025-10-11（周六）", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("暂定", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_DaysOption_UsesThatPeriod()
    {
        var (code, lines, _) = Run("2025-09-28", "--days", "5");
        Assert.Equal(0, code);
        Assert.Equal("2025-10-11", lines[0]);
    }

    [Fact]
    public void Run_SpringFestival2026_CrossesHolidayAndMakeUpDays()
    {
        // 02-09 … 02-13 (1–5), 02-14 Sat make-up (6), 02-15 … 02-23 holiday, 02-24 … 02-27 (7–10), 02-28 Sat make-up (11),
        // 03-02 … 03-06 (12–16), 03-09 … 03-12 (17–20).
        var (code, lines, _) = Run("2026-02-06");
        Assert.Equal(0, code);
        Assert.Equal("2026-03-12", lines[0]);
        Assert.Equal(2, lines.Count(l => l.Contains("调休上班，计为工作日", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_BeyondLoadedYears_FlagsProvisional()
    {
        var (code, lines, _) = Run("2026-12-20");
        Assert.Equal(0, code);
        Assert.Matches(@"^2027-\d\d-\d\d$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("【暂定】2027年", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_EveryDateOf2027AndLater_NeverEndsOnOrCountsARestDay_AndSaysProvisional()
    {
        foreach (var year in new[] { 2027, 2030, 2045 })
        {
            var rest = Domain.Calendar.StatutoryHolidays.For(year).Concat(Domain.Calendar.StatutoryHolidays.For(year + 1)).SelectMany(h => h.RestDays()).ToHashSet();
            bool Rest(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || rest.Contains(d);
            for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(year == 2027 ? 1 : 5))
            {
                var (code, lines, _) = Run(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(0, code);
                var due = DateOnly.ParseExact(lines[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Assert.False(Rest(due), $"{d}: due {due} is a rest day");
                var counted = Enumerable.Range(1, due.DayNumber - d.DayNumber).Select(i => d.AddDays(i)).Count(x => !Rest(x));
                Assert.Equal(20, counted);
                Assert.True(lines.Any(l => l.StartsWith("【暂定】", StringComparison.Ordinal)), $"{d}: {string.Join(" / ", lines)}");
            }
        }
    }

    [Fact]
    public void Run_WithNotice_ChangesTheAnswer()
    {
        Assert.Equal("2027-01-04", Run("2026-12-04").Out[0]);
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-cal-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "years": [ { "year": 2027, "notices": [ { "number": "test", "date": "2026-11-01" } ],
              "holidays": [ { "key": "new_year", "name": "元旦", "from": "2027-01-01", "to": "2027-01-04", "work": ["2027-01-09"] } ] } ] }
            """);
        try
        {
            var (_, lines, _) = Run("2026-12-04", "--calendar", path);
            Assert.Equal("2027-01-05", lines[0]);
            Assert.DoesNotContain(lines, l => l.Contains("暂定", StringComparison.Ordinal));

            // The same notice configured for the deployment.
            var (_, configured, _) = RunWith(name => name == DeadlineCommand.CalendarVariable ? path : null, "2026-12-04");
            Assert.Equal("2027-01-05", configured[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_ReceiptDayPolicy_CountsDayOfReceipt()
    {
        var (_, lines, _) = Run("2025-11-03", "--days", "1", "--policy", "receipt-day-counts");
        Assert.Equal("2025-11-03", lines[0]);
    }

    [Theory]
    [InlineData]
    [InlineData("2025-13-01")]
    [InlineData("2025/09/28")]
    [InlineData("2025-09-28", "--days", "0")]
    [InlineData("2025-09-28", "--days", "x")]
    [InlineData("2025-09-28", "--days")]
    [InlineData("2025-09-28", "--weeks", "2")]
    [InlineData("2025-09-28", "2025-09-29")]
    [InlineData("2025-09-28", "--policy", "calendar-days")]
    public void Run_BadUsage_Exit2WithChineseAndEnglishMessage(params string[] args)
    {
        var (code, lines, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Matches(@"[\u4e00-\u9fff]", err);
        Assert.Matches("[a-z]{4,}", err);
        Assert.Contains("usage", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnreadableCalendarFile_Exit3()
    {
        var (code, _, err) = Run("2025-09-28", "--calendar", "/nonexistent/holidays.json");
        Assert.Equal(3, code);
        Assert.Contains("cannot read calendar file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CalendarFileWithNextYear_NotProvisional()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-cal-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "years": [ { "year": 2027, "notices": [ { "number": "test", "date": "2026-11-01" } ],
              "holidays": [ { "key": "new_year", "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ] } ] }
            """);
        try
        {
            var (code, lines, _) = Run("2026-12-20", "--calendar", path);
            Assert.Equal(0, code);
            Assert.DoesNotContain(lines, l => l.Contains("暂定", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_ExampleInDocsCalendar_PrintsWhatTheDocsShow()
    {
        var doc = FindUp(Path.Combine("docs", "calendar.md"));
        var lines = File.ReadAllLines(doc);
        var start = Array.FindIndex(lines, l => l.StartsWith("$ gongkai deadline ", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/calendar.md has no CLI example");
        var args = lines[start]["$ gongkai deadline ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToArray();
        var (code, actual, _) = Run(args);
        Assert.Equal(0, code);
        Assert.Equal(expected, actual);
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }
}
