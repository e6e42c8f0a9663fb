using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// "Now" and "today in China" by the clock the app runs on when a test gives it none
/// (<see cref="TimeProvider.System"/>), through <see cref="ChinaTime"/> like the app: tests never read
/// <c>DateTime.Now</c> or convert time zones by hand (BannedSymbols.txt applies to tests too).
/// </summary>
public static class TestDates
{
    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    /// <summary><see cref="Today"/> as a form field writes it (yyyy-MM-dd).</summary>
    public static string TodayText => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
