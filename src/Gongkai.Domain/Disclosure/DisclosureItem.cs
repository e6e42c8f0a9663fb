using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Domain.Disclosure;

/// <summary>有效性: whether a published document is still in force.</summary>
public enum ValidityStatus
{
    /// <summary>有效.</summary>
    InForce,

    /// <summary>失效: expired by its own terms (有效期届满).</summary>
    Expired,

    /// <summary>废止: repealed by a later decision.</summary>
    Repealed,
}

/// <summary>
/// The 有效性 of an item: its status and the dates. <see cref="EffectiveFrom"/> is the first day in
/// force; <see cref="EndedOn"/> is the first day <b>no longer</b> in force (失效日期 / 废止日期).
/// </summary>
public sealed record Validity(ValidityStatus Status, DateOnly? EffectiveFrom = null, DateOnly? EndedOn = null)
{
    public static Validity InForce(DateOnly? from = null) => new(ValidityStatus.InForce, from);

    public static Validity ExpiredOn(DateOnly on, DateOnly? from = null) => new(ValidityStatus.Expired, from, on);

    public static Validity RepealedOn(DateOnly on, DateOnly? from = null) => new(ValidityStatus.Repealed, from, on);

    /// <summary>Whether the document is in force on <paramref name="day"/>.</summary>
    public bool IsInForceOn(DateOnly day) =>
        (EffectiveFrom is null || EffectiveFrom <= day) && (EndedOn is null || day < EndedOn);

    /// <summary>有效 / 失效 / 废止.</summary>
    public string Label => Status switch
    {
        ValidityStatus.Expired => "失效",
        ValidityStatus.Repealed => "废止",
        _ => "有效",
    };
}

/// <summary>Where an item is published (公开渠道). An item may be on several.</summary>
[Flags]
public enum Channels
{
    None = 0,

    /// <summary>政府网站 (the 政府信息公开平台).</summary>
    Website = 1,

    /// <summary>微信公众号 and other 政务新媒体 on WeChat.</summary>
    WeChat = 2,

    /// <summary>Other channels: 公报, 新闻发布会, 报刊, 广播电视, 公开查阅点.</summary>
    Other = 4,
}

/// <summary>The kind of document, for Table 2 第二十条第（一）项.</summary>
public enum DocumentKind
{
    /// <summary>Anything that is neither a 规章 nor a 行政规范性文件.</summary>
    Other,

    /// <summary>规章.</summary>
    Rule,

    /// <summary>行政规范性文件.</summary>
    NormativeDocument,
}

/// <summary>An attachment (附件) of an item.</summary>
/// <param name="Name">File name as shown, e.g. <c>附件1.pdf</c>.</param>
/// <param name="ContentType">MIME type, e.g. <c>application/pdf</c>.</param>
/// <param name="HasTextLayer">False for a scan (image or image-only PDF) that screen readers and search cannot read.</param>
/// <param name="Location">
/// Where a file not stored by this system is served from (a site path or URL, from older data and
/// imports), checked by the link checker; null for an uploaded file.
/// </param>
/// <param name="FileId">The uploaded file stored with the item (see <see cref="AttachmentRules"/>); null for a linked one.</param>
/// <param name="Size">Bytes of the uploaded file.</param>
/// <param name="Sha256">SHA-256 of the uploaded file, lower-case hex.</param>
public sealed record Attachment(string Name, string ContentType, bool HasTextLayer, string? Location = null, Guid? FileId = null, long Size = 0, string? Sha256 = null)
{
    /// <summary>Whether the file is stored with the item (uploaded), rather than linked.</summary>
    public bool IsUploaded => FileId is not null;

    /// <summary>PDF or image: the kinds that can be scans without text.</summary>
    public bool IsScannable =>
        ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)
        || ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="location"/> is a path on this site: one leading '/', not followed by
    /// '/' or '\' (<c>//host/x.pdf</c> and <c>/\host/x.pdf</c> are other hosts to a browser), no '\'
    /// anywhere, no control characters or spaces. Only such a location counts as a local file.
    /// </summary>
    public static bool IsSitePath(string? location) =>
        location is { Length: > 0 } l && l[0] == '/' && (l.Length == 1 || l[1] is not ('/' or '\\'))
        && !l.Contains('\\', StringComparison.Ordinal) && !l.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>
    /// Whether <paramref name="location"/> may be offered as a link: a site path, or an absolute
    /// <c>http://</c> or <c>https://</c> URL with a host. Never <c>javascript:</c>, <c>data:</c>,
    /// <c>file:</c>, UNC paths (<c>\\host</c>) or scheme-relative ones.
    /// </summary>
    public static bool IsLinkable(string? location) =>
        IsSitePath(location)
        || (location is not null
            && (location.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && !location.Contains('\\', StringComparison.Ordinal) && !location.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            && Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Host.Length > 0);
}

