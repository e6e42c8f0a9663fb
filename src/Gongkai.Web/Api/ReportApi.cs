using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Reports;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>A finding of the rule engine, as the API returns it.</summary>
public sealed record CheckDto(string Code, string Severity, string Message, string? Location);

/// <summary>An annual report in a list.</summary>
public sealed record ReportSummaryDto(long Id, int AgencyId, string Agency, int Year, string Status, DateTime UpdatedAt, DateTime? PublishedAt);

/// <summary>/api/reports: check a report file, list and read agencies' annual reports and their checks.</summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Reports).DisableAntiforgery();
        api.MapPost("/check", CheckFileAsync)
            .WithSummary("Reads a report file (request body; ?name= gives its file name) and returns the canonical JSON with its findings.")
            .Accepts<byte[]>("application/octet-stream", "application/pdf", "text/html", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapGet("/{id:long}/checks", GetChecksAsync);
        return app;
    }

    /// <summary>
    /// The file is the raw request body. Form encodings that a cross-site page could post
    /// (multipart, urlencoded, text/plain) are refused, so a cookie cannot be abused (CSRF).
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> CheckFileAsync(HttpRequest request, string? name, ILoggerFactory loggers, CancellationToken ct)
    {
        var type = request.ContentType ?? string.Empty;
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("请以文件内容作为请求体上传（Content-Type: application/octet-stream）。", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var tooLarge = Gongkai.Import.ImportLimits.Refusal(Gongkai.Import.ImportLimit.FileBytes, name ?? "upload").Message + "。";
        if (request.ContentLength > GongkaiWebExtensions.MaxUploadBytes)
        {
            return TypedResults.Problem(tooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(tooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (buffer.Length == 0)
        {
            return TypedResults.Problem("请求体为空：请上传报告文件。", statusCode: StatusCodes.Status400BadRequest);
        }

        buffer.Position = 0;
        var report = ReportUploads.Import(buffer, string.IsNullOrWhiteSpace(name) ? "upload" : Path.GetFileName(name), loggers.CreateLogger(typeof(ReportUploads)), ct);
        if (ReportUploads.Unreadable(report) is { } reason)
        {
            return TypedResults.Problem($"无法读取该文件：{reason}", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return TypedResults.Content(ReportJson.Serialize(report), "application/json; charset=utf-8");
    }

    public static async Task<Ok<List<ReportSummaryDto>>> ListAsync(GongkaiDbContext db, CurrentStaff staff, int? year, CancellationToken ct)
    {
        var ids = await VisibleAgenciesAsync(staff, ct);
        var query = db.AnnualReports.AsNoTracking().Where(r => ids.Contains(r.AgencyId));
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId)
            .Select(r => new ReportSummaryDto(r.Id, r.AgencyId, r.Agency!.Name, r.Year, r.Status.ToString(), r.UpdatedAt, r.PublishedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetAsync(long id, GongkaiDbContext db, CurrentStaff staff, CancellationToken ct)
    {
        var row = await FindAsync(id, db, staff, ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Content(row.Json, "application/json; charset=utf-8");
    }

    public static async Task<Results<Ok<List<CheckDto>>, NotFound>> GetChecksAsync(long id, GongkaiDbContext db, CurrentStaff staff, CancellationToken ct)
    {
        var row = await FindAsync(id, db, staff, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(Checks(row.Json).Select(ToDto).ToList());
    }

    /// <summary>The rule engine's findings on a stored report (re-evaluated, not the stored list).</summary>
    public static IReadOnlyList<Diagnostic> Checks(string json)
    {
        var report = ReportJson.Parse(json);
        return RuleEngine.Check(report with { Diagnostics = [] });
    }

    public static CheckDto ToDto(Diagnostic d) => new(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.Location?.ToString());

    private static async Task<AnnualReport?> FindAsync(long id, GongkaiDbContext db, CurrentStaff staff, CancellationToken ct)
    {
        var ids = await VisibleAgenciesAsync(staff, ct);
        return await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && ids.Contains(r.AgencyId), ct);
    }

    private static async Task<IReadOnlyList<int>> VisibleAgenciesAsync(CurrentStaff staff, CancellationToken ct) =>
        staff.IsDesk && staff.AgencyId is { } own ? [own] : await staff.SupervisedAgencyIdsAsync(ct);
}
