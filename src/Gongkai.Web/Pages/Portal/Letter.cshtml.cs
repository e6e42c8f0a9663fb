using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// The applicant downloads a letter sent to them (受理回执, 补正告知书, 延期告知书, 收费通知, 答复书), once they
/// gave the tracking number and 查询码 (<see cref="TrackingAccess"/>); letters to third parties are never offered.
/// </summary>
public sealed class LetterModel(GongkaiDbContext db, CaseService cases, TrackingAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? no, int step, CancellationToken ct)
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

        var e = c.Events[step - 1];
        if (!ApplicantLetters.IsAddressedToApplicant(e))
        {
            return NotFound();
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == loaded.Record.AgencyId, ct);
        Response.Headers.CacheControl = "no-store";
        return Render(agency, c, step, e);
    }

    /// <summary>
    /// The letter file: exactly what the office's letter download (Pages/Office/Letter.cshtml.cs) calls, kept in this
    /// one method so it can be re-pointed with the office's when letter generation moves.
    /// </summary>
    private FileContentResult Render(Agency agency, ApplicationCase c, int sequence, ApplicationEvent step)
    {
        // The case as it stood when the letter was written (its deadline then).
        var then = ApplicationCase.Replay(c.Events.Take(sequence), cases.Rules);
        var input = new LetterInput(agency, then, step, cases.Rules);
        return File(LetterGenerator.Generate(input), LetterGenerator.MediaType, LetterGenerator.FileName(input));
    }
}
