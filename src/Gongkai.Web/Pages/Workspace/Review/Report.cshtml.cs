using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Results;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Workspace.Review;

/// <summary>A submitted report as the supervisor sees it: checks with the agency's explanations, tables, overrides, text; return with comments, accept, publish.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class ReportModel(CurrentStaff staff, AnnualReportStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    [TempData]
    public string? Message { get; set; }

    public AnnualReportItem? Item { get; private set; }

    public ReportCheckResult? Checks { get; private set; }

    public Problem? Error { get; private set; }

    public ReportActor Actor => store.SupervisorActor();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        StepAsync(w => w.Return(Actor, Comments ?? string.Empty, store.Clock.GetUtcNow()), $"退回：{Comments}", AnnualReportCodes.DoneReturned, ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        StepAsync(w => w.Accept(Actor, store.Clock.GetUtcNow(), Comments), "审核通过" + (string.IsNullOrWhiteSpace(Comments) ? string.Empty : $"：{Comments}"), AnnualReportCodes.DoneAccepted, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        StepAsync(w => w.Publish(Actor, store.Clock.GetUtcNow()), "公开", AnnualReportCodes.DonePublished, ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Item = await store.LoadAsync(Id, ct);
        if (Item is null || !(await staff.SupervisedAgencyIdsAsync(ct)).Contains(Item.Row.AgencyId))
        {
            Item = null;
            return false;
        }

        if (Request.Method == HttpMethods.Get)
        {
            Version = Item.Row.Version;
        }

        var previous = await store.PreviousYearAsync(Item.Row.AgencyId, Item.Row.Year, ct);
        Checks = store.Check(Item.Workflow, previous);
        return true;
    }

    private async Task<IActionResult> StepAsync(Func<ReportWorkflow, Result<ReportWorkflow>> step, string note, string done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if ((await store.SaveAsync(Item!, step(Item!.Workflow), Version, note, ct)).Problem is { } error)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Message = AnnualReportCodes.Messages.Notice(done).MessageZh;
        return RedirectToPage("/Workspace/Review/Report", new { id = Id });
    }
}
