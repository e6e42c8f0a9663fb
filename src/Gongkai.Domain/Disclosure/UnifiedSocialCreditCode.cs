using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from <c>0-9A-Z</c> without I, O, Z, S, V.
/// Position 1 登记管理部门码, 2 机构类别码, 3-8 行政区划码, 9-17 组织机构代码 (GB 11714),
/// 18 the check character (GB/T 17710 MOD 31-3).
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    /// <summary>The 31 characters of the code alphabet, in value order.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] s_weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Positions 9-17: the 9-character 组织机构代码 (e.g. <c>486344515</c>).</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>Positions 3-8: the 行政区划代码.</summary>
    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>True when position 1 is 1 (机构编制) and position 2 is 1 (机关): a government agency.</summary>
    public bool IsGovernmentAgency => Value[0] == '1' && Value[1] == '1';

    public override string ToString() => Value;

    /// <summary>Parses and validates (length, alphabet, check character). Leading/trailing spaces are ignored; letters may be lower case.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code)
    {
        code = null;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        if (s.Length != 18 || CheckCharacter(s.AsSpan(0, 17)) is not { } check || check != s[17])
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(s);
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out UnifiedSocialCreditCode?)"/>
    /// <exception cref="FormatException">Not a valid code.</exception>
    public static UnifiedSocialCreditCode Parse(string text) =>
        TryParse(text, out var code) ? code.Value : throw new FormatException($"'{text}' is not a valid 统一社会信用代码 (GB 32100).");

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>The check character for the first 17 characters, or null if one is outside the alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i]);
            if (v < 0)
            {
                return null;
            }

            sum += v * s_weights[i];
        }

        var c = 31 - (sum % 31);
        return Alphabet[c == 31 ? 0 : c];
    }
}
