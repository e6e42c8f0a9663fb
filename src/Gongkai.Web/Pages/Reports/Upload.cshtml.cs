using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Gongkai.Data.Entities;
using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using Gongkai.Import;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Reports;

/// <summary>Upload a report file → canonical JSON + the rule engine's findings; optionally keep it as the agency's draft.</summary>
[RequestSizeLimit(GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024))]
public sealed class UploadModel(GongkaiDbContext db, CurrentStaff staff, AnnualReportStore reports, ILogger<UploadModel> logger) : PageModel
{
    [BindProperty]
    [Display(Name = "报告文件")]
    public IFormFile? ReportFile { get; set; }

    [BindProperty]
    public int? SaveForAgencyId { get; set; }

    public Report? Result { get; private set; }

    public string? Json { get; private set; }

    public string? SavedMessage { get; private set; }

    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAgenciesAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync();
        if (ReportFile is null || ReportFile.Length == 0)
        {
            ModelState.AddModelError(nameof(ReportFile), FormCodes.Zh(FormCodes.ReportFileRequired));
            return Page();
        }

        if (ReportFile.Length > GongkaiWebExtensions.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(ReportFile), ImportLimits.Refusal(ImportLimit.FileBytes, ReportFile.FileName).Message + "。");
            return Page();
        }

        await using var stream = ReportFile.OpenReadStream();
        var report = ReportUploads.Import(stream, Path.GetFileName(ReportFile.FileName), logger, ct);
        if (ReportUploads.Unreadable(report) is { } reason)
        {
            ModelState.AddModelError(nameof(ReportFile), FormCodes.Zh(FormCodes.FileUnreadable, reason));
            return Page();
        }

        Result = report;
        Json = ReportJson.Serialize(report);
        if (SaveForAgencyId is { } agencyId)
        {
            if (Agencies.FirstOrDefault(a => a.Id == agencyId) is not { } agency)
            {
                return Forbid();
            }

            if (report.Year is not { } year)
            {
                ModelState.AddModelError(nameof(SaveForAgencyId), FormCodes.Zh(FormCodes.ReportYearUnknown));
                return Page();
            }

            if ((await reports.ImportAsync(agency, year, report, Path.GetFileName(ReportFile.FileName), null, ct)).Problem is { } error)
            {
                ModelState.AddModelError(nameof(SaveForAgencyId), FormCodes.Zh(FormCodes.NotSaved, error.MessageZh));
                return Page();
            }

            SavedMessage = AnnualReportCodes.Messages.Notice(AnnualReportCodes.DoneUploadSaved, year.ToString(CultureInfo.InvariantCulture)).MessageZh;
        }

        return Page();
    }

    private async Task LoadAgenciesAsync()
    {
        IReadOnlyList<int> ids = staff.IsDesk && staff.AgencyId is { } own ? [own] : await staff.SupervisedAgencyIdsAsync();
        Agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync();
    }
}
