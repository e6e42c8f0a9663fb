using System.Globalization;
using System.Xml.Linq;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Disclosure;

/// <summary>RSS 2.0 and JSON Feed 1.1 of the public 目录: the latest published items.</summary>
public static class DisclosureFeeds
{
    /// <summary>Items per feed.</summary>
    public const int FeedSize = 50;

    private static async Task<List<DisclosureRecord>> LatestAsync(GongkaiDbContext db, int? category, CancellationToken ct) =>
        await DisclosureDesk.Catalogue(db, category is >= 1 and <= 15 ? category : null, null, null, null).Take(FeedSize).ToListAsync(ct);

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string Summary(DisclosureRecord r)
    {
        if (!string.IsNullOrWhiteSpace(r.Summary))
        {
            return r.Summary;
        }

        var text = CatalogueSearch.StripTags(r.Body).Trim();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static DateTimeOffset PublishedAt(DisclosureRecord r) =>
        new(r.PublishedOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    internal static async Task<ContentHttpResult> RssAsync(GongkaiDbContext db, HttpRequest request, int? category, CancellationToken ct)
    {
        var items = await LatestAsync(db, category, ct);
        var root = Base(request);
        var channel = new XElement("channel",
            new XElement("title", "政府信息公开目录"),
            new XElement("link", root + "/Portal/Catalogue"),
            new XElement("description", "主动公开的政府信息"),
            new XElement("language", "zh-cn"));
        foreach (var r in items)
        {
            var url = root + DisclosureMapping.PublicPath(r.IndexNumber!);
            channel.Add(new XElement("item",
                new XElement("title", r.Title),
                new XElement("link", url),
                new XElement("guid", new XAttribute("isPermaLink", "true"), url),
                new XElement("pubDate", PublishedAt(r).ToString("r", CultureInfo.InvariantCulture)),
                new XElement("category", Art20Categories.Get(r.Art20Number).Title),
                new XElement("description", $"索引号：{r.IndexNumber}；文号：{r.DocumentNumber ?? "无"}；发布机构：{r.Publisher}。{Summary(r)}")));
        }

        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"), channel));
        return TypedResults.Content(doc.Declaration + "\n" + doc.Root, "application/rss+xml; charset=utf-8");
    }

    internal static async Task<Ok<JsonFeed>> JsonAsync(GongkaiDbContext db, HttpRequest request, int? category, CancellationToken ct)
    {
        var items = await LatestAsync(db, category, ct);
        var root = Base(request);
        return TypedResults.Ok(new JsonFeed(
            "https://jsonfeed.org/version/1.1",
            "政府信息公开目录",
            root + "/Portal/Catalogue",
            root + "/gk/feed.json",
            "zh-CN",
            [.. items.Select(r => new JsonFeedItem(
                root + DisclosureMapping.PublicPath(r.IndexNumber!),
                root + DisclosureMapping.PublicPath(r.IndexNumber!),
                r.Title,
                Summary(r),
                PublishedAt(r),
                [Art20Categories.Get(r.Art20Number).Title],
                new JsonFeedMeta(r.IndexNumber!, r.DocumentNumber, r.Publisher, r.WrittenOn, r.PublishedOn!.Value, r.Art20Number, r.ValidityStatus)))]));
    }
}

/// <summary>A JSON Feed 1.1 document (jsonfeed.org).</summary>
public sealed record JsonFeed(
    [property: System.Text.Json.Serialization.JsonPropertyName("version")] string Version,
    [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("home_page_url")] string HomePageUrl,
    [property: System.Text.Json.Serialization.JsonPropertyName("feed_url")] string FeedUrl,
    [property: System.Text.Json.Serialization.JsonPropertyName("language")] string Language,
    [property: System.Text.Json.Serialization.JsonPropertyName("items")] IReadOnlyList<JsonFeedItem> Items);

/// <summary>One item of the JSON Feed, with the 目录 metadata under the <c>_gongkai</c> extension.</summary>
public sealed record JsonFeedItem(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("url")] string Url,
    [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("summary")] string Summary,
    [property: System.Text.Json.Serialization.JsonPropertyName("date_published")] DateTimeOffset DatePublished,
    [property: System.Text.Json.Serialization.JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: System.Text.Json.Serialization.JsonPropertyName("_gongkai")] JsonFeedMeta Gongkai);

/// <summary>目录 metadata of a feed item.</summary>
public sealed record JsonFeedMeta(
    [property: System.Text.Json.Serialization.JsonPropertyName("index_number")] string IndexNumber,
    [property: System.Text.Json.Serialization.JsonPropertyName("document_number")] string? DocumentNumber,
    [property: System.Text.Json.Serialization.JsonPropertyName("publisher")] string Publisher,
    [property: System.Text.Json.Serialization.JsonPropertyName("written_on")] DateOnly WrittenOn,
    [property: System.Text.Json.Serialization.JsonPropertyName("published_on")] DateOnly PublishedOn,
    [property: System.Text.Json.Serialization.JsonPropertyName("art20")] int Art20,
    [property: System.Text.Json.Serialization.JsonPropertyName("validity")] string Validity);

