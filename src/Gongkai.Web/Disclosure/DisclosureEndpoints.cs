using Gongkai.Web.Disclosure;

namespace Gongkai.Web.Api;

/// <summary>The proactive-disclosure endpoints, in the API namespace so Program.cs needs one line.</summary>
public static class DisclosureEndpoints
{
    /// <summary>Maps <c>/gk/feed.xml</c> (RSS) and <c>/gk/feed.json</c> (JSON Feed). Optional filter: <c>?category=1..15</c>.</summary>
    public static IEndpointRouteBuilder MapDisclosureFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gk").AllowAnonymous().WithTags("主动公开");
        group.MapGet("/feed.xml", DisclosureFeeds.RssAsync).WithName("DisclosureRss");
        group.MapGet("/feed.json", DisclosureFeeds.JsonAsync).WithName("DisclosureJsonFeed");
        return app;
    }
}
