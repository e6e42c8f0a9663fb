using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Render;
using Gongkai.Web.AnnualReports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// A published report on the portal, inside the portal's layout: the latest published version (while
/// a correction is prepared, the version still public) with its 发布日期, 索引号, whether it was
/// published late (逾期), its written sections and tables, and downloads (PDF, DOCX, JSON, CSV).
/// </summary>
public sealed class ReportModel(GongkaiDbContext db, AnnualReportStore store) : PageModel
{
    /// <summary>The formats offered for download, in the order shown.</summary>
    public static IReadOnlyList<string> DownloadFormats { get; } = ["pdf", "docx", "json", "csv"];

    public long Id { get; private set; }

    public Agency Agency { get; private set; } = null!;

    public PublishedVersion Published { get; private set; } = null!;

    public Gongkai.Domain.Reports.Report Report { get; private set; } = null!;

    public bool Late { get; private set; }

    /// <summary>The 索引号 of the published version: the agency's 统一社会信用代码, the report year and NB with the revision.</summary>
    public string IndexNumber => AnnualReportStore.IndexNumber(Agency, Published.Draft.Year, Published.Revision);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The published version in one of <see cref="DownloadFormats"/> (or HTML).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ReportRenderers.TryGet(format ?? string.Empty, out var renderer))
        {
            return NotFound();
        }

        using var buffer = new MemoryStream();
        renderer.Render(Report, buffer);
        var suffix = Published.Revision > 1 ? $"（第{Published.Revision}版）" : string.Empty;
        return File(buffer.ToArray(), renderer.MediaType, $"{Agency.Name}{Published.Draft.Year}年政府信息公开工作年度报告{suffix}{renderer.FileExtension}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var row = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == id && r.Status == ReportState.Published, ct);
        if (row?.Agency is not { } agency || AnnualReportStore.ToWorkflow(row) is not { Current: { } published } workflow)
        {
            return false;
        }

        Id = id;
        Agency = agency;
        Published = published;
        Report = published.ToReport();
        Late = store.PublishedLate(workflow) == true;
        return true;
    }
}
