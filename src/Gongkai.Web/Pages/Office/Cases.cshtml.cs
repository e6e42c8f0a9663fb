using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Office;

/// <summary>Search the agency's applications by tracking number, applicant or description; filter by state and year.</summary>
public sealed class CasesModel(GongkaiDbContext db, CurrentStaff staff) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<CaseRecord> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        var query = db.Cases.AsNoTracking().Where(c => c.AgencyId == agency);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(c => c.TrackingNumber == q || c.ApplicantName.Contains(q) || c.Description.Contains(q));
        }

        if (State == "pending")
        {
            query = query.Where(c => c.AwaitingConfirmation);
        }
        else if (Enum.TryParse<ApplicationState>(State, out var s))
        {
            query = query.Where(c => c.State == s);
        }

        if (Year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        PageNumber = Math.Max(1, PageNumber);
        var rows = await query.OrderByDescending(c => c.SubmittedOn).ThenByDescending(c => c.CreatedAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
