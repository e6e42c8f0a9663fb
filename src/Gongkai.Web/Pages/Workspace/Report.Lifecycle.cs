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
        return await StepAsync(w => w.Submit(Actor, previous, store.Clock, store.CheckOptions), "报送", Done(AnnualReportCodes.DoneSubmitted), ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(w => w.Publish(Actor, store.Clock.GetUtcNow()), "公开", Done(AnnualReportCodes.DonePublished), ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Item is null)
        {
            return NotFound();
        }

        return await StepAsync(w => w.StartCorrection(Actor, CorrectionNote ?? string.Empty, store.Clock.GetUtcNow()), $"开始更正：{CorrectionNote}", Done(AnnualReportCodes.DoneCorrectionStarted), ct);
    }
}
