using System.Collections.Concurrent;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Failed sign-ins counted per address and account: after <see cref="FailuresPerAddress"/> failures
/// for one user name from one address within <see cref="Window"/>, that address may not try that user
/// name again until the window has passed (the password is not even checked). The account's own
/// lockout (Identity, <c>Gongkai:Identity:LockoutFailures</c> failures from any address) is set
/// higher, so one address alone can neither guess on nor lock somebody else's account; the rate
/// limiter <see cref="GongkaiWebExtensions.LoginLimit"/> bounds how many sign-ins one address may post
/// at all. Kept in memory (one server); at most <see cref="MaxEntries"/> entries.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>How long failures are remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Entries kept at most; beyond it, expired ones are dropped, then the oldest.</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Address, string User), (int Count, DateTimeOffset Since)> _failures = new();

    /// <summary>Failures allowed for one user name from one address within <see cref="Window"/> (<c>Gongkai:Identity:FailuresPerAddress</c>, default 5).</summary>
    public int FailuresPerAddress { get; } = Math.Max(1, configuration.GetValue("Gongkai:Identity:FailuresPerAddress", 5));

    /// <summary>
    /// Whether <paramref name="address"/> has used up its attempts for <paramref name="userName"/> (<paramref name="limit"/>
    /// failures, default <see cref="FailuresPerAddress"/>). Also counts the portal's 查询码 attempts (<see cref="Casework.TrackingAccess"/>),
    /// under keys no user name can have.
    /// </summary>
    public bool IsBlocked(string address, string userName, int? limit = null) =>
        _failures.TryGetValue(Key(address, userName), out var f) && clock.GetUtcNow() - f.Since < Window && f.Count >= (limit ?? FailuresPerAddress);

    public void Failed(string address, string userName)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxEntries)
        {
            Prune(now);
        }

        _failures.AddOrUpdate(Key(address, userName), (1, now), (_, f) => now - f.Since < Window ? (f.Count + 1, f.Since) : (1, now));
    }

    public void Succeeded(string address, string userName) => _failures.TryRemove(Key(address, userName), out _);

    private static (string, string) Key(string address, string userName) => (address, userName.Trim().ToUpperInvariant());

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, f) in _failures)
        {
            if (now - f.Since >= Window)
            {
                _failures.TryRemove(key, out _);
            }
        }

        foreach (var (key, _) in _failures.OrderBy(x => x.Value.Since).Take(Math.Max(0, _failures.Count - (MaxEntries / 2))))
        {
            _failures.TryRemove(key, out _);
        }
    }
}
