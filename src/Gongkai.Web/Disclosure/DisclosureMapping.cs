using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Disclosure;

/// <summary>Between the stored rows and the domain's <see cref="DisclosureWorkflow"/>.</summary>
public static class DisclosureMapping
{
    /// <summary>JSON for the structured columns: enums as names, Chinese as characters.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>China Standard Time, in which dates and times are shown.</summary>

    public static DisclosureItem ToItem(DisclosureRecord r) => new()
    {
        Id = r.Id,
        Version = r.Version,
        IndexNumber = r.IndexNumber is null ? null : new IndexNumber(r.IndexNumber),
        Title = r.Title,
        DocumentNumber = r.DocumentNumber,
        Publisher = r.Publisher,
        WrittenOn = r.WrittenOn,
        ChangedOn = r.ChangedOn,
        PublishedOn = r.PublishedOn,
        WithdrawnOn = r.WithdrawnOn,
        Art20Number = r.Art20Number,
        CatalogueCode = r.CatalogueCode,
        Validity = new Validity(Enum.Parse<ValidityStatus>(r.ValidityStatus), r.EffectiveFrom, r.EndedOn),
        Body = r.Body,
        Summary = r.Summary,
        Attachments = JsonSerializer.Deserialize<ImmutableArray<Attachment>>(r.AttachmentsJson, Json),
        Channels = Enum.Parse<Channels>(r.Channels),
        Kind = Enum.Parse<DocumentKind>(r.Kind),
    };

    public static WorkflowStep ToStep(DisclosureStepRecord s) => new(
        s.Sequence,
        Enum.Parse<StepKind>(s.Kind),
        new Actor(s.ActorId, s.ActorName),
        ChinaTime.Local(s.At),
        Enum.Parse<DisclosureState>(s.FromState),
        Enum.Parse<DisclosureState>(s.ToState),
        s.ItemVersion,
        s.Comment,
        s.FindingId,
        s.IsPublic);

    /// <summary>Rebuilds the workflow of a row with its steps (and earlier versions, if given).</summary>
    public static DisclosureWorkflow ToWorkflow(DisclosureRecord r, IEnumerable<DisclosureVersionRecord>? versions = null)
    {
        var steps = r.Steps.OrderBy(s => s.Sequence).Select(ToStep).ToList();
        var state = Enum.Parse<DisclosureState>(r.State);
        var checks = r.ChecksJson is null ? null : JsonSerializer.Deserialize<ItemCheckResult>(r.ChecksJson, Json);

        // Acceptances live in the history: those since the check was last (re)set.
        var reset = steps.FindLastIndex(s => s.Kind is StepKind.Submitted or StepKind.Returned or StepKind.Corrected);
        var acceptances = state is DisclosureState.Draft
            ? []
            : steps.Skip(reset + 1)
                .Where(s => s.Kind == StepKind.FindingAccepted && s.FindingId is not null)
                .Select(s => new FindingAcceptance(s.FindingId!, s.Actor, s.At, s.Comment ?? ""))
                .ToList();

        return DisclosureWorkflow.Restore(
            ToItem(r),
            state,
            ReviewPolicy.Open,
            JsonSerializer.Deserialize<List<string>>(r.AuthorsJson, Json) ?? [],
            steps,
            checks,
            acceptances,
            versions?.OrderBy(v => v.Version).Select(v => JsonSerializer.Deserialize<DisclosureItem>(v.SnapshotJson, Json)!));
    }

    /// <summary>Copies the workflow's current state into <paramref name="r"/> (not the steps).</summary>
    public static void CopyTo(DisclosureWorkflow w, DisclosureRecord r)
    {
        var i = w.Item;
        r.State = w.State.ToString();
        r.Version = i.Version;
        r.IndexNumber = i.IndexNumber?.Value;
        r.Title = i.Title;
        r.DocumentNumber = i.DocumentNumber;
        r.Publisher = i.Publisher;
        r.WrittenOn = i.WrittenOn;
        r.ChangedOn = i.ChangedOn;
        r.PublishedOn = i.PublishedOn;
        r.WithdrawnOn = i.WithdrawnOn;
        r.Art20Number = i.Art20Number;
        r.CatalogueCode = i.CatalogueCode;
        r.ValidityStatus = i.Validity.Status.ToString();
        r.EffectiveFrom = i.Validity.EffectiveFrom;
        r.EndedOn = i.Validity.EndedOn;
        r.Body = i.Body;
        r.Summary = i.Summary;
        r.AttachmentsJson = JsonSerializer.Serialize(i.Attachments, Json);
        r.Channels = i.Channels.ToString();
        r.Kind = i.Kind.ToString();
        r.AuthorsJson = JsonSerializer.Serialize(w.Authors.Order(StringComparer.Ordinal), Json);
        r.ChecksJson = w.Checks is null ? null : JsonSerializer.Serialize(w.Checks, Json);
        r.SearchText = CatalogueSearch.IndexText(i);
    }

