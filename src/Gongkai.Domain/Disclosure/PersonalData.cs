using System.Globalization;

namespace Gongkai.Domain.Disclosure;

/// <summary>What an 18-character run is as a 公民身份号码 (see <see cref="PersonalData.ClassifyIdNumber"/>).</summary>
public enum IdNumberShape
{
    /// <summary>Not the form of a 公民身份号码 (length, region, date of birth).</summary>
    NotAnIdNumber,

    /// <summary>A well-formed number with the right check character.</summary>
    Valid,

    /// <summary>The form of a 公民身份号码 with a wrong check character: most likely miscopied.</summary>
    WrongCheckCharacter,
}

/// <summary>
/// Arithmetic of identifiers that personal-data checks recognise. The one owner of the GB 11643 check
/// character: the applicant's 身份证明 check (<c>Casework.IdentityCheck</c>) and the disclosure checks use it.
/// </summary>
public static class PersonalData
{
    private static readonly int[] s_idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";

    /// <summary>The GB 11643 check character for the first 17 digits of a 公民身份号码, or null if not 17 digits.</summary>
    public static char? IdCheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                return null;
            }

            sum += (first17[i] - '0') * s_idWeights[i];
        }

        return IdCheckChars[sum % 11];
    }

    /// <summary>
    /// Whether <paramref name="id"/> is an 18-character 公民身份号码: province code 11-82, a real date of
    /// birth from 1900-01-01 up to <paramref name="notAfter"/>, and a correct GB 11643 check character.
    /// </summary>
    public static bool IsValidIdNumber(ReadOnlySpan<char> id, DateOnly notAfter) =>
        ClassifyIdNumber(id, notAfter) == IdNumberShape.Valid;

    /// <summary>
    /// What <paramref name="id"/> is as a 公民身份号码: <see cref="IdNumberShape.Valid"/>;
    /// <see cref="IdNumberShape.WrongCheckCharacter"/> when it has the form of one (17 digits, province
    /// code 11-82, a real date of birth from 1900-01-01 up to <paramref name="notAfter"/>) but its 18th
    /// character is not the GB 11643 check character of the first 17 (a miscopied number is still
    /// someone's personal data); otherwise <see cref="IdNumberShape.NotAnIdNumber"/>.
    /// </summary>
    public static IdNumberShape ClassifyIdNumber(ReadOnlySpan<char> id, DateOnly notAfter)
    {
        if (id.Length != 18 || IdCheckDigit(id[..17]) is not { } check)
        {
            return IdNumberShape.NotAnIdNumber;
        }

        var last = char.ToUpperInvariant(id[17]);
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return IdNumberShape.NotAnIdNumber;
        }

        var province = ((id[0] - '0') * 10) + (id[1] - '0');
        if (province is < 11 or > 82)
        {
            return IdNumberShape.NotAnIdNumber;
        }

        var born = DateOnly.TryParseExact(id.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth >= new DateOnly(1900, 1, 1) && birth <= notAfter;
        if (!born)
        {
            return IdNumberShape.NotAnIdNumber;
        }

        return last == check ? IdNumberShape.Valid : IdNumberShape.WrongCheckCharacter;
    }

    /// <summary>Luhn (ISO/IEC 7812) check over ASCII digits; false for anything else.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
