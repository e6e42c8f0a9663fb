using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Data;

/// <summary>
/// Recognises a write that lost a race to another writer, on either provider: an optimistic
/// concurrency check that found the row changed (<see cref="DbUpdateConcurrencyException"/>), or a
/// unique index that another transaction filled first (two staff appending the same event
/// sequence number, two submissions of one form). Both mean "someone else got there first"; the
/// caller answers 409 and shows the current state. Other database errors are not races.
/// </summary>
public static class LostRace
{
    /// <summary>SQLite's extended result codes for a unique index and a primary key violation.</summary>
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>True if <paramref name="exception"/> means another writer changed or inserted the same thing first.</summary>
    public static bool IsLostRace(this Exception? exception) =>
        exception is DbUpdateConcurrencyException || (exception is DbUpdateException e && IsUniqueViolation(e.InnerException));

    private static bool IsUniqueViolation(Exception? inner) => inner switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
