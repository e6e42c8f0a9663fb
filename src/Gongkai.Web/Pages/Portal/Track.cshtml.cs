using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// Status of an application. By tracking number alone: state, dates and outcome, no personal data. With the
/// 查询码 too (posted, never in a URL; throttled by <see cref="TrackingAccess"/>): the 回执, every step with its date,
/// the 补正 request, the fee and its payment deadline, the decision, and the letters sent to the applicant.
/// </summary>
public sealed class TrackModel(CaseService cases, TrackingAccess access) : PageModel
{
    public string? No { get; private set; }

    public LoadedCase? Found { get; private set; }

    public CaseDeadline? Deadline { get; private set; }

    /// <summary>Whether this browser gave the right 查询码 for the case (the private part is shown).</summary>
    public bool Granted { get; private set; }

    public AccessCodeReceipt? Receipt { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? no, CancellationToken ct)
    {
        No = no?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(No) && No.Length <= 32)
        {
            await LoadAsync(No, ct);
            Granted = Found is not null && access.IsGranted(HttpContext, Found.Record.Id);
            if (Granted)
            {
                Receipt = AccessCodeReceipt.From(Found!, Found!.Record.Agency?.Name ?? string.Empty, cases.Rules, null);
                Response.Headers.CacheControl = "no-store";
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(string? no, string? code, CancellationToken ct)
    {
        No = no?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(No) || No.Length > 32)
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            TrackingAccess.Revoke(HttpContext);
            return Redirect(TrackUrl(No));
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (access.IsBlocked(address, No))
        {
            Error = FormCodes.Zh(FormCodes.TrackThrottled);
            await LoadAsync(No, ct);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        await LoadAsync(No, ct);
        // Checked (at the same cost) whether or not the number exists.
        if (!AccessCodes.Verify(code, Found?.Record.AccessCodeHash))
        {
            access.Failed(address, No);
            Error = FormCodes.Zh(FormCodes.TrackNotFound);
            return Page();
        }

        access.Succeeded(address, No);
        access.Grant(HttpContext, Found!.Record.Id);
        return Redirect(TrackUrl(No));
    }

    private async Task LoadAsync(string no, CancellationToken ct)
    {
        Found = await cases.FindByTrackingNumberAsync(no, ct);
        Deadline = Found?.Case?.Deadline(cases.Rules);
    }

    public CaseRules Rules => cases.Rules;

    public static string TrackUrl(string no) => $"/Portal/Track?no={Uri.EscapeDataString(no)}";
}
