using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Web.Casework;

/// <summary>
/// 查询码: the applicant's secret beside the tracking number. 8 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), about 40 bits; shown once (as <c>ABCD-EFGH</c>) and stored only as a salted PBKDF2-SHA256
/// hash with a two-character hint. <see cref="Verify"/> compares in constant time and costs the same whether
/// or not there is a hash to compare with, so timing tells nothing about which tracking numbers exist.
/// </summary>
public static class AccessCodes
{
    /// <summary>The characters of tracking numbers and 查询码: digits and capitals without 0, 1, I, L, O.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 8;

    private const int Iterations = 100_000;

    private const string Scheme = "pbkdf2-sha256";

    /// <summary>A hash that matches no code, compared against when a case has none (same cost as a real check).</summary>
    private static readonly string Decoy = Hash(Random(Length));

    /// <summary><paramref name="length"/> characters drawn uniformly from <see cref="Alphabet"/>.</summary>
    public static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A new code, a freshly salted hash of it and its hint.</summary>
    public static (string Code, string Hash, string Hint) New()
    {
        var code = Random(Length);
        return (code, Hash(code), Hint(code));
    }

    /// <summary>The code as shown to a person: two groups of four.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;

    public static string Hint(string code) => code[..2] + new string('*', Length - 2);

    /// <summary>What a person typed, as compared: upper case, without spaces or dashes; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var s = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return s.Length == Length && s.All(c => Alphabet.Contains(c)) ? s : null;
    }

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether <paramref name="typed"/> is the code behind <paramref name="storedHash"/>; false when either is missing or malformed.</summary>
    public static bool Verify(string? typed, string? storedHash)
    {
        var code = Normalise(typed);
        var parts = (storedHash ?? Decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations is < 1000 or > 1_000_000)
        {
            parts = Decoy.Split('$');
            iterations = Iterations;
            code = null;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code ?? string.Empty), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && code is not null && storedHash is not null;
    }
}
