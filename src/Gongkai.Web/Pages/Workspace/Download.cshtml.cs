using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using Gongkai.Render;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Workspace;

/// <summary>
/// Downloads a report as HTML, DOCX, PDF, CSV or JSON (<see cref="ReportRenderers"/>): the current
/// draft, or a published version (<c>revision</c>). A corrected version carries its revision note
/// at the end of section 六.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public sealed class DownloadModel(CurrentStaff staff, AnnualReportStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int agencyId, int year, string format, int? revision, CancellationToken ct)
    {
        if (!await staff.MaySeeAgencyAsync(agencyId, ct))
        {
            return NotFound();
        }

        if (!ReportRenderers.TryGet(format ?? string.Empty, out var renderer))
        {
            return BadRequest();
        }

        var item = await store.LoadAsync(agencyId, year, ct);
        if (item is null)
        {
            return NotFound();
        }

        var w = item.Workflow;
        Report report;
        string suffix;
        if (revision is { } r)
        {
            if (w.Versions.FirstOrDefault(v => v.Revision == r) is not { } version)
            {
                return NotFound();
            }

            report = version.ToReport();
            suffix = r > 1 ? $"（第{r}版）" : string.Empty;
        }
        else
        {
            report = w.Draft.ToReport();
            suffix = w.State == ReportState.Published ? string.Empty : "（" + ReportWorkflow.Label(w.State) + "）";
        }

        using var buffer = new MemoryStream();
        renderer.Render(report, buffer);
        var name = $"{w.Draft.Agency}{year}年政府信息公开工作年度报告{suffix}{renderer.FileExtension}";
        return File(buffer.ToArray(), renderer.MediaType, name);
    }

}
