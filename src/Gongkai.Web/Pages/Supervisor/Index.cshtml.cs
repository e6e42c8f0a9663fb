using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Supervisor;

/// <summary>
/// Supervision over the agency tree: overdue open cases, and where each agency's report for the year
/// stands (<see cref="ReportStanding"/>), with the findings of the same checks as the review pages
/// (<see cref="ReportChecks"/> through the workflow).
/// </summary>
public sealed class IndexModel(GongkaiDbContext db, CurrentStaff staff, CaseService cases, AnnualReportStore reports) : PageModel
{
    public sealed record Row(Agency Agency, int Open, int Overdue, AnnualReportItem? Report, ReportStanding Standing, int Errors, int Warnings);

    private static readonly ApplicationState[] s_open = [ApplicationState.Open, ApplicationState.AwaitingSupplement, ApplicationState.Consulting, ApplicationState.AwaitingFee];

    public int Year { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2008 and <= 2100 ? year.Value : cases.Today.Year - 1;
        var ids = await staff.SupervisedAgencyIdsAsync(ct);
        var today = cases.Today;
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var open = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.AgencyId) && c.State != null && s_open.Contains(c.State.Value))
            .GroupBy(c => c.AgencyId).Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(c => c.State == ApplicationState.Open && c.DueOn < today) })
            .ToListAsync(ct);
        var items = await reports.ListAsync(ids, Year, ct);
        foreach (var a in agencies)
        {
            var o = open.FirstOrDefault(x => x.Key == a.Id);
            var item = items.FirstOrDefault(r => r.Row.AgencyId == a.Id);
            var checks = item is null ? null : reports.Check(item.Workflow, await reports.PreviousYearAsync(a.Id, Year, ct));
            Rows.Add(new Row(a, o?.Open ?? 0, o?.Overdue ?? 0, item, reports.Standing(a, Year, item?.Workflow),
                checks?.Errors.Count() ?? 0, checks?.Warnings.Count() ?? 0));
        }
    }
}
