using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web.Casework;

/// <summary>
/// Who may see a case's private side on the portal: whoever gave its tracking number and 查询码. Wrong codes are
/// counted by the sign-in throttle (<see cref="LoginThrottle"/>, under <c>track:</c> keys no user name can have):
/// after <see cref="LoginThrottle.FailuresPerAddress"/> failures for one number from one address, that address may
/// not try the number for <see cref="LoginThrottle.Window"/>; after <see cref="PerNumberFactor"/> times as many from
/// any address, nobody may; after <see cref="PerAddressFactor"/> times as many for any numbers, the address may try
/// no number (guessing numbers). The code is not even checked while blocked. A right pair earns a short-lived,
/// data-protected cookie for that one case (the letter downloads need it), so the code never appears in a URL.
/// </summary>
public sealed class TrackingAccess(LoginThrottle throttle, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "gongkai.track";

    public const int PerNumberFactor = 4;

    public const int PerAddressFactor = 6;

    public static readonly TimeSpan GrantLifetime = TimeSpan.FromMinutes(30);

    private const string AnyAddress = "*";

    private const string AnyNumber = "track:*";

    private readonly IDataProtector _protector = protection.CreateProtector("Gongkai.Portal.Track.v1");

    public bool IsBlocked(string address, string number) =>
        throttle.IsBlocked(address, Key(number))
        || throttle.IsBlocked(AnyAddress, Key(number), throttle.FailuresPerAddress * PerNumberFactor)
        || throttle.IsBlocked(address, AnyNumber, throttle.FailuresPerAddress * PerAddressFactor);

    public void Failed(string address, string number)
    {
        throttle.Failed(address, Key(number));
        throttle.Failed(AnyAddress, Key(number));
        throttle.Failed(address, AnyNumber);
    }

    public void Succeeded(string address, string number) => throttle.Succeeded(address, Key(number));

    private static string Key(string number) => "track:" + number;

    /// <summary>Lets this browser see case <paramref name="caseId"/> for <see cref="GrantLifetime"/>.</summary>
    public void Grant(HttpContext http, Guid caseId)
    {
        var expires = clock.GetUtcNow() + GrantLifetime;
        var value = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{caseId:N}|{expires.ToUnixTimeSeconds()}"));
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/Portal",
            MaxAge = GrantLifetime,
            IsEssential = true,
        });
    }

    /// <summary>Whether this browser was granted case <paramref name="caseId"/> and the grant has not expired.</summary>
    public bool IsGranted(HttpContext http, Guid caseId)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2
                && Guid.TryParseExact(parts[0], "N", out var id) && id == caseId
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && DateTimeOffset.FromUnixTimeSeconds(expires) > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static void Revoke(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/Portal" });
}
