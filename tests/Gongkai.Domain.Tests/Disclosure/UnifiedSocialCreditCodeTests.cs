using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("11341702486344515H")] // 宁国市商务局, from its 索引号 (D.4)
    [InlineData("11370812004339255B")] // 兖州区 (D.4)
    [InlineData("91350100M000100Y43")] // a company: the GB 32100 worked example
    [InlineData(" 11100000000013127d ")] // lower case and spaces tolerated
    public void TryParse_RealCodes_Valid(string text)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var code));
        Assert.Equal(text.Trim().ToUpperInvariant(), code!.Value.Value);
    }

    [Theory]
    [InlineData("11341702486344515A")] // wrong check character
    [InlineData("11341702486344515")] // 17 characters
    [InlineData("113417024863445150H")] // 19
    [InlineData("1134170248634451IH")] // I is not in the alphabet
    [InlineData("1134170248634451OH")] // nor O
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_False(string? text) => Assert.False(UnifiedSocialCreditCode.IsValid(text));

    [Fact]
    public void Parts_GovernmentAgency_Split()
    {
        var code = UnifiedSocialCreditCode.Parse("11341702486344515H");
        Assert.True(code.IsGovernmentAgency);
        Assert.Equal("341702", code.DivisionCode);
        Assert.Equal("486344515", code.OrganisationCode);
        Assert.False(UnifiedSocialCreditCode.Parse("91350100M000100Y43").IsGovernmentAgency);
    }

    [Fact]
    public void CheckCharacter_EveryPrefix_RoundTrips()
    {
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var prefix = new string([.. Enumerable.Range(0, 17).Select(_ => UnifiedSocialCreditCode.Alphabet[random.Next(31)])]);
            var full = prefix + UnifiedSocialCreditCode.CheckCharacter(prefix);
            Assert.True(UnifiedSocialCreditCode.IsValid(full), full);
            var other = UnifiedSocialCreditCode.Alphabet.First(c => c != full[17]);
            Assert.False(UnifiedSocialCreditCode.IsValid(prefix + other));
        }
    }

    [Fact]
    public void Parse_Invalid_Throws() => Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse("x"));
}
