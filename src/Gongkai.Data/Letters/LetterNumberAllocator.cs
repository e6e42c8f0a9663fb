using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Letters;

/// <summary>What a letter needs a 文号 for: the case step and kind, the agency and year whose sequence it draws on.</summary>
public sealed record LetterNumberRequest(Guid CaseId, int Sequence, string Kind, int AgencyId, int Year);

/// <summary>
/// 文号 for letters: the stored one if the letter was produced before, else the next number of the
/// agency's sequence for the year (MAX + 1), inserted under the unique indexes and retried when another
/// writer took that number (or stored the same letter) first. Gapless, because a number exists only as
/// the row that uses it; collision-free, because (AgencyId, Year, Number) is unique. Works the same on
/// SQLite and PostgreSQL.
/// </summary>
public sealed class LetterNumberAllocator(GongkaiDbContext db, TimeProvider clock)
{
    /// <summary>Attempts before giving up under extreme contention.</summary>
    public const int MaxAttempts = 50;

    /// <summary>
    /// The letter's record. <paramref name="format"/> turns a number into the printed 文号;
    /// <paramref name="onAllocate"/> may add entities (an audit entry) saved with a new number.
    /// </summary>
    public async Task<LetterRecord> GetOrAllocateAsync(LetterNumberRequest request, Func<long, string> format, Action<LetterRecord>? onAllocate = null, CancellationToken ct = default)
    {
        var set = db.Set<LetterRecord>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await set.AsNoTracking()
                .SingleOrDefaultAsync(l => l.CaseId == request.CaseId && l.Sequence == request.Sequence && l.Kind == request.Kind, ct);
            if (existing is not null)
            {
                return existing;
            }

            var last = await set.Where(l => l.AgencyId == request.AgencyId && l.Year == request.Year).MaxAsync(l => (long?)l.Number, ct) ?? 0;
            var row = new LetterRecord
            {
                CaseId = request.CaseId,
                Sequence = request.Sequence,
                Kind = request.Kind,
                AgencyId = request.AgencyId,
                Year = request.Year,
                Number = last + 1,
                DocumentNumber = format(last + 1),
                IssuedAt = clock.GetUtcNow(),
            };
            set.Add(row);
            onAllocate?.Invoke(row);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(row).State = EntityState.Detached;
                return row;
            }
            catch (DbUpdateException e) when (e.IsLostRace())
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                await Task.Delay(Random.Shared.Next(1, 5 + attempt), ct);
            }
        }

        throw new InvalidOperationException($"Could not allocate a letter number for agency {request.AgencyId}, {request.Year} after {MaxAttempts} attempts.");
    }
}
