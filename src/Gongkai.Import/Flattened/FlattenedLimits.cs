namespace Gongkai.Import.Flattened;

/// <summary>
/// The bounds of the flattened-table search. Inputs beyond them give a <c>FLAT.limit</c> diagnostic
/// and cells left ambiguous, never an exception or an unbounded search.
/// </summary>
public static class FlattenedLimits
{
    /// <summary>The longest text read, in characters; the rest is ignored with a diagnostic.</summary>
    public const int MaxTextChars = 2_000_000;

    /// <summary>The most characters (digits, signs, decimal points) a row's numbers may hold.</summary>
    public const int MaxDigitsPerRow = 96;

    /// <summary>The most digits one cell may hold (counts up to 999,999,999).</summary>
    public const int MaxDigitsPerCell = 9;

    /// <summary>The most readings (splits) enumerated for one row before giving up on it.</summary>
    public const int MaxCandidatesPerRow = 5_000;

    /// <summary>The most search nodes (row splits tried, or cells placed) for one table or row.</summary>
    public const int MaxSearchNodes = 400_000;

    /// <summary>The most broken rules a reading of a table may have and still be searched for.</summary>
    public const int MaxViolations = 4;
}
