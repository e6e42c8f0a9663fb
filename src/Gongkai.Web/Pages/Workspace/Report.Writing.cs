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

/// <summary>The workspace's written sections and supplementary figures.</summary>
public sealed partial class ReportModel
{
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
                    if (next.Problem is { } e)
                    {
                        return e;
                    }

                    draft = next.Value;
                }

                return w.Edit(Actor, draft, store.Clock.GetUtcNow(), "修改正文", ReportEdit.Narrative);
            },
            "修改正文",
            Done(AnnualReportCodes.DoneNarrativeSaved),
            ct);
    }
}
