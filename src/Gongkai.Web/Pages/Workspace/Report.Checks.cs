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

/// <summary>The workspace's checks: explanations attached to error findings.</summary>
public sealed partial class ReportModel
{
    [BindProperty]
    public string? FindingKey { get; set; }

    [BindProperty]
    public string? Explanation { get; set; }

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
                return w.Draft.Explain(FindingKey, Explanation ?? string.Empty, staff.DisplayName, now)
                    .Then(explained => w.Edit(Actor, explained, now, $"说明 {FindingKey}", ReportEdit.Explanation));
            },
            $"说明 {FindingKey}",
            Done(AnnualReportCodes.DoneExplained),
            ct);
    }
}
