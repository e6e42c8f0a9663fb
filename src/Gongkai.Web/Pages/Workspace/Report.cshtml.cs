using System.Collections.Immutable;
using System.Globalization;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Workspace;

/// <summary>
/// The workspace of the desk's agency for one year (one page, its handlers split by stage:
/// <c>Report.Tables.cs</c>, <c>Report.Writing.cs</c>, <c>Report.Checks.cs</c>, <c>Report.Lifecycle.cs</c>): the tables (compiled, imported or typed; read-only
/// unless overridden with a reason), the written sections with their guidance and the figures offered
/// from the tables, the checks with explanations of errors, submission, publication and corrections.
/// </summary>
[Authorize(Policy = Policies.Desk)]
[RequestSizeLimit(GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024))]
public sealed partial class ReportModel(CurrentStaff staff, AnnualReportStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Agency? Agency { get; private set; }

    public AnnualReportItem? Item { get; private set; }

    public ReportWorkflow? Workflow => Item?.Workflow;

    public ReportCheckResult? Checks { get; private set; }

    public ImmutableArray<OfferedFigure> Offered { get; private set; } = [];

    public bool HasPreviousYear { get; private set; }

    public Problem? Error { get; private set; }

    /// <summary>The cell whose cases are shown (<c>?cell=table3:granted:6</c>), and the cases behind its compiled number.</summary>
    [BindProperty(SupportsGet = true, Name = "cell")]
    public string? SourcesCell { get; set; }

    public IReadOnlyList<Guid>? CasesBehind { get; private set; }

    public ReportActor Actor => store.DeskActor();

    /// <summary>Whether the report was first published after the Art. 49 deadline (null before publication).</summary>
    public bool? PublishedLate => Workflow?.PublishedLate(store.CheckOptions.Deadlines);

    /// <summary>The casework compiler, when one is registered.</summary>
    public IAnnualTablesSource? TablesSource => HttpContext.RequestServices.GetService<IAnnualTablesSource>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ParseCell(SourcesCell) is { } cell && Item?.Workflow.Draft.Origin == TablesOrigin.Compiled
            && TablesSource is { } source && await source.CompileAsync(Agency!.Id, Agency.Name, Year, ct) is { } compiled)
        {
            CasesBehind = compiled.Compiled.CasesBehind(cell);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Year is < 2019 or > 2100)
        {
            Year = store.DefaultYear;
        }

        Agency = await store.AgencyAsync(staff.DeskAgencyId, ct);
        if (Agency is null)
        {
            return false;
        }

        Item = await store.LoadAsync(Agency.Id, Year, ct);
        if (Item is not null)
        {
            var previous = await store.PreviousYearAsync(Agency.Id, Year, ct);
            HasPreviousYear = previous is not null;
            Checks = store.Check(Item.Workflow, previous);
            Offered = OfferedFigures.For(Item.Workflow.Draft);
            var d = Item.Workflow.Draft;
            if (Request.Method == HttpMethods.Get)
            {
                Version = Item.Row.Version;
                (ProactiveItems, InformationFees) = (d.Figures.ProactiveItemsPublished, d.Figures.InformationFeesYuan);
            }

            Section1 ??= d.TextOf(1);
            Section5 ??= d.TextOf(5);
            Section6 ??= d.TextOf(6);
        }

        return true;
    }

    private async Task<IActionResult> StepAsync(Func<ReportWorkflow, Result<ReportWorkflow>> step, string note, Notice done, CancellationToken ct)
    {
        if ((await store.SaveAsync(Item!, step(Item!.Workflow), Version, note, ct)).Problem is { } error)
        {
            return Fail(error);
        }

        Message = done.MessageZh;
        return Redirect();
    }

    /// <summary>The annual-report notice <paramref name="code"/> (what the page says once the step is saved).</summary>
    private static Notice Done(string code, params string[] args) => AnnualReportCodes.Messages.Notice(code, args);

    private PageResult Fail(Problem error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private RedirectToPageResult Redirect() => RedirectToPage("/Workspace/Report", new { year = Year });
}
