using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Office;

/// <summary>Record administrative reconsiderations and lawsuits (Table 4) and their results.</summary>
public sealed class ReviewsModel(GongkaiDbContext db, CaseService cases, CurrentStaff staff, AuditTrail audit) : PageModel
{
    public List<ReviewRecord> Rows { get; private set; } = [];

    public Dictionary<Guid, string> TrackingNumbers { get; private set; } = [];

    public Dictionary<string, string> FieldErrors { get; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? CaseId { get; set; }

    public DateOnly Today => cases.Today;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(ReviewRoute route, DateOnly? filedOn, string? body, string? caseNumber, CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        if (filedOn is null || filedOn > cases.Today)
        {
            FieldErrors["filedOn"] = FormCodes.Zh(FormCodes.ReviewFiledOnRequired);
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > 200)
        {
            FieldErrors["body"] = FormCodes.Zh(FormCodes.ReviewBodyRequired);
        }

        if (caseNumber?.Length > 100)
        {
            FieldErrors["caseNumber"] = FormCodes.Zh(FormCodes.ReviewCaseNumberLength);
        }

        if (CaseId is { } id && !await db.Cases.AnyAsync(c => c.Id == id && c.AgencyId == agency, ct))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(route))
        {
            FieldErrors["route"] = FormCodes.Zh(FormCodes.ReviewRouteRequired);
        }

        if (FieldErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        var review = new ReviewRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency,
            CaseId = CaseId,
            Route = route,
            FiledOn = filedOn!.Value,
            Body = body!.Trim(),
            CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim(),
        };
        db.Reviews.Add(review);
        audit.Record(AuditCodes.ReviewAdd, AuditEntities.Review, review.Id, agency, $"{CaseworkText.Of(route)} {review.CaseNumber}");
        await db.SaveChangesAsync(ct);
        TempData.Notify(CaseworkCodes.Messages.Notice(CaseworkCodes.DoneReviewRecorded));
        return Redirect("/Office/Reviews");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid reviewId, int version, ReviewOutcome outcome, DateOnly? decidedOn, CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.AgencyId == agency, ct);
        if (review is null)
        {
            return NotFound();
        }

        if (decidedOn is null || decidedOn > cases.Today || decidedOn < review.FiledOn)
        {
            FieldErrors[$"decidedOn-{reviewId}"] = FormCodes.Zh(FormCodes.ReviewDecidedOnRange);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        review.Outcome = outcome;
        review.DecidedOn = decidedOn;
        review.Version++;
        audit.Record(AuditCodes.ReviewDecide, AuditEntities.Review, review.Id, agency, CaseworkText.Of(outcome));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException x) when (x.IsLostRace())
        {
            TempData.Notify(CaseworkCodes.Problem(CaseworkCodes.ReviewConflict));
        }

        return Redirect("/Office/Reviews");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        Rows = await db.Reviews.AsNoTracking().Where(r => r.AgencyId == agency).OrderByDescending(r => r.FiledOn).Take(200).ToListAsync(ct);
        var ids = Rows.Where(r => r.CaseId != null).Select(r => r.CaseId!.Value).ToList();
        TrackingNumbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TrackingNumber, ct);
    }

    public string Err(string key) => FieldErrors.TryGetValue(key, out var m) ? m : string.Empty;
}
