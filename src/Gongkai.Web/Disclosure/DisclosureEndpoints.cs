using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>The proactive-disclosure endpoints, in the API namespace so Program.cs needs one line.</summary>
public static class DisclosureEndpoints
{
    /// <summary>
    /// Maps <c>/gk/feed.xml</c> (RSS) and <c>/gk/feed.json</c> (JSON Feed) (optional filter
    /// <c>?category=1..15</c>), <c>/gk/file/{id}</c> (an attachment of a published item, for anyone) and
    /// <c>/Disclosure/File/{id}</c> (an attachment of any item of the user's agency, for desk staff).
    /// </summary>
    public static IEndpointRouteBuilder MapDisclosureFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gk").AllowAnonymous().WithTags("主动公开");
        group.MapGet("/feed.xml", DisclosureFeeds.RssAsync).WithName("DisclosureRss");
        group.MapGet("/feed.json", DisclosureFeeds.JsonAsync).WithName("DisclosureJsonFeed");
        group.MapGet("/file/{fileId:guid}", PublicFileAsync).WithName("DisclosurePublicFile");
        app.MapGet("/Disclosure/File/{fileId:guid}", StaffFileAsync).RequireAuthorization(Policies.Desk).WithTags("主动公开").WithName("DisclosureStaffFile");
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> PublicFileAsync(Guid fileId, GongkaiDbContext db, HttpResponse response, CancellationToken ct) =>
        Serve(await DisclosureDesk.PublicFileAsync(db, fileId, ct), response);

    internal static async Task<Results<FileContentHttpResult, NotFound>> StaffFileAsync(Guid fileId, DisclosureDesk desk, CurrentStaff staff, HttpResponse response, CancellationToken ct) =>
        Serve(await desk.StaffFileAsync(fileId, staff.DeskAgencyId, ct), response);

    private static Results<FileContentHttpResult, NotFound> Serve(DisclosureFileRecord? file, HttpResponse response)
    {
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["X-Gongkai-Sha256"] = file.Sha256;
        return TypedResults.File(file.Content, file.ContentType, file.Name);
    }
}
