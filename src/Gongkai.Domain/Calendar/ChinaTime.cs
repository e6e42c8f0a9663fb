namespace Gongkai.Domain.Calendar;

/// <summary>
/// Today's date in China (UTC+8, no daylight saving), from a <see cref="TimeProvider"/>: domain code never reads the
/// system clock, so tests pass a fake one.
/// </summary>
public static class ChinaTime
{
    /// <summary>China Standard Time, UTC+8.</summary>
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>The date in China at the instant <paramref name="clock"/> reports.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The date in China at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant <paramref name="clock"/> reports, in China.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary><paramref name="instant"/> in China.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>A UTC <see cref="DateTime"/> as stored in the database (kind unspecified or UTC), in China.</summary>
    public static DateTimeOffset Local(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>Midnight at the start of <paramref name="date"/> in China, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
