using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Casework;

/// <summary>
/// Checks the number of an applicant's 身份证明 where its form is fixed by a national standard: an 18-character
/// 居民身份证 number (GB 11643: region, date of birth, check character) and a 统一社会信用代码 (GB 32100: 18
/// characters with its check character). Passports and other documents are taken as typed.
/// </summary>
public static class IdentityCheck
{
    /// <summary>Code when a 居民身份证 number is not 18 characters with a valid date of birth and check character.</summary>
    public const string BadIdNumber = CaseworkCodes.BadIdNumber;

    /// <summary>Code when a 统一社会信用代码 fails its check character.</summary>
    public const string BadCreditCode = CaseworkCodes.BadCreditCode;

    /// <summary>The reason <paramref name="document"/> is not a valid number of its kind, or null. <paramref name="today"/> bounds the date of birth.</summary>
    public static Problem? Check(IdentityDocument document, DateOnly today)
    {
        var number = document.Number.Trim();
        return document.Kind switch
        {
            IdentityDocumentKind.ResidentIdentityCard when !PersonalData.IsValidIdNumber(number, today) => CaseworkCodes.Problem(
                BadIdNumber,
                number.Length == 18 ? "有误：出生日期或末位校验码不符" : $"应为18位（现为{number.Length}位）"),
            IdentityDocumentKind.UnifiedSocialCreditCode when !UnifiedSocialCreditCode.IsValid(number) => CaseworkCodes.Problem(BadCreditCode),
            _ => null,
        };
    }
}
