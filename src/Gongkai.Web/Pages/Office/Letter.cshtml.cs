using Gongkai.Render.Letters;
using Gongkai.Web.Casework;
using Gongkai.Web.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Office;

/// <summary>
/// Downloads a letter of step <c>sequence</c> of a case of the user's agency: <c>kind</c> (<c>reply</c>,
/// <c>third-party-notice</c> …; default the step's first letter) as <c>docx</c> (default) or <c>pdf</c>.
/// </summary>
public sealed class LetterModel(CaseService cases, CaseLetters letters) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int sequence, string? kind, string? format, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded?.Case is not { } c)
        {
            return NotFound();
        }

        var links = CaseLetters.For(c, sequence);
        LetterKind chosen;
        if (kind is null)
        {
            if (links.Count == 0)
            {
                return NotFound();
            }

            chosen = links[0].Kind;
        }
        else if (!LetterKinds.TryParse(kind, out chosen))
        {
            return NotFound();
        }

        var fileFormat = LetterFormat.Docx;
        if (format is not null && !LetterFiles.TryParse(format, out fileFormat))
        {
            return NotFound();
        }

        var file = await letters.GetAsync(loaded, sequence, chosen, fileFormat, ct);
        return file is null ? NotFound() : File(file.Content, file.MediaType, file.FileName);
    }
}
