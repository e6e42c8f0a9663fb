using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Random passwords for the demo seed and for accounts an administrator creates or resets: at least
/// 16 characters (more if the policy asks), from a cryptographic generator, always with an upper-case
/// and a lower-case letter, a digit and a symbol; letters and digits that are easily confused when
/// read aloud or copied from a screen (0/O, 1/l/I) are left out.
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+=?@";
    private const string All = Upper + Lower + Digits + Symbols;

    /// <summary>A new password that meets <paramref name="policy"/> (Identity's defaults when null).</summary>
    public static string Generate(PasswordOptions? policy = null)
    {
        policy ??= new PasswordOptions();
        var length = Math.Max(16, policy.RequiredLength);
        while (true)
        {
            var chars = new char[length];
            chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
            chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
            chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
            chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
            for (var i = 4; i < chars.Length; i++)
            {
                chars[i] = All[RandomNumberGenerator.GetInt32(All.Length)];
            }

            RandomNumberGenerator.Shuffle(chars.AsSpan());
            if (chars.Distinct().Count() >= policy.RequiredUniqueChars)
            {
                return new string(chars);
            }
        }
    }
}