/// <summary>
/// One item of proactive disclosure (主动公开的政府信息), one version of it. Immutable: the review
/// workflow derives changed copies. Dates are calendar days in China (UTC+8).
/// </summary>
public sealed record DisclosureItem
{
    /// <summary>Stable identity across versions.</summary>
    public required Guid Id { get; init; }

    /// <summary>1 for the first version; each correction after publication adds one.</summary>
    public int Version { get; init; } = 1;

    /// <summary>索引号, assigned when the item is first published and never changed or reused.</summary>
    public IndexNumber? IndexNumber { get; init; }

    /// <summary>标题 (信息名称).</summary>
    public required string Title { get; init; }

    /// <summary>文号 (发文字号), e.g. <c>兰卫发〔2025〕12号</c>; null when the item has none.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>发布机构 (发文机关).</summary>
    public required string Publisher { get; init; }

    /// <summary>成文日期: the day the information was made; Art. 26's 20 working days start from it.</summary>
    public required DateOnly WrittenOn { get; init; }

    /// <summary>变更日期: when the information last changed; if set, Art. 26 counts from it instead.</summary>
    public DateOnly? ChangedOn { get; init; }

    /// <summary>发布日期: the day it was published; null until then.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The day it was withdrawn (撤回) from the public catalogue, if it was.</summary>
    public DateOnly? WithdrawnOn { get; init; }

    /// <summary>The Art. 20 item (1-15) it counts under.</summary>
    public required int Art20Number { get; init; }

    /// <summary>The code of the agency's own 目录 node it is filed under.</summary>
    public required string CatalogueCode { get; init; }

    /// <summary>有效性.</summary>
    public Validity Validity { get; init; } = Validity.InForce();

    /// <summary>Body text (HTML fragment or plain text) as written.</summary>
    public string Body { get; init; } = "";

    /// <summary>内容概述 for the 目录; optional.</summary>
    public string? Summary { get; init; }

    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    public Channels Channels { get; init; } = Channels.Website;

    public DocumentKind Kind { get; init; } = DocumentKind.Other;

    public Art20Category Category => Art20Categories.Get(Art20Number);

    /// <summary>The day Art. 26 counts from: 变更日期 if set, else 成文日期.</summary>
    public DateOnly MadeOrChangedOn => ChangedOn ?? WrittenOn;

    public bool IsPublished => PublishedOn is not null && WithdrawnOn is null;

    /// <summary>
    /// A fingerprint of what reviewers read: title, 文号, body and attachments. Check results carry it,
    /// so a finding list is only ever applied to the text it was computed from.
    /// </summary>
    public string ContentFingerprint()
    {
        var sb = new StringBuilder();
        sb.Append(Title).Append('\u001f').Append(DocumentNumber).Append('\u001f').Append(Body);
        foreach (var a in Attachments)
        {
            sb.Append('\u001e').Append(a.Name).Append('\u001f').Append(a.ContentType).Append('\u001f')
              .Append(a.HasTextLayer ? '1' : '0').Append('\u001f').Append(a.Location)
              .Append('\u001f').Append(a.FileId).Append('\u001f').Append(a.Sha256);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Checks the fields a draft must have; returns the problems as codes (empty when valid).</summary>
    public ImmutableArray<string> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add(DisclosureCodes.ItemTitleMissing);
        }

        if (string.IsNullOrWhiteSpace(Publisher))
        {
            problems.Add(DisclosureCodes.ItemPublisherMissing);
        }

        if (!Art20Categories.IsValid(Art20Number))
        {
            problems.Add(DisclosureCodes.ItemCategoryInvalid);
        }

        if (Channels == Channels.None)
        {
            problems.Add(DisclosureCodes.ItemNoChannel);
        }

        if (Validity.EndedOn is { } end && Validity.EffectiveFrom is { } from && end < from)
        {
            problems.Add(DisclosureCodes.ItemValidityDates);
        }

        if (Validity.Status != ValidityStatus.InForce && Validity.EndedOn is null)
        {
            problems.Add(DisclosureCodes.ItemValidityDates);
        }

        if (ChangedOn is { } changed && changed < WrittenOn)
        {
            problems.Add(DisclosureCodes.ItemChangedBeforeWritten);
        }

        return problems.ToImmutable();
    }
}
