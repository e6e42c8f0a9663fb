using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class CategoriesTests
{
    [Fact]
    public void Art20_FifteenItems_Numbered()
    {
        Assert.Equal(Enumerable.Range(1, 15), Art20Categories.All.Select(c => c.Number));
        Assert.Equal("第二十条第（一）项", Art20Categories.Get(1).Caption);
        Assert.Equal("第二十条第（十五）项", Art20Categories.Get(15).Caption);
        Assert.Throws<ArgumentOutOfRangeException>(() => Art20Categories.Get(16));
    }

    [Fact]
    public void AgencyCatalogue_NestedNode_InheritsArt20()
    {
        var catalogue = new AgencyCatalogue(
        [
            new CatalogueNode("fgwj", "法规文件", 1, [new CatalogueNode("fgwj/gfxwj", "规范性文件")]),
            new CatalogueNode("xzcf", "行政处罚", 6),
        ]);
        Assert.Equal(1, catalogue.Art20NumberOf("fgwj/gfxwj"));
        Assert.Equal(["法规文件", "规范性文件"], catalogue.PathTo("fgwj/gfxwj").Select(n => n.Name));
        Assert.Null(catalogue.Art20NumberOf("nope"));
        Assert.Equal(18, AgencyCatalogue.Default.Nodes.Count());
    }

    [Fact]
    public void AgencyCatalogue_DuplicateOrBadNumber_Refused()
    {
        Assert.Throws<ArgumentException>(() => new AgencyCatalogue([new CatalogueNode("a", "A"), new CatalogueNode("a", "B")]));
        Assert.Throws<ArgumentException>(() => new AgencyCatalogue([new CatalogueNode("a", "A", 16)]));
    }

    [Fact]
    public void Item_Validate_ReportsCodes()
    {
        Assert.Empty(TestData.Item().Validate());
        var bad = TestData.Item() with { Title = " ", Channels = Channels.None, Validity = new Validity(ValidityStatus.Repealed) };
        Assert.Equal([DisclosureCodes.ItemTitleMissing, DisclosureCodes.ItemNoChannel, DisclosureCodes.ItemValidityDates], bad.Validate().AsEnumerable());
    }

    [Fact]
    public void Validity_EndDate_Exclusive()
    {
        var v = Validity.RepealedOn(new DateOnly(2025, 7, 1), new DateOnly(2023, 5, 4));
        Assert.True(v.IsInForceOn(new DateOnly(2025, 6, 30)));
        Assert.False(v.IsInForceOn(new DateOnly(2025, 7, 1)));
        Assert.False(v.IsInForceOn(new DateOnly(2023, 5, 3)));
        Assert.Equal("废止", v.Label);
    }
}
