using System.Security.Cryptography;

namespace Gongkai.Web.Casework;

/// <summary>
/// Idempotency keys of the forms that create a case (the portal application, the office
/// registration): a random key is rendered into the form as a hidden field; the case it creates is
/// stored with the key under a unique index, so submitting the same form twice (a double click, a
/// reload, two tabs, a retry after a timeout) yields one case and the second answer points to it.
/// A key is stored scoped by form and agency, so a key can never lead to another agency's case.
/// </summary>
public static class SubmissionKeys
{
    /// <summary>The name of the hidden field.</summary>
    public const string FieldName = "SubmissionKey";

    /// <summary>The HTTP header an API client may send instead.</summary>
    public const string HeaderName = "Idempotency-Key";

    public const string Portal = "portal";

    public const string Office = "office";

    /// <summary>A new key: 128 random bits as 32 lower-case hex digits.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The stored form of <paramref name="key"/> (<c>form:agency:key</c>), or null when no key was
    /// sent; a key that is not 8 to 64 letters, digits, '-' or '_' is ignored (no idempotency) rather than refused.
    /// </summary>
    public static string? Scoped(string form, int agencyId, string? key) =>
        key is { Length: >= 8 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"{form}:{agencyId}:{key}"
            : null;
}
