using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai deadline YYYY-MM-DD [--days N] [--policy NAME] [--calendar FILE]</c>: the last day of a period of N
/// working days (default 20) for something received on the date, under the default counting policy
/// (<c>next-working-day</c>). The first line is the ISO date; the lines after it explain the holidays and make-up
/// working days crossed and whether the answer is provisional. Exit 2 on bad usage, 3 on an unreadable calendar file.
/// </summary>
internal static class DeadlineCommand
{
    private const string UsageLine = "用法 usage: gongkai deadline YYYY-MM-DD [--days N] [--policy next-working-day|receipt-day-counts] [--calendar FILE]";

    /// <summary>The environment variable naming the deployment's calendar files (notices loaded after the release), separated by the path separator.</summary>
    public const string CalendarVariable = "GONGKAI_CALENDAR";

    /// <param name="args">The arguments after <c>deadline</c>.</param>
    /// <param name="stdout">Output.</param>
    /// <param name="stderr">Errors.</param>
    /// <param name="environment">Reads an environment variable (default: the process's); <see cref="CalendarVariable"/> configures the calendar.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        if (!Arguments.TryParse(args, ["--days", "--policy", "--calendar"], out var positional, out var options, out var error))
        {
            return Bad(stderr, error);
        }

        if (positional.Count != 1)
        {
            return Bad(stderr, positional.Count == 0
                ? "缺少收到日期 missing the date of receipt"
                : $"多余的参数 unexpected argument: {positional[1]}");
        }

        if (!DateOnly.TryParseExact(positional[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var received))
        {
            return Bad(stderr, $"日期无效，应为 YYYY-MM-DD invalid date, expected YYYY-MM-DD: {positional[0]}");
        }

        var days = 20;
        if (options.TryGetValue("--days", out var daysText)
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > 1000))
        {
            return Bad(stderr, $"--days 应为1至1000的整数 --days must be a whole number from 1 to 1000: {daysText}");
        }

        CountingPolicy policy;
        try
        {
            policy = options.TryGetValue("--policy", out var name) ? CountingPolicy.FromName(name) : CountingPolicy.Default;
        }
        catch (ArgumentException ex)
        {
            return Bad(stderr, $"计数规则无效 {ex.Message}");
        }

        // The configured calendar: the embedded data, then the files of GONGKAI_CALENDAR, then --calendar.
        var calendar = WorkingDayCalendar.China;
        var files = ((environment ?? Environment.GetEnvironmentVariable)(CalendarVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (options.TryGetValue("--calendar", out var option))
        {
            files.Add(option);
        }

        foreach (var file in files)
        {
            try
            {
                calendar = calendar.Extend(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                stderr.WriteLine($"{file}: 无法读取日历文件 cannot read calendar file: {ex.Message}");
                return ExitCodes.Unreadable;
            }
        }

        var deadline = calendar.Deadline(received, days, policy);
        stdout.WriteLine(CalendarText.Date(deadline.DueOn));
        foreach (var line in deadline.Explain())
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Clean;
    }

    private static int Bad(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        stderr.WriteLine(UsageLine);
        return ExitCodes.Usage;
    }
}
