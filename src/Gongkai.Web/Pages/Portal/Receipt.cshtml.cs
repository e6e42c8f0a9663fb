using Gongkai.Web.Casework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// The 回执 of an online application, right after it was submitted: tracking number, 查询码 (shown this once, from
/// TempData; never stored in clear), the Art. 31 rule for online applications and the answer period. Opened again,
/// it shows only the public facts.
/// </summary>
public sealed class ReceiptModel(CaseService cases) : PageModel
{
    public AccessCodeReceipt? Receipt { get; private set; }

    public LoadedCase? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? no, CancellationToken ct)
    {
        var number = no?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number) || number.Length > 32)
        {
            return NotFound();
        }

        Found = await cases.FindByTrackingNumberAsync(number, ct);
        if (Found is null)
        {
            return NotFound();
        }

        var code = AccessCodeReceipt.Take(TempData[AccessCodeReceipt.TempDataKey], Found.Record.TrackingNumber);
        Receipt = AccessCodeReceipt.From(Found, Found.Record.Agency?.Name ?? string.Empty, cases.Rules, code);
        // Not cached anywhere: the page may carry the 查询码.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
