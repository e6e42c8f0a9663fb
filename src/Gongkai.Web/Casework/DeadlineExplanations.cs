using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Casework;

/// <summary>A case's due date as derived by the domain, the line that says where it stands, and every step of the explanation.</summary>
public sealed record DeadlineExplanation(DateOnly? Due, string Summary, IReadOnlyList<string> Lines);

/// <summary>
/// The dashboard's deadline explanations, so a case's events are replayed once per version per day
/// rather than on every request. Keyed by case id, the row's version (which every new event changes)
/// today's date in China and the calendar's generation: a new event, a new day or a newly loaded holiday notice
/// misses and the case is replayed again.
/// Bounded (<see cref="SizeLimit"/> entries of size 1, sliding expiration); a private cache, so its
/// size accounting does not depend on any other user of <see cref="IMemoryCache"/>.
/// </summary>
public sealed class DeadlineExplanations(TimeProvider clock, CalendarService calendars) : IDisposable
{
    /// <summary>At most this many explanations are kept (the dashboard shows up to 80 cases per desk).</summary>
    public const int SizeLimit = 20_000;

    /// <summary>An explanation not read for this long is dropped.</summary>
    public static readonly TimeSpan SlidingExpiration = TimeSpan.FromMinutes(30);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    private readonly record struct Key(Guid CaseId, int Version, DateOnly Today, int Calendar);

    private Key KeyOf(Guid caseId, int version) => new(caseId, version, Gongkai.Domain.Calendar.ChinaTime.Today(clock), calendars.Generation);

    /// <summary>The explanation of <paramref name="caseId"/> at <paramref name="version"/> computed today, if any.</summary>
    public bool TryGet(Guid caseId, int version, out DeadlineExplanation explanation)
    {
        if (cache.TryGetValue(KeyOf(caseId, version), out DeadlineExplanation? found) && found is not null)
        {
            explanation = found;
            return true;
        }

        explanation = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="explanation"/> of <paramref name="caseId"/> at <paramref name="version"/> for today.</summary>
    public void Set(Guid caseId, int version, DeadlineExplanation explanation) =>
        cache.Set(KeyOf(caseId, version), explanation, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = SlidingExpiration });

    public void Dispose() => cache.Dispose();
}
