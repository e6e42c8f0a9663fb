using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>A 规章 or 行政规范性文件 of the register.</summary>
public sealed record DocumentDto(Guid Id, RegulatoryDocumentKind Kind, string Title, string? DocumentNumber, DateOnly IssuedOn, DateOnly? RepealedOn);

/// <summary>One month's Table 2 counts.</summary>
public sealed record MonthlyCountDto(int Year, int Month, int Licensing, int Penalty, int Coercion, decimal FeesTenThousandYuan);

/// <summary>/api/registers: the Table 2 registers of the user's agency.</summary>
public static class RegisterApi
{
    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registers").WithTags("Registers").RequireAuthorization(Policies.Desk);
        api.MapGet("/documents", ListDocumentsAsync);
        api.MapPost("/documents", AddDocumentAsync);
        api.MapGet("/monthly/{year:int}", ListMonthlyAsync);
        api.MapPut("/monthly", PutMonthlyAsync).WithSummary("Sets one month's counts (creates or replaces).");
        return app;
    }

    public static async Task<Ok<List<DocumentDto>>> ListDocumentsAsync(GongkaiDbContext db, CurrentStaff staff, CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        var rows = await db.RegulatoryDocuments.AsNoTracking().Where(d => d.AgencyId == agency).OrderBy(d => d.IssuedOn).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => new DocumentDto(d.Id, d.Kind, d.Title, d.DocumentNumber, d.IssuedOn, d.RepealedOn)).ToList());
    }

    public static async Task<Results<Created<DocumentDto>, ValidationProblem>> AddDocumentAsync(DocumentDto dto, GongkaiDbContext db, CurrentStaff staff, AuditTrail audit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(dto.Title) || dto.Title.Length > 300)
        {
            errors["title"] = ["请填写文件标题（不超过300字）"];
        }

        if (dto.RepealedOn is { } r && r < dto.IssuedOn)
        {
            errors["repealedOn"] = ["废止日期早于制发日期"];
        }

        if (!Enum.IsDefined(dto.Kind))
        {
            errors["kind"] = ["文件类型无效"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = new RegulatoryDocumentRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = staff.DeskAgencyId,
            Kind = dto.Kind,
            Title = dto.Title.Trim(),
            DocumentNumber = dto.DocumentNumber,
            IssuedOn = dto.IssuedOn,
            RepealedOn = dto.RepealedOn,
        };
        db.RegulatoryDocuments.Add(row);
        audit.Record(AuditCodes.RegisterDocument, AuditEntities.Document, row.Id, row.AgencyId, row.Title);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/registers/documents/{row.Id}", dto with { Id = row.Id });
    }

    public static async Task<Ok<List<MonthlyCountDto>>> ListMonthlyAsync(int year, GongkaiDbContext db, CurrentStaff staff, CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        var rows = await db.MonthlyCounts.AsNoTracking().Where(m => m.AgencyId == agency && m.Year == year).OrderBy(m => m.Month).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(m => new MonthlyCountDto(m.Year, m.Month, m.Licensing, m.Penalty, m.Coercion, m.FeesTenThousandYuan)).ToList());
    }

    public static async Task<Results<Ok<MonthlyCountDto>, ValidationProblem>> PutMonthlyAsync(MonthlyCountDto dto, GongkaiDbContext db, CurrentStaff staff, AuditTrail audit, CancellationToken ct)
    {
        if (dto.Month is < 1 or > 12 || dto.Year is < 2008 or > 2100 || dto.Licensing < 0 || dto.Penalty < 0 || dto.Coercion < 0 || dto.FeesTenThousandYuan < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["年份、月份或数量无效（数量不能为负数）"] });
        }

        var agency = staff.DeskAgencyId;
        var row = await db.MonthlyCounts.SingleOrDefaultAsync(m => m.AgencyId == agency && m.Year == dto.Year && m.Month == dto.Month, ct);
        if (row is null)
        {
            row = new MonthlyCountRecord { AgencyId = agency, Year = dto.Year, Month = dto.Month };
            db.MonthlyCounts.Add(row);
        }

        row.Licensing = dto.Licensing;
        row.Penalty = dto.Penalty;
        row.Coercion = dto.Coercion;
        row.FeesTenThousandYuan = dto.FeesTenThousandYuan;
        audit.Record(AuditCodes.RegisterMonthly, AuditEntities.Monthly, $"{dto.Year}-{dto.Month}", agency, null);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(dto);
    }
}
