using System.Collections.Concurrent;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class IndexNumberTests
{
    [Theory]
    [InlineData("000014349/2021-00087", "000014349", 2021, null, "00087")]
    [InlineData("11341702486344515H/202110-00013", "11341702486344515H", 2021, 10, "00013")]
    [InlineData("11370812004339255B/2020-22849", "11370812004339255B", 2020, null, "22849")]
    [InlineData("0142768-8/2022-00185", "0142768-8", 2022, null, "00185")]
    [InlineData("014416330/2018-04736", "014416330", 2018, null, "04736")]
    [InlineData("01527918X-2020-153077", "01527918X", 2020, null, "153077")]
    public void TryParse_D4Examples_Parsed(string text, string issuer, int year, int? month, string seq)
    {
        Assert.True(IndexNumberParser.TryParse(text, out var p));
        Assert.Equal(new ParsedIndexNumber(issuer, year, month, seq), p);
    }

    [Theory]
    [InlineData("zsjfzzx/2025-00002")] // pinyin issuer: a valid 索引号, but not the common form
    [InlineData("11341702486344515H/202113-00013")] // month 13
    [InlineData("11341702486344515H/2021")]
    [InlineData("")]
    public void TryParse_OtherForms_False(string text) => Assert.False(IndexNumberParser.TryParse(text, out _));

    [Fact]
    public void TryParse_CreditCodeIssuer_Validated()
    {
        Assert.True(IndexNumberParser.TryParse("11341702486344515H/202110-00013", out var good));
        Assert.True(good.IssuerIsValidCreditCode);
        Assert.True(IndexNumberParser.TryParse("11341702486344515A/202110-00013", out var bad));
        Assert.False(bad.IssuerIsValidCreditCode);
    }

    [Fact]
    public void Format_DefaultRule_CodeYearFiveDigits()
    {
        var rule = IndexNumberRule.Default(TestData.Agency);
        var n = rule.Format(TestData.Item(), new DateOnly(2025, 3, 5), 7);
        Assert.Equal("11341702486344515H/2025-00007", n.Value);
        Assert.True(IndexNumberParser.TryParse(n.Value, out _));
    }

    [Theory]
    [InlineData("{code}/{year}{month}-{seq:00000}", "11341702486344515H/202503-00042", "11341702486344515H/202503-{seq}")]
    [InlineData("{org}-{year}-{seq:0}", "486344515-2025-42", "486344515-2025-{seq}")]
    [InlineData("LL{art20}/{year}-{seq:000000}", "LL01/2025-000042", "LL01/2025-{seq}")]
    public void Format_CustomPatterns_TokensReplaced(string pattern, string expected, string scope)
    {
        var rule = new IndexNumberRule(pattern, TestData.Agency);
        Assert.Equal(expected, rule.Format(TestData.Item(), new DateOnly(2025, 3, 5), 42).Value);
        Assert.Equal(scope, rule.ScopeFor(TestData.Item(), new DateOnly(2025, 3, 5)));
    }

    [Theory]
    [InlineData("{code}/{year}")] // no sequence
    [InlineData("{code}/{seq}-{seq}")] // two sequences
    [InlineData("{code}/{yr}-{seq}")] // unknown token
    [InlineData("{code:000}/{seq}")] // format on a non-sequence token
    public void Rule_BadPattern_Refused(string pattern) =>
        Assert.Throws<ArgumentException>(() => new IndexNumberRule(pattern, TestData.Agency));

    [Fact]
    public void Rule_UncheckedIssuer_Accepted()
    {
        var rule = new IndexNumberRule(IndexNumberRule.DefaultPattern, "zsjfzzx");
        Assert.False(rule.IssuerIsValidCreditCode);
        Assert.Equal("zsjfzzx/2025-00002", rule.Format(TestData.Item(), new DateOnly(2025, 1, 2), 2).Value);
        Assert.True(IndexNumberRule.Default(TestData.Agency).IssuerIsValidCreditCode);
        Assert.Throws<ArgumentException>(() => new IndexNumberRule(IndexNumberRule.DefaultPattern, "a b"));
    }

    [Fact]
    public void Scope_NewYear_SequenceRestarts()
    {
        var rule = IndexNumberRule.Default(TestData.Agency);
        Assert.NotEqual(rule.ScopeFor(TestData.Item(), new DateOnly(2024, 12, 31)), rule.ScopeFor(TestData.Item(), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public async Task NextAsync_ConcurrentAllocation_AllUniqueAndDense()
    {
        var generator = new IndexNumberGenerator(IndexNumberRule.Default(TestData.Agency), new InMemoryIndexSequenceAllocator());
        var issued = new ConcurrentBag<string>();
        var days = new[] { new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30) };
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var n = await generator.NextAsync(TestData.Item(), days[i % 3], ct);
            issued.Add(n.Value);
        });

        Assert.Equal(3000, issued.Count);
        Assert.Equal(3000, issued.Distinct().Count());
        // 1000 in 2024, 2000 in 2025: each year's numbers are 1..n with no gap.
        Assert.Equal(1000, issued.Count(s => s.Contains("/2024-", StringComparison.Ordinal)));
        Assert.Contains("11341702486344515H/2025-02000", issued);
        Assert.DoesNotContain("11341702486344515H/2025-02001", issued);
    }

    [Fact]
    public async Task NextAsync_StartsAfterImportedNumbers_NeverReuses()
    {
        var allocator = new InMemoryIndexSequenceAllocator([new("11341702486344515H/2025-{seq}", 87)]);
        var generator = new IndexNumberGenerator(IndexNumberRule.Default(TestData.Agency), allocator);
        Assert.Equal("11341702486344515H/2025-00088", (await generator.NextAsync(TestData.Item(), new DateOnly(2025, 5, 1))).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    public void IndexNumber_Blank_Refused(string value) => Assert.ThrowsAny<ArgumentException>(() => new IndexNumber(value));
}
