namespace Gongkai.Data.Disclosure;

/// <summary>
/// A proactive-disclosure item and its review state (the current version). The domain type is
/// <c>Gongkai.Domain.Disclosure.DisclosureWorkflow</c>; this row is its stored form. Structured
/// values that are always read whole (attachments, the check result, authors) are JSON columns.
/// </summary>
public sealed class DisclosureRecord
{
    public Guid Id { get; set; }

    /// <summary>The publishing agency (its 目录 the item belongs to).</summary>
    public int AgencyId { get; set; }

    /// <summary><c>DisclosureState</c> as a string.</summary>
    public required string State { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>索引号; null until published. Unique across all rows, never reused.</summary>
    public string? IndexNumber { get; set; }

    public required string Title { get; set; }

    public string? DocumentNumber { get; set; }

    public required string Publisher { get; set; }

    public DateOnly WrittenOn { get; set; }

    public DateOnly? ChangedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public int Art20Number { get; set; }

    public required string CatalogueCode { get; set; }

    /// <summary><c>ValidityStatus</c> as a string.</summary>
    public required string ValidityStatus { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string Body { get; set; } = "";

    public string? Summary { get; set; }

    /// <summary>Attachments as JSON.</summary>
    public string AttachmentsJson { get; set; } = "[]";

    /// <summary><c>Channels</c> flags as a comma-separated string (e.g. <c>Website, WeChat</c>).</summary>
    public required string Channels { get; set; }

    /// <summary><c>DocumentKind</c> as a string.</summary>
    public required string Kind { get; set; }

    /// <summary>User ids of the creator and editors, as JSON.</summary>
    public string AuthorsJson { get; set; } = "[]";

    /// <summary>The check result of the submitted version, as JSON; null in Draft.</summary>
    public string? ChecksJson { get; set; }

    /// <summary>Normalised title, 文号, 发布机构, 索引号 and body for bigram search (<c>CatalogueSearch</c>).</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: changed on every save, so two reviewers cannot both act on one state.</summary>
    public Guid ConcurrencyStamp { get; set; }

    public List<DisclosureStepRecord> Steps { get; } = [];
}

/// <summary>One step of an item's review history. Append-only.</summary>
public sealed class DisclosureStepRecord
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public int Sequence { get; set; }

    /// <summary><c>StepKind</c> as a string.</summary>
    public required string Kind { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public DateTimeOffset At { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    public int ItemVersion { get; set; }

    public string? Comment { get; set; }

    public string? FindingId { get; set; }

    public bool IsPublic { get; set; }
}

/// <summary>An earlier version of an item, kept when a correction replaces it. Append-only.</summary>
public sealed class DisclosureVersionRecord
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public int Version { get; set; }

    /// <summary>The whole <c>DisclosureItem</c> of that version, as JSON.</summary>
    public required string SnapshotJson { get; set; }
}

/// <summary>The last 流水号 handed out in a 索引号 scope (e.g. <c>11371324MB2858127M/2025-{seq}</c>).</summary>
public sealed class IndexSequenceRecord
{
    public required string Scope { get; set; }

    public long Last { get; set; }
}

/// <summary>An entry of the administrator's 错敏字 list.</summary>
public sealed class WordEntryRecord
{
    public required string Wrong { get; set; }

    public required string Right { get; set; }

    /// <summary><c>WordEntryKind</c> as a string.</summary>
    public required string Kind { get; set; }

    public string? Note { get; set; }
}
