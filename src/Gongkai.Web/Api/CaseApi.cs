using System.Text.Json;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>An application in a list or an answer. <c>AccessCode</c> is the new case's 查询码, only in the answer to its registration (shown once; print it on the 回执).</summary>
public sealed record CaseSummaryDto(Guid Id, string TrackingNumber, string ApplicantName, string Channel, DateOnly SubmittedOn, DateOnly? ReceivedOn, string? State, bool AwaitingConfirmation, DateOnly? DueOn, string? Outcome, int Version, string? AccessCode = null);

/// <summary>
/// An application with its events and derived deadline. <c>ProvisionalReason</c> is null, or why <c>DueOn</c> is provisional:
/// <c>statutory-only</c> (the year's holiday notice is not loaded; statutory days computed from the law) or <c>weekends-only</c>.
/// </summary>
public sealed record CaseDto(CaseSummaryDto Case, IReadOnlyList<JsonElement> Events, DateOnly? DueOn, bool IsPaused, IReadOnlyList<string> Explanation, string? ProvisionalReason = null);

/// <summary>A step to append: the event JSON in the domain's stored form (with its <c>kind</c>), and the version the client saw.</summary>
public sealed record AppendEventRequest(int Version, JsonElement Event);

/// <summary>/api/cases: the desk's applications, scoped to the user's agency like the pages.</summary>
public static class CaseApi
{
    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Desk);
        api.MapGet("/", ListAsync).WithSummary("Lists the agency's applications, newest first (q: tracking number, applicant or description; state; year).");
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", RegisterAsync).WithSummary("Registers an application (the office's registration form as JSON); with an Idempotency-Key header, a repeated request answers with the case the first one created.");
        api.MapPost("/{id:guid}/events", AppendAsync).WithSummary("Appends a casework step; 409 if the case changed since `version`, 422 if the domain refuses the step.");
        return app;
    }

    public static async Task<Ok<List<CaseSummaryDto>>> ListAsync(GongkaiDbContext db, CurrentStaff staff, string? q, ApplicationState? state, int? year, int? page, CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        var query = db.Cases.AsNoTracking().Where(c => c.AgencyId == agency);
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(c => c.TrackingNumber == q || c.ApplicantName.Contains(q) || c.Description.Contains(q));
        }

        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }

        if (year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        var rows = await query.OrderByDescending(c => c.SubmittedOn).ThenByDescending(c => c.CreatedAt)
            .Skip((Math.Max(1, page ?? 1) - 1) * 50).Take(50).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    public static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(Guid id, CaseService cases, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded is null)
        {
            return TypedResults.NotFound();
        }

        var deadline = loaded.Case?.Deadline(cases.Rules);
        return TypedResults.Ok(new CaseDto(
            ToDto(loaded.Record),
            loaded.Events.Select(e => JsonDocument.Parse(e.Data).RootElement.Clone()).ToList(),
            deadline?.DueOn,
            deadline?.IsPaused ?? false,
            deadline?.Steps.Select(s => s.Text).ToList() ?? [],
            deadline?.Reason?.Code()));
    }

    public static async Task<Results<Created<CaseSummaryDto>, ValidationProblem>> RegisterAsync(
        RegistrationForm form, GongkaiDbContext db, CaseService cases, CurrentStaff staff, [FromHeader(Name = SubmissionKeys.HeaderName)] string? idempotencyKey, CancellationToken ct)
    {
        var errors = Validate(form);
        if (form.SubmittedOn > cases.Today)
        {
            errors["SubmittedOn"] = ["日期不能晚于今天"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var agency = await db.Agencies.SingleAsync(a => a.Id == staff.DeskAgencyId, ct);
        var registered = await cases.RegisterAsync(agency, form.ToApplication, idempotencyKey, ct);
        if (registered.Problem is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Code] = [error.MessageZh] });
        }

        var (record, _, accessCode) = registered.Value;
        return TypedResults.Created($"/api/cases/{record.Id}", ToDto(record) with { AccessCode = accessCode is null ? null : AccessCodes.Display(accessCode) });
    }

    public static async Task<Results<Ok<CaseSummaryDto>, NotFound, ProblemHttpResult, ForbidHttpResult>> AppendAsync(
        Guid id, AppendEventRequest request, CaseService cases, CaseRouting routing, CurrentStaff staff, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded is null)
        {
            return TypedResults.NotFound();
        }

        ApplicationEvent e;
        try
        {
            e = ApplicationEventJson.Deserialize(request.Event.GetRawText());
        }
        catch (JsonException x)
        {
            return TypedResults.Problem($"无法识别的事件：{x.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (e is Registered)
        {
            return TypedResults.Problem("登记请使用 POST /api/cases", statusCode: StatusCodes.Status400BadRequest);
        }

        if (e is Extended && !staff.IsApprover)
        {
            return TypedResults.Forbid();
        }

        // Who and when come from the server, not the client.
        e = e switch
        {
            Extended x => x with { Recorded = cases.Recorded(), ApprovedBy = staff.DisplayName },
            _ => e with { Recorded = cases.Recorded() },
        };
        if (e.OccurredOn > cases.Today)
        {
            return TypedResults.Problem("日期不能晚于今天", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var result = e switch
        {
            // Who handles the case and which agency holds it are checked and written by CaseRouting, as on the case page.
            Assigned a => await routing.AssignAsync(loaded, request.Version, a.Handler, ct),
            Transferred t => await routing.TransferAsync(loaded, request.Version, (await routing.TargetsAsync(loaded.Record.AgencyId, ct)).FirstOrDefault(x => x.Name == t.ToAgency)?.Id, t.Reason, ct),
            _ => await cases.AppendAsync(loaded, request.Version, e, ct),
        };
        if (CaseService.IsConflict(result))
        {
            // Someone else changed the case first: say so, with the version it is at now.
            var current = await cases.LoadAsync(id, ct);
            return Conflicts.Problem(result.Problem!.MessageZh, result.Problem.Code, current?.Record.Version);
        }

        return result.Problem is { } error
            ? TypedResults.Problem(error.MessageZh, statusCode: StatusCodes.Status422UnprocessableEntity, title: error.Code)
            : TypedResults.Ok(ToDto(loaded.Record));
    }

    private static Dictionary<string, string[]> Validate(object model)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(model, new(model), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.DefaultIfEmpty(string.Empty).Select(m => (m, FormCodes.Localizer[r.ErrorMessage ?? string.Empty].Value)))
            .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
    }

    public static CaseSummaryDto ToDto(Data.Entities.CaseRecord c) =>
        new(c.Id, c.TrackingNumber, c.ApplicantName, c.Channel.ToString(), c.SubmittedOn, c.ReceivedOn, c.State?.ToString(), c.AwaitingConfirmation, c.DueOn, c.Outcome, c.Version);
}