    public static DisclosureStepRecord ToRecord(Guid itemId, WorkflowStep s) => new()
    {
        ItemId = itemId,
        Sequence = s.Sequence,
        Kind = s.Kind.ToString(),
        ActorId = s.Actor.Id,
        ActorName = s.Actor.Name,
        At = s.At.ToUniversalTime(), // PostgreSQL stores timestamptz in UTC only
        FromState = s.From.ToString(),
        ToState = s.To.ToString(),
        ItemVersion = s.ItemVersion,
        Comment = s.Comment,
        FindingId = s.FindingId,
        IsPublic = s.IsPublic,
    };

    /// <summary>Labels for the UI.</summary>
    public static string Label(DisclosureState s) => s switch
    {
        DisclosureState.Draft => "草稿",
        DisclosureState.SecrecyReview => "保密审查中",
        DisclosureState.LegalityReview => "合法性审查中",
        DisclosureState.Approved => "已审核待发布",
        DisclosureState.Published => "已发布",
        DisclosureState.Corrected => "已更正",
        DisclosureState.Withdrawn => "已撤回",
        _ => s.ToString(),
    };

    public static string Label(StepKind k) => k switch
    {
        StepKind.Created => "起草",
        StepKind.Edited => "修改",
        StepKind.Submitted => "提交审查",
        StepKind.SecrecyPassed => "保密审查通过",
        StepKind.LegalityPassed => "合法性审查通过",
        StepKind.Returned => "退回修改",
        StepKind.FindingAccepted => "说明理由后接受问题",
        StepKind.Published => "发布",
        StepKind.Corrected => "更正",
        StepKind.Withdrawn => "撤回",
        _ => k.ToString(),
    };

    /// <summary>The audit code of a step, e.g. <c>disclosure.secrecy-passed</c> (wording in <see cref="AuditCodes"/>).</summary>
    public static string AuditCode(StepKind k) => k switch
    {
        StepKind.Created => AuditCodes.DisclosureCreated,
        StepKind.Edited => AuditCodes.DisclosureEdited,
        StepKind.Submitted => AuditCodes.DisclosureSubmitted,
        StepKind.SecrecyPassed => AuditCodes.DisclosureSecrecyPassed,
        StepKind.LegalityPassed => AuditCodes.DisclosureLegalityPassed,
        StepKind.Returned => AuditCodes.DisclosureReturned,
        StepKind.FindingAccepted => AuditCodes.DisclosureFindingAccepted,
        StepKind.Published => AuditCodes.DisclosurePublished,
        StepKind.Corrected => AuditCodes.DisclosureCorrected,
        StepKind.Withdrawn => AuditCodes.DisclosureWithdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "not a disclosure step"),
    };

    /// <summary>Where staff download an uploaded attachment (any state, own agency).</summary>
    public static string StaffFilePath(Guid fileId) => $"/Disclosure/File/{fileId}";

    /// <summary>Where the public downloads an uploaded attachment of a published item.</summary>
    public static string PublicFilePath(Guid fileId) => $"/gk/file/{fileId}";

    /// <summary>A file size for people: 字节, KB or MB.</summary>
    public static string SizeLabel(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    public static string Label(DocumentKind k) => k switch
    {
        DocumentKind.Rule => "规章",
        DocumentKind.NormativeDocument => "行政规范性文件",
        _ => "其他",
    };

    public static string Label(Channels c)
    {
        var parts = new List<string>();
        if (c.HasFlag(Channels.Website))
        {
            parts.Add("政府网站");
        }

        if (c.HasFlag(Channels.WeChat))
        {
            parts.Add("微信公众号");
        }

        if (c.HasFlag(Channels.Other))
        {
            parts.Add("其他");
        }

        return string.Join("、", parts);
    }

    /// <summary>The public URL of a published item: <c>/gk/{索引号}</c> (the 索引号's slash kept as a path separator).</summary>
    public static string PublicPath(string indexNumber) =>
        "/gk/" + string.Join('/', indexNumber.Split('/').Select(Uri.EscapeDataString));
}
