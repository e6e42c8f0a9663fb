using Gongkai.Domain.Casework;
using static Gongkai.Domain.Tests.Casework.Cases;

namespace Gongkai.Domain.Tests.Casework;

public sealed class DecisionGroundsTests
{
    [Fact]
    public void EveryOutcome_HasAGround_CitingAnArticle()
    {
        foreach (var outcome in Outcomes.All)
        {
            var ground = DecisionGrounds.Default(outcome);
            Assert.Contains(outcome, ground.Outcomes);
            Assert.Matches("第[一二三四五六七八九十]+条|国办函", ground.Article);
            Assert.False(string.IsNullOrWhiteSpace(ground.Provision));
        }

        Assert.Equal(DecisionGrounds.All.Count, DecisionGrounds.All.Select(g => g.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("withheld.state-secret", ApplicationOutcome.WithheldStateSecret, "第十四条")]
    [InlineData("withheld.third-party", ApplicationOutcome.WithheldThirdParty, "第十五条")]
    [InlineData("withheld.process", ApplicationOutcome.WithheldProcessInformation, "第十六条第二款")]
    [InlineData("unable.not-held", ApplicationOutcome.UnableNotHeld, "第三十六条第（四）项")]
    [InlineData("not-processed.petition", ApplicationOutcome.NotProcessedPetition, "第三十九条")]
    public void Ground_CitesTheArticleAndItem(string code, ApplicationOutcome outcome, string article)
    {
        var ground = DecisionGrounds.Find(code)!;
        Assert.True(DecisionGrounds.IsValidFor(code, outcome));
        Assert.Contains(article, ground.Article, StringComparison.Ordinal);
    }

    [Fact]
    public void Decided_WithAGroundOfAnotherOutcome_IsRefused()
    {
        var c = Register(D(2025, 3, 3));
        var wrong = new Decided(D(2025, 3, 4), By, ApplicationOutcome.Granted, "第十四条", "withheld.state-secret");
        Assert.Equal("decision.ground-outcome", c.Refused(wrong).Code);
        var right = new Decided(D(2025, 3, 4), By, ApplicationOutcome.WithheldStateSecret, "第十四条", "withheld.state-secret", "经定密机关确认");
        Assert.Equal(ApplicationState.Decided, c.Then(right).State);
    }

    [Fact]
    public void Decided_NewFields_RoundTripAndOldJsonStillReads()
    {
        var e = new Decided(D(2025, 3, 4), By, ApplicationOutcome.UnableNotHeld, "第三十六条第（五）项", "unable.not-responsible", "不属本机关职责", "兰陵县人民医院");
        Assert.Equal(e, ApplicationEventJson.Deserialize(ApplicationEventJson.Serialize(e)));
        var old = (Decided)ApplicationEventJson.Deserialize("decided", """{"occurredOn":"2025-03-04","recorded":{"by":"x","at":"2025-03-04T00:00:00+00:00"},"outcome":"Granted","legalGround":"第三十六条"}""");
        Assert.Null(old.Ground);
        Assert.Null(old.Reasons);
        Assert.Null(old.HeldBy);
    }
}
