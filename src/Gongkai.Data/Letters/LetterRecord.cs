namespace Gongkai.Data.Letters;

/// <summary>
/// A letter sent in a case, with its 文号: allocated once, the first time the letter is produced, and
/// stored so that every later download shows the same 文号. Numbers run 1, 2, 3 … per agency and year
/// without gaps (a number exists only as a row) and without collisions ((AgencyId, Year, Number) is unique).
/// The letter's text is not stored: it is written again from the case's events, which never change.
/// </summary>
public sealed class LetterRecord
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The step (the case event's sequence, 1-based) the letter belongs to.</summary>
    public int Sequence { get; set; }

    /// <summary>The letter kind's code (<c>receipt</c>, <c>reply</c> …); (CaseId, Sequence, Kind) is unique.</summary>
    public required string Kind { get; set; }

    /// <summary>The issuing agency, whose sequence the number is drawn from.</summary>
    public int AgencyId { get; set; }

    /// <summary>The year of the number (the letter's date).</summary>
    public int Year { get; set; }

    /// <summary>The number within the agency and year: 1, 2, 3 …</summary>
    public long Number { get; set; }

    /// <summary>The 文号 as printed, e.g. 兰卫公开〔2026〕3号 (fixed when allocated, even if the pattern changes later).</summary>
    public required string DocumentNumber { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
}
