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

/// <summary>The workspace's lifecycle steps: submit, publish, start a correction.</summary>
public sealed partial class ReportModel
{
    [BindProperty]
    public string? CorrectionNote { get; set; }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        var previous = await store.PreviousYearAsync(Agency!.Id, Year, ct);
        return await StepAsync(w => w.Submit(Actor, previous, store.Clock, store.CheckOptions), AuditCodes.ReportSubmit, "报送", "已报送，等待审核。", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(w => w.Publish(Actor, store.Clock.GetUtcNow()), AuditCodes.ReportPublish, "公开", "报告已公开。", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(w => w.StartCorrection(Actor, CorrectionNote ?? string.Empty, store.Clock.GetUtcNow()), AuditCodes.ReportCorrect, $"开始更正：{CorrectionNote}", "已新建更正版本，原公开版本保留。", ct);
    }
}
