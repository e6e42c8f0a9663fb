using Gongkai.Web.Casework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Office;

/// <summary>
/// A case's 回执 for printing, and a new 查询码 when the applicant lost theirs (or the case predates 查询码): the old
/// code stops working and the new one is shown on this page once, audited.
/// </summary>
public sealed class ReceiptModel(CaseService cases) : PageModel
{
    public LoadedCase Loaded { get; private set; } = null!;

    public AccessCodeReceipt Receipt { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReissueAsync(Guid id, int version, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        var issued = await cases.IssueAccessCodeAsync(loaded, version, ct);
        if (issued.Problem is { } problem)
        {
            Error = problem.MessageZh;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        await LoadAsync(id, issued.IsSuccess ? issued.Value : null, ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, string? code, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(id, ct);
        if (loaded is null)
        {
            return false;
        }

        Loaded = loaded;
        Receipt = AccessCodeReceipt.From(loaded, await cases.AgencyNameAsync(loaded.Record.AgencyId, ct), cases.Rules, code);
        return true;
    }
}
