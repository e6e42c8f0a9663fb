using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>Status of an application by its tracking number: state, dates and outcome, no personal data.</summary>
public sealed class TrackModel(CaseService cases) : PageModel
{
    public string? No { get; private set; }

    public bool IsNew { get; private set; }

    public LoadedCase? Found { get; private set; }

    public CaseDeadline? Deadline { get; private set; }

    public async Task OnGetAsync(string? no, int? @new, CancellationToken ct)
    {
        No = no?.Trim().ToUpperInvariant();
        IsNew = @new == 1;
        if (!string.IsNullOrEmpty(No) && No.Length <= 32)
        {
            Found = await cases.FindByTrackingNumberAsync(No, ct);
            Deadline = Found?.Case?.Deadline(cases.Rules);
        }
    }
}
