using CsCheck;
using SkiaSharp;

namespace Gongkai.Render.Tests;

public class TextWrapTests
{
    private static readonly SKFont s_font = new(CjkFonts.Resolve(null, null).Regular, 9f);

    [Fact]
    public void Wrap_ChineseLabel_BreaksBetweenCharactersWithinTheWidth()
    {
        const string label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        var lines = TextWrap.Wrap(label, s_font, 100f);

        Assert.True(lines.Count > 1);
        Assert.Equal(label, string.Concat(lines));
        Assert.All(lines.SkipLast(1), l => Assert.True(s_font.MeasureText(l.TrimEnd('、', '，')) <= 100f));
    }

    [Fact]
    public void Wrap_ClosingPunctuation_NeverStartsALine()
    {
        var text = string.Concat(Enumerable.Repeat("公开、不予公开，", 20));
        for (var width = 30f; width < 200f; width += 7f)
        {
            var lines = TextWrap.Wrap(text, s_font, width);
            Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], "，。、）"));
        }
    }

    [Fact]
    public void Wrap_Number_IsNotSplitWhenItFits()
    {
        var lines = TextWrap.Wrap("本年收费金额 123456.78 万元", s_font, 60f);

        Assert.Contains(lines, l => l.Contains("123456.78", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrap_KangxiRadicals_AreFoldedToIdeographs() =>
        Assert.Equal("政府信息公开工作", string.Concat(TextWrap.Wrap("政府信息公开⼯作", s_font, 500f)));

    [Fact]
    public void Wrap_AnyText_KeepsEveryNonSpaceCharacterInOrder()
    {
        Gen.String[Gen.Char["中文公开，。、 abc123()（）"], 0, 200]
            .Select(Gen.Float[20f, 300f])
            .Sample((text, width) =>
            {
                var lines = TextWrap.Wrap(text, s_font, width);
                return Squeeze(string.Concat(lines)) == Squeeze(text.Replace("\n", string.Empty, StringComparison.Ordinal));
            });
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
