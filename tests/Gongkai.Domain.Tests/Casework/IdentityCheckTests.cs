using CsCheck;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Casework;

public sealed class IdentityCheckTests
{
    private static readonly DateOnly s_today = new(2026, 12, 4);

    private static readonly Gen<string> s_first17 = Gen.Select(
        Gen.Int[11, 82], Gen.Int[0, 9999], Gen.Int[new DateOnly(1900, 1, 1).DayNumber, s_today.DayNumber], Gen.Int[0, 999])
        .Select((p, r, b, s) => $"{p:00}{r:0000}{DateOnly.FromDayNumber(b):yyyyMMdd}{s:000}");

    [Fact]
    public void Check_IdNumberWithItsCheckCharacter_Passes_AndEveryOtherLastCharacterFails()
    {
        s_first17.Sample(first17 =>
        {
            var check = PersonalData.IdCheckDigit(first17)!.Value;
            Assert.Null(IdentityCheck.Check(new IdentityDocument(IdentityDocumentKind.ResidentIdentityCard, first17 + check), s_today));
            foreach (var wrong in "0123456789X".Where(c => c != check))
            {
                Assert.Equal(IdentityCheck.BadIdNumber, IdentityCheck.Check(new IdentityDocument(IdentityDocumentKind.ResidentIdentityCard, first17 + wrong), s_today)?.Code);
            }
        });
    }

    [Theory]
    [InlineData("11010519491231002X", true)] // GB 11643 example
    [InlineData("371324199001011231", true)]
    [InlineData("371324199001011234", false)]
    [InlineData("37132419900101123", false)]
    [InlineData("371324202701011233", false)] // born after today
    public void Check_ResidentIdentityCard(string number, bool valid) =>
        Assert.Equal(valid, IdentityCheck.Check(new IdentityDocument(IdentityDocumentKind.ResidentIdentityCard, number), s_today) is null);

    [Fact]
    public void Check_CreditCodeWithItsCheckCharacter_Passes_AndAnotherFails()
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        Gen.Char[alphabet].Array[17].Select(a => new string(a)).Sample(first17 =>
        {
            var check = UnifiedSocialCreditCode.CheckCharacter(first17)!.Value;
            Assert.Null(IdentityCheck.Check(new IdentityDocument(IdentityDocumentKind.UnifiedSocialCreditCode, first17 + check), s_today));
            var wrong = alphabet[(alphabet.IndexOf(check, StringComparison.Ordinal) + 1) % alphabet.Length];
            Assert.Equal(IdentityCheck.BadCreditCode, IdentityCheck.Check(new IdentityDocument(IdentityDocumentKind.UnifiedSocialCreditCode, first17 + wrong), s_today)?.Code);
        });
    }

    [Fact]
    public void Check_Passport_IsTakenAsTyped() =>
        Assert.Null(IdentityCheck.Check(new IdentityDocument(IdentityDocumentKind.Passport, "E12345678"), s_today));
}
