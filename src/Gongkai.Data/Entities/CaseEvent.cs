namespace Gongkai.Data.Entities;

/// <summary>
/// Something that happened to an application, appended and never changed or deleted (the
/// DbContext refuses to). <see cref="Kind"/> is the domain event's kind (<c>registered</c> …);
/// <see cref="Data"/> is the event as JSON (<c>ApplicationEventJson</c>).
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>1, 2, 3 … within the case; (CaseId, Sequence) is unique, so two writers cannot both append the same step.</summary>
    public int Sequence { get; set; }

    public required string Kind { get; set; }

    /// <summary>The date the event took effect.</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The event as JSON.</summary>
    public required string Data { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}
