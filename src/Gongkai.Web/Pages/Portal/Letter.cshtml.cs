using Gongkai.Render.Letters;
using Gongkai.Web.Casework;
using Gongkai.Web.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// The applicant downloads a letter sent to them (受理回执, 补正告知书, 延期告知书, 收费通知, 答复书 …) as DOCX or PDF,
/// once they gave the tracking number and 查询码 (<see cref="TrackingAccess"/>). Only letters addressed to the
/// applicant (<see cref="LetterKinds.IsToApplicant"/>) are offered; a 征求意见函 or a notice to a third party never is.
/// The file comes from <see cref="CaseLetters"/>, the one entry point the office uses too (same 文号).
/// </summary>
public sealed class LetterModel(CaseService cases, CaseLetters letters, TrackingAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? no, int step, string? kind, string? format, CancellationToken ct)
    {
        var number = no?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number) || number.Length > 32)
        {
            return NotFound();
        }

        var loaded = await cases.FindByTrackingNumberAsync(number, ct);
        if (loaded?.Case is not { } c || !access.IsGranted(HttpContext, loaded.Record.Id) || step < 1 || step > c.Events.Length)
        {
            return NotFound();
        }

        var offered = CaseLetters.For(c, step).Where(l => l.Kind.IsToApplicant()).ToList();
        var chosen = kind is null ? offered.FirstOrDefault() : offered.FirstOrDefault(l => l.Code == kind);
        var fileFormat = LetterFormat.Docx;
        if (chosen is null || (format is not null && !LetterFiles.TryParse(format, out fileFormat)))
        {
            return NotFound();
        }

        var file = await letters.GetAsync(loaded, step, chosen.Kind, fileFormat, ct);
        Response.Headers.CacheControl = "no-store";
        return file is null ? NotFound() : File(file.Content, file.MediaType, file.FileName);
    }
}
