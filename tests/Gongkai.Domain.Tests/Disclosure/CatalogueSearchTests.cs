using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class CatalogueSearchTests
{
    private static readonly string s_text = CatalogueSearch.IndexText(TestData.Item(
        "<p>为做好２０２５年<b>政务公开</b>工作，现就公共卫生服务项目通知如下。</p>",
        "关于做好2025年政务公开工作的通知"));

    [Theory]
    [InlineData("政务公开", true)]
    [InlineData("公共卫生服务", true)]
    [InlineData("卫生 通知", true)] // two terms, both present
    [InlineData("2025年", true)] // full-width digits in the body were normalised
    [InlineData("兰卫发〔2025〕3号", true)] // punctuation ignored on both sides
    [InlineData("卫", true)]
    [InlineData("", true)]
    [InlineData("公开卫生", false)] // 开卫 does not occur
    [InlineData("财政预算", false)]
    public void Matches(string query, bool expected) => Assert.Equal(expected, CatalogueSearch.Matches(s_text, query));

    [Fact]
    public void IndexText_TagsRemoved() => Assert.DoesNotContain("<", s_text, StringComparison.Ordinal);

    [Fact]
    public void QueryFragments_Bigrams_Distinct()
    {
        Assert.Equal(["政务", "务公", "公开"], CatalogueSearch.QueryFragments("政务公开").AsEnumerable());
        Assert.Equal(["政务"], CatalogueSearch.QueryFragments(" 政务 政务 ").AsEnumerable());
        Assert.True(CatalogueSearch.QueryFragments(new string('字', 1000)).Length <= CatalogueSearch.MaxBigrams);
    }

    [Fact]
    public void Normalise_FullWidthAndCase_Folded() => Assert.Equal("abc123中文", CatalogueSearch.Normalise("ＡＢＣ １２３，中文。"));

    [Fact]
    public void Normalise_LoneSurrogate_IsDroppedNotThrown() => Assert.Equal("ab中文", CatalogueSearch.Normalise("a\uD800b中\uDC00文"));

    [Theory]
    [InlineData("详见<a href=\"/x\">原通知</a>。", "详见原通知。")]
    [InlineData("<p>第一段</p><p>第二段</p>", "第一段\n第二段\n")]
    [InlineData("一<br/>二&amp;三", "一\n二&三")]
    [InlineData("3 < 5", "3 < 5")]
    public void StripTags_InlineVanish_BlocksBreak(string html, string text) => Assert.Equal(text, CatalogueSearch.StripTags(html));
}
