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

/// <summary>The workspace's tables: start typed, compile from casework, import a published file (this year's or last year's), set or restore a figure.</summary>
public sealed partial class ReportModel
{
    [BindProperty]
    public string? CellKey { get; set; }

    [BindProperty]
    public decimal? CellValue { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    /// <summary>Imports last year's published report (from its file) for the cross-year checks, when the system has none.</summary>
    public async Task<IActionResult> OnPostImportPreviousAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (HasPreviousYear)
        {
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.PreviousExists));
        }

        if (ReportFile is null || ReportFile.Length == 0)
        {
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.FileRequired));
        }

        await using var stream = ReportFile.OpenReadStream();
        var report = ReportUploads.Import(stream, Path.GetFileName(ReportFile.FileName), cancellationToken: ct);
        if (ReportUploads.Unreadable(report) is { } reason)
        {
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.FileUnreadable, reason));
        }

        await store.ImportPublishedAsync(Agency!, Year - 1, report, ReportFile.FileName, ct);
        Message = Done(AnnualReportCodes.DonePreviousImported, (Year - 1).ToString(CultureInfo.InvariantCulture)).MessageZh;
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
        Message = Done(AnnualReportCodes.DoneDraftStarted).MessageZh;
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
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.NoCasework));
        }

        if (Item is null)
        {
            var draft = ReportDraft.Start(Agency.Name, AnnualReportStore.KindOf(Agency), Year, compiled.Compiled.Report, TablesOrigin.Compiled).WithFigures(compiled.Figures);
            await store.CreateAsync(Agency, Year, draft, "新建（办件统计生成表格）", ct);
            Message = Done(AnnualReportCodes.DoneCompiled).MessageZh;
            return Redirect();
        }

        return await StepAsync(
            w => w.Edit(Actor, w.Draft.WithTables(compiled.Compiled.Report, TablesOrigin.Compiled).WithFigures(compiled.Figures with { ProactiveItemsPublished = compiled.Figures.ProactiveItemsPublished ?? w.Draft.Figures.ProactiveItemsPublished }), store.Clock.GetUtcNow(), "重新统计表格", ReportEdit.Compile),
            "重新统计表格",
            Done(AnnualReportCodes.DoneRecompiled),
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
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.FileRequired));
        }

        await using var stream = ReportFile.OpenReadStream();
        var report = ReportUploads.Import(stream, Path.GetFileName(ReportFile.FileName), cancellationToken: ct);
        if (ReportUploads.Unreadable(report) is { } reason)
        {
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.FileUnreadable, reason));
        }

        var created = Item is null;
        if ((await store.ImportAsync(Agency!, Year, report, ReportFile.FileName, created ? null : Version, ct)).Problem is { } error)
        {
            return Fail(error);
        }

        Message = (created ? Done(AnnualReportCodes.DoneFileImported, ReportFile.FileName) : Done(AnnualReportCodes.DoneTablesImported)).MessageZh;
        return Redirect();
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
            return Fail(AnnualReportCodes.Problem(AnnualReportCodes.CellRequired));
        }

        var now = store.Clock.GetUtcNow();
        var label = CellLabel(Item.Workflow.Draft.Tables, cell);
        return await StepAsync(
            w =>
            {
                if (w.Draft.Origin == TablesOrigin.Typed && string.IsNullOrWhiteSpace(Reason))
                {
                    return w.Edit(Actor, w.Draft.WithTables(w.Draft.Tables.WithCell(cell, Cell.Of(value)), TablesOrigin.Typed), now, $"填写 {label}", ReportEdit.Cell);
                }

                return w.Draft.Override(cell, value, Reason ?? string.Empty, staff.DisplayName, now)
                    .Then(changed => w.Edit(Actor, changed, now, $"修改 {label}：{Reason}", ReportEdit.Cell));
            },
            $"修改 {label} = {value.ToString(CultureInfo.InvariantCulture)}",
            Done(AnnualReportCodes.DoneCellChanged, label),
            ct);
    }

    public async Task<IActionResult> OnPostRemoveOverrideAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null || ParseCell(CellKey) is not { } cell)
        {
            return NotFound();
        }

        var label = CellLabel(Item.Workflow.Draft.Tables, cell);
        return await StepAsync(w => w.Edit(Actor, w.Draft.RemoveOverride(cell), store.Clock.GetUtcNow(), $"撤销修改 {label}", ReportEdit.Cell), $"撤销修改 {label}", Done(AnnualReportCodes.DoneCellRestored, label), ct);
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
}
