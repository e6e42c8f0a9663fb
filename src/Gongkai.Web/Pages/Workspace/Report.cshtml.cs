using System.Collections.Immutable;
using System.Globalization;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Workspace;

/// <summary>
/// The workspace of the desk's agency for one year: the tables (compiled, imported or typed; read-only
/// unless overridden with a reason), the written sections with their guidance and the figures offered
/// from the tables, the checks with explanations of errors, submission, publication and corrections.
/// </summary>
[Authorize(Policy = Policies.Desk)]
[RequestSizeLimit(GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024))]
public sealed class ReportModel(CurrentStaff staff, AnnualReportStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Section1 { get; set; }

    [BindProperty]
    public string? Section5 { get; set; }

    [BindProperty]
    public string? Section6 { get; set; }

    [BindProperty]
    public int? ProactiveItems { get; set; }

    [BindProperty]
    public decimal? InformationFees { get; set; }

    [BindProperty]
    public string? CellKey { get; set; }

    [BindProperty]
    public decimal? CellValue { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? FindingKey { get; set; }

    [BindProperty]
    public string? Explanation { get; set; }

    [BindProperty]
    public string? CorrectionNote { get; set; }

    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Agency? Agency { get; private set; }

    public AnnualReportItem? Item { get; private set; }

    public ReportWorkflow? Workflow => Item?.Workflow;

    public ReportCheckResult? Checks { get; private set; }

    public ImmutableArray<OfferedFigure> Offered { get; private set; } = [];

    public bool HasPreviousYear { get; private set; }

    public AnnualReportError? Error { get; private set; }

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

    /// <summary>Imports last year's published report (from its file) for the cross-year checks, when the system has none.</summary>
    public async Task<IActionResult> OnPostImportPreviousAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (HasPreviousYear)
        {
            return Fail(new AnnualReportError("WEB.previous-exists", "系统中已有上一年度报告", "last year's report exists"));
        }

        if (ReportFile is null || ReportFile.Length == 0)
        {
            return Fail(new AnnualReportError("WEB.file-required", "请选择报告文件", "choose a file"));
        }

        await using var stream = ReportFile.OpenReadStream();
        var report = ReportUploads.Import(stream, Path.GetFileName(ReportFile.FileName), cancellationToken: ct);
        if (ReportUploads.Unreadable(report) is { } reason)
        {
            return Fail(new AnnualReportError("WEB.file-unreadable", $"无法读取该文件：{reason}", "unreadable file"));
        }

        await store.ImportPublishedAsync(Agency!, Year - 1, report, ReportFile.FileName, ct);
        Message = $"已导入{Year - 1}年度已发布的报告，用于跨年度核对。";
        return Redirect();
    }

    /// <summary>Starts the year with empty tables to type in (every cell 0).</summary>
    public async Task<IActionResult> OnPostStartTypedAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Item is not null)
        {
            return Redirect();
        }

        var tables = Report.Empty(FormatCatalogue.Default.FormatForYear(Year).Id);
        foreach (var layout in tables.TableLayouts())
        {
            foreach (var cell in layout.Cells())
            {
                tables = tables.WithCell(cell, Cell.Of(0));
            }
        }

        await store.CreateAsync(Agency!, Year, ReportDraft.Start(Agency!.Name, AnnualReportStore.KindOf(Agency), Year, tables, TablesOrigin.Typed), "新建（手工填写表格）", ct);
        Message = "已新建年度报告草稿，请填写表格和正文。";
        return Redirect();
    }

    /// <summary>Starts the year from the agency's casework, or recompiles the tables of a draft (overrides stay).</summary>
    public async Task<IActionResult> OnPostCompileAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (TablesSource is not { } source || await source.CompileAsync(Agency!.Id, Agency.Name, Year, ct) is not { } compiled)
        {
            return Fail(new AnnualReportError("WEB.no-casework", "本机关本年度在系统中没有办件记录，无法生成表格", "no casework to compile"));
        }

        if (Item is null)
        {
            var draft = ReportDraft.Start(Agency.Name, AnnualReportStore.KindOf(Agency), Year, compiled.Compiled.Report, TablesOrigin.Compiled).WithFigures(compiled.Figures);
            await store.CreateAsync(Agency, Year, draft, "新建（办件统计生成表格）", ct);
            Message = "已根据办件记录生成表格。";
            return Redirect();
        }

        return await StepAsync(
            w => w.Edit(Actor, w.Draft.WithTables(compiled.Compiled.Report, TablesOrigin.Compiled).WithFigures(compiled.Figures with { ProactiveItemsPublished = compiled.Figures.ProactiveItemsPublished ?? w.Draft.Figures.ProactiveItemsPublished }), store.Clock.GetUtcNow(), "重新统计表格"),
            "compile",
            "重新统计表格",
            "已根据办件记录重新统计表格，原有修改保留。",
            ct);
    }

    /// <summary>Starts the year from a published report file (a body without casework), or replaces the tables of a draft from one.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ReportFile is null || ReportFile.Length == 0)
        {
            return Fail(new AnnualReportError("WEB.file-required", "请选择报告文件", "choose a file"));
        }

        await using var stream = ReportFile.OpenReadStream();
        var report = ReportUploads.Import(stream, Path.GetFileName(ReportFile.FileName), cancellationToken: ct);
        if (ReportUploads.Unreadable(report) is { } reason)
        {
            return Fail(new AnnualReportError("WEB.file-unreadable", $"无法读取该文件：{reason}", "unreadable file"));
        }

        var created = Item is null;
        if (await store.ImportAsync(Agency!, Year, report, ReportFile.FileName, created ? null : Version, ct) is { } error)
        {
            return Fail(error);
        }

        Message = created ? $"已从 {ReportFile.FileName} 导入表格和正文。" : "已导入表格。";
        return Redirect();
    }

    /// <summary>Saves the written sections and the supplementary figures.</summary>
    public async Task<IActionResult> OnPostNarrativeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(
            w =>
            {
                var draft = w.Draft.WithFigures(new SupplementaryFigures(ProactiveItems, InformationFees));
                foreach (var (number, text) in new[] { (1, Section1), (5, Section5), (6, Section6) })
                {
                    var next = draft.WithNarrative(number, text ?? string.Empty);
                    if (next.Error is { } e)
                    {
                        return e;
                    }

                    draft = next.Value!;
                }

                return w.Edit(Actor, draft, store.Clock.GetUtcNow(), "修改正文");
            },
            "narrative",
            "修改正文",
            "正文已保存。",
            ct);
    }

    /// <summary>Sets a table figure: an override with a reason, or for typed tables the figure itself.</summary>
    public async Task<IActionResult> OnPostCellAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        if (ParseCell(CellKey) is not { } cell || CellValue is not { } value)
        {
            return Fail(new AnnualReportError("WEB.cell-required", "请选择单元格并填写数值", "choose a cell and a value"));
        }

        var now = store.Clock.GetUtcNow();
        var label = CellLabel(Item.Workflow.Draft.Tables, cell);
        return await StepAsync(
            w =>
            {
                if (w.Draft.Origin == TablesOrigin.Typed && string.IsNullOrWhiteSpace(Reason))
                {
                    return w.Edit(Actor, w.Draft.WithTables(w.Draft.Tables.WithCell(cell, Cell.Of(value)), TablesOrigin.Typed), now, $"填写 {label}");
                }

                var changed = w.Draft.Override(cell, value, Reason ?? string.Empty, staff.DisplayName, now);
                return changed.Error is { } e ? e : w.Edit(Actor, changed.Value!, now, $"修改 {label}：{Reason}");
            },
            "cell",
            $"修改 {label} = {value.ToString(CultureInfo.InvariantCulture)}",
            $"已修改 {label}。",
            ct);
    }

    public async Task<IActionResult> OnPostRemoveOverrideAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null || ParseCell(CellKey) is not { } cell)
        {
            return NotFound();
        }

        var label = CellLabel(Item.Workflow.Draft.Tables, cell);
        return await StepAsync(w => w.Edit(Actor, w.Draft.RemoveOverride(cell), store.Clock.GetUtcNow(), $"撤销修改 {label}"), "cell", $"撤销修改 {label}", $"已恢复 {label} 的原值。", ct);
    }

    /// <summary>Attaches an explanation to an error finding.</summary>
    public async Task<IActionResult> OnPostExplainAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null || string.IsNullOrEmpty(FindingKey))
        {
            return NotFound();
        }

        var now = store.Clock.GetUtcNow();
        return await StepAsync(
            w =>
            {
                var explained = w.Draft.Explain(FindingKey, Explanation ?? string.Empty, staff.DisplayName, now);
                return explained.Error is { } e ? e : w.Edit(Actor, explained.Value!, now, $"说明 {FindingKey}");
            },
            "explain",
            $"说明 {FindingKey}",
            "说明已保存，报送后监督人员可见。",
            ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        var previous = await store.PreviousYearAsync(Agency!.Id, Year, ct);
        return await StepAsync(w => w.Submit(Actor, previous, store.Clock, store.CheckOptions), "submit", "报送", "已报送，等待审核。", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(w => w.Publish(Actor, store.Clock.GetUtcNow()), "publish", "公开", "报告已公开。", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(w => w.StartCorrection(Actor, CorrectionNote ?? string.Empty, store.Clock.GetUtcNow()), "correct", $"开始更正：{CorrectionNote}", "已新建更正版本，原公开版本保留。", ct);
    }

    /// <summary>Every cell of the draft's layouts: key, label, the figure the report states.</summary>
    public IEnumerable<(string Key, string Label, decimal? Value)> CellOptions()
    {
        if (Workflow is not { } w)
        {
            yield break;
        }

        var tables = w.Draft.EffectiveTables();
        foreach (var layout in tables.TableLayouts())
        {
            foreach (var cell in layout.Cells())
            {
                yield return (KeyOf(cell), CellLabel(tables, cell), tables[cell].Value);
            }
        }
    }

    public static string KeyOf(CellRef cell) => $"{cell.Table}:{cell.Row}:{cell.Column.ToString(CultureInfo.InvariantCulture)}";

    public static CellRef? ParseCell(string? key)
    {
        var parts = (key ?? string.Empty).Split(':');
        return parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var column)
            ? new CellRef(parts[0], parts[1], column)
            : null;
    }

    /// <summary>A cell in words: 表三“本年新收”“总计”列.</summary>
    public static string CellLabel(Report tables, CellRef cell)
    {
        if (!tables.Layouts.ContainsKey(cell.Table) || tables.LayoutOf(cell.Table) is not { } layout || layout.Row(cell.Row) is not { } row || cell.Column >= row.Columns.Length)
        {
            return cell.ToString();
        }

        return RuleEngine.CellName(layout, row, cell.Column);
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

    private async Task<IActionResult> StepAsync(Func<ReportWorkflow, AnnualReportResult<ReportWorkflow>> step, string action, string note, string done, CancellationToken ct)
    {
        var error = await store.SaveAsync(Item!, step(Item!.Workflow), Version, action, note, ct);
        if (error is not null)
        {
            return Fail(error);
        }

        Message = done;
        return Redirect();
    }

    private PageResult Fail(AnnualReportError error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private RedirectToPageResult Redirect() => RedirectToPage("/Workspace/Report", new { year = Year });
}
