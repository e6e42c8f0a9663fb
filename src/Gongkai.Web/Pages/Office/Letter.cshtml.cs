using Gongkai.Data;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Office;

/// <summary>Downloads the letter of step <c>sequence</c> of a case as DOCX.</summary>
public sealed class LetterModel(GongkaiDbContext db, CaseService cases, CurrentStaff staff) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int sequence, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded?.Case is not { } c || sequence < 1 || sequence > c.Events.Length)
        {
            return NotFound();
        }

        var step = c.Events[sequence - 1];
        if (LetterGenerator.Title(step) is null)
        {
            return NotFound();
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == staff.DeskAgencyId, ct);
        // The case as it stood when the letter was written (its deadline then).
        var then = Gongkai.Domain.Casework.ApplicationCase.Replay(c.Events.Take(sequence), cases.Rules);
        var input = new LetterInput(agency, then, step, cases.Rules);
        return File(LetterGenerator.Generate(input), LetterGenerator.MediaType, LetterGenerator.FileName(input));
    }
}
