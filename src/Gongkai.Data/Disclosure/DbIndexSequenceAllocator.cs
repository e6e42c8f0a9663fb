using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Disclosure;

/// <summary>
/// 流水号 from the database: one row per scope, incremented with a compare-and-set update
/// (<c>UPDATE … SET Last = n + 1 WHERE Scope = s AND Last = n</c>) and retried when another writer got
/// there first; a new scope is inserted, and a duplicate-key failure means someone else inserted it,
/// so the loop retries. Works the same on SQLite and PostgreSQL. Numbers are never returned, so a
/// failed publication leaves a gap rather than a reused 索引号; the unique index on the 索引号 column is
/// the last guard.
/// </summary>
public sealed class DbIndexSequenceAllocator(GongkaiDbContext db) : IIndexSequenceAllocator
{
    /// <summary>Attempts before giving up under extreme contention.</summary>
    public const int MaxAttempts = 50;

    public async ValueTask<long> NextAsync(string scope, CancellationToken cancellationToken = default)
    {
        var set = db.Set<IndexSequenceRecord>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var last = await set.AsNoTracking().Where(s => s.Scope == scope).Select(s => (long?)s.Last).FirstOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                var row = new IndexSequenceRecord { Scope = scope, Last = 1 };
                set.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return 1;
                }
                catch (DbUpdateException)
                {
                    db.Entry(row).State = EntityState.Detached;
                    continue;
                }
            }

            var current = last.Value;
            var updated = await set.Where(s => s.Scope == scope && s.Last == current)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Last, current + 1), cancellationToken);
            if (updated == 1)
            {
                return current + 1;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
        }

        throw new InvalidOperationException($"Could not allocate a 流水号 for '{scope}' after {MaxAttempts} attempts.");
    }
}
