using Gongkai.Domain.Casework;
using Gongkai.Render.Letters;
using static Gongkai.Render.Tests.Letters.LetterCases;

namespace Gongkai.Render.Tests.Letters;

public sealed class LetterComposerTests
{
    [Theory]
    [InlineData(ReceiptChannel.InPerson, "第三十一条第（一）项")]
    [InlineData(ReceiptChannel.Post, "第三十一条第（二）项")]
    [InlineData(ReceiptChannel.Online, "第三十一条第（三）项")]
    [InlineData(ReceiptChannel.Fax, "第三十一条第（三）项")]
    public void Receipt_StatesTheArticle31DateAndTheDomainsAnswerDate(ReceiptChannel channel, string item)
    {
        var c = Registered(channel, D(2026, 9, 25));
        var letter = Letter(c, LetterKind.Receipt);
        var text = Text(letter);

        Assert.Equal("政府信息公开申请受理回执", letter.Title);
        Assert.Equal("张三", letter.Recipient);
        Assert.Contains(item, text, StringComparison.Ordinal);
        Assert.Contains("本机关收到申请的日期为2026年9月25日", text, StringComparison.Ordinal);
        // The answer date across 中秋/国庆 2026 comes from the domain, not from a count here.
        var due = c.Deadline(Rules).DueOn!.Value;
        Assert.Contains($"即于{LetterDates.Zh(due)}前答复", text, StringComparison.Ordinal);
        Assert.Equal("2026年9月25日", letter.DateZh);
        Assert.DoesNotContain("行政复议", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Supplement_StatesWhatIsMissingAndThePeriod()
    {
        var c = Registered().Then(new SupplementRequested(D(2026, 3, 4), By(D(2026, 3, 4)), "请写明合同的签订年份和医院名称", D(2026, 3, 20)));
        var text = Text(Letter(c, LetterKind.SupplementNotice));

        Assert.Contains("第三十条", text, StringComparison.Ordinal);
        Assert.Contains("请写明合同的签订年份和医院名称", text, StringComparison.Ordinal);
        Assert.Contains("请于2026年3月20日前", text, StringComparison.Ordinal);
        Assert.Contains("视为放弃申请", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Consultation_GoesToTheThirdPartyWithTheDomainsReplyDate()
    {
        var c = Registered().Then(new ConsultationStarted(D(2026, 3, 5), By(D(2026, 3, 5)), ConsultationParty.ThirdParty, "兰陵医疗器械有限公司"));
        var letter = Letter(c, LetterKind.ConsultationLetter);
        var text = Text(letter);

        Assert.Equal("兰陵医疗器械有限公司", letter.Recipient);
        Assert.Contains("第三十二条", text, StringComparison.Ordinal);
        var reply = c.ConsultationReplyDue(Rules)!.Value.Value;
        Assert.Equal(D(2026, 3, 26), reply);
        Assert.Contains("自收到本函之日起15个工作日内（2026年3月26日前）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_StatesReasonDaysAndNewDueDate()
    {
        var c = Registered().Then(new Extended(D(2026, 3, 20), By(D(2026, 3, 20)), 10, "李主任", "需调取档案室存档资料"));
        var text = Text(Letter(c, LetterKind.ExtensionNotice));

        Assert.Contains("因需调取档案室存档资料", text, StringComparison.Ordinal);
        Assert.Contains("第三十三条第二款", text, StringComparison.Ordinal);
        Assert.Contains("答复期限延长10个工作日", text, StringComparison.Ordinal);
        Assert.Contains("延长后的答复期限至" + LetterDates.Zh(c.Deadline(Rules).DueOn!.Value), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fee_StatesAmountAndTheDomainsPaymentDate()
    {
        var c = Registered().Then(new FeeNotified(D(2026, 3, 10), By(D(2026, 3, 10)), FeeMethod.PerPage, 150, 0, 1700m));
        var text = Text(Letter(c, LetterKind.FeeNotice));

        Assert.Contains("应缴金额合计：1700元", text, StringComparison.Ordinal);
        var payBy = c.FeePaymentDue(Rules)!.Value.Value;
        Assert.Contains($"20个工作日内（{LetterDates.Zh(payBy)}前）", text, StringComparison.Ordinal);
        Assert.Contains("第31至100页：70页×10元＝700元", text, StringComparison.Ordinal);
    }

    public static TheoryData<ApplicationOutcome, string, string> Outcomes() => new()
    {
        { ApplicationOutcome.Granted, "一、处理决定：予以公开", "第三十六条第（二）项" },
        { ApplicationOutcome.PartiallyGranted, "一、处理决定：部分公开", "第三十七条" },
        { ApplicationOutcome.WithheldStateSecret, "一、处理决定：不予公开", "第十四条" },
        { ApplicationOutcome.WithheldThirdParty, "一、处理决定：不予公开", "第十五条" },
        { ApplicationOutcome.WithheldInternalAffairs, "一、处理决定：不予公开", "第十六条第一款" },
        { ApplicationOutcome.WithheldProcessInformation, "一、处理决定：不予公开", "第十六条第二款" },
        { ApplicationOutcome.WithheldAdministrativeQuery, "一、处理决定：不予公开", "第三十六条第（七）项" },
        { ApplicationOutcome.UnableNotHeld, "一、处理决定：无法提供", "第三十六条第（四）项" },
        { ApplicationOutcome.UnableNeedsCreation, "一、处理决定：无法提供", "第三十八条" },
        { ApplicationOutcome.NotProcessedPetition, "一、处理决定：不予处理", "第三十九条第一款" },
        { ApplicationOutcome.NotProcessedRepeated, "一、处理决定：不予处理", "第三十六条第（六）项" },
        { ApplicationOutcome.NotProcessedPublication, "一、处理决定：不予处理", "第三十九条第二款" },
        { ApplicationOutcome.NotProcessedExcessive, "一、处理决定：不予处理", "第三十五条" },
        { ApplicationOutcome.OtherOther, "一、处理决定：其他处理", "第三十六条" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Reply_StatesDecisionReasonsAndLegalBasis_AndRemediesWhenAdverse(ApplicationOutcome outcome, string decision, string article)
    {
        var ground = DecisionGrounds.Default(outcome);
        var c = Registered().Then(new Decided(D(2026, 3, 20), By(D(2026, 3, 20)), outcome, ground.Article, ground.Code, "经查，该合同已于2025年签订"));
        var letter = Letter(c, LetterKind.Reply);
        var text = Text(letter);

        Assert.Equal("政府信息公开申请答复书", letter.Title);
        Assert.Contains(decision, text, StringComparison.Ordinal);
        Assert.Contains("二、事实和理由：经查，该合同已于2025年签订。", text, StringComparison.Ordinal);
        Assert.Contains("三、法律依据：《中华人民共和国政府信息公开条例》" + article, text, StringComparison.Ordinal);
        Assert.Contains(ground.Provision, text, StringComparison.Ordinal);
        Assert.Equal("兰卫公开〔2026〕7号", letter.DocumentNumber);
        Assert.Equal("2026年3月20日", letter.DateZh);
        const string Remedy = "可以自收到本答复之日起60日内向兰陵县人民政府申请行政复议，也可以自收到本答复之日起6个月内向兰陵县人民法院提起行政诉讼";
        if (outcome == ApplicationOutcome.Granted)
        {
            Assert.DoesNotContain("行政复议", text, StringComparison.Ordinal);
            Assert.Contains("提供方式：本机关按照您申请的形式（电子邮件）提供该政府信息", text, StringComparison.Ordinal);
            Assert.Equal(["所申请公开的政府信息"], letter.Attachments.ToArray());
            Assert.Contains("附件：所申请公开的政府信息", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(Remedy, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reply_EveryOutcomeButAbandonmentHasAGroundAndALetter()
    {
        foreach (var outcome in Domain.Casework.Outcomes.All)
        {
            Assert.NotEmpty(DecisionGrounds.For(outcome));
        }
    }

    [Fact]
    public void Reply_NotHeld_NamesTheAgencyThatHoldsIt()
    {
        var ground = DecisionGrounds.Find("unable.not-responsible")!;
        var c = Registered().Then(new Decided(D(2026, 3, 20), By(D(2026, 3, 20)), ApplicationOutcome.UnableNotHeld, ground.Article, ground.Code, "该合同由医院自行签订", "兰陵县人民医院"));
        var text = Text(Letter(c, LetterKind.Reply));

        Assert.Contains("第三十六条第（五）项", text, StringComparison.Ordinal);
        Assert.Contains("该政府信息由兰陵县人民医院负责公开", text, StringComparison.Ordinal);
        Assert.Contains("五、救济途径", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_WithoutConfiguredBodies_SaysWhoInGeneralTerms()
    {
        var c = Registered().Then(new Decided(D(2026, 3, 20), By(D(2026, 3, 20)), ApplicationOutcome.WithheldStateSecret, "第十四条", "withheld.state-secret"));
        var text = Text(Letter(c, LetterKind.Reply, issuer: new LetterIssuer("兰陵县卫生健康局")));

        Assert.Contains("60日内向有权受理的行政复议机关申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("6个月内向有管辖权的人民法院提起行政诉讼", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Abandoned_NoSupplement_IsAnOtherOutcomeLetterCitingArticle30()
    {
        var c = Registered()
            .Then(new SupplementRequested(D(2026, 3, 4), By(D(2026, 3, 4)), "写明年份", D(2026, 3, 13)))
            .Then(new Abandoned(D(2026, 3, 16), By(D(2026, 3, 16)), AbandonmentReason.NoSupplement));
        Assert.Equal([LetterKind.Reply], LetterComposer.KindsFor(c, 3));
        var text = Text(Letter(c, LetterKind.Reply));

        Assert.Contains("其他处理", text, StringComparison.Ordinal);
        Assert.Contains("第三十条", text, StringComparison.Ordinal);
        Assert.Contains("补正期限至2026年3月13日", text, StringComparison.Ordinal);
        Assert.Contains("60日内向兰陵县人民政府申请行政复议", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThirdPartyWhoObjected_GetsTheArticle32NoticeWhenTheOfficeDiscloses()
    {
        var c = Registered()
            .Then(new ConsultationStarted(D(2026, 3, 5), By(D(2026, 3, 5)), ConsultationParty.ThirdParty, "兰陵医疗器械有限公司"))
            .Then(new ConsultationEnded(D(2026, 3, 12), By(D(2026, 3, 12)), ConsultationReply.Objected))
            .Then(new Decided(D(2026, 3, 25), By(D(2026, 3, 25)), ApplicationOutcome.Granted, "第三十六条第（二）项", "granted.provided", "采购资金为财政资金，公开涉及重大公共利益"));

        Assert.Equal([LetterKind.Reply, LetterKind.ThirdPartyNotice], LetterComposer.KindsFor(c, 4));
        Assert.False(LetterKind.ThirdPartyNotice.IsToApplicant());
        Assert.False(LetterKind.ConsultationLetter.IsToApplicant());
        Assert.True(LetterKind.Reply.IsToApplicant());
        var letter = Letter(c, LetterKind.ThirdPartyNotice);
        var text = Text(letter);
        Assert.Equal("兰陵医疗器械有限公司", letter.Recipient);
        Assert.Contains("第三十二条", text, StringComparison.Ordinal);
        Assert.Contains("决定予以公开", text, StringComparison.Ordinal);
        Assert.Contains("决定公开的政府信息内容：“2025年县医院设备采购合同”", text, StringComparison.Ordinal);
        Assert.Contains("采购资金为财政资金，公开涉及重大公共利益", text, StringComparison.Ordinal);
        Assert.Contains("60日内向兰陵县人民政府申请行政复议", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoObjection_NoArticle32Notice()
    {
        var c = Registered()
            .Then(new ConsultationStarted(D(2026, 3, 5), By(D(2026, 3, 5)), ConsultationParty.ThirdParty, "某公司"))
            .Then(new ConsultationEnded(D(2026, 3, 12), By(D(2026, 3, 12)), ConsultationReply.Agreed))
            .Then(new Decided(D(2026, 3, 25), By(D(2026, 3, 25)), ApplicationOutcome.Granted, "x", "granted.provided"));
        Assert.Equal([LetterKind.Reply], LetterComposer.KindsFor(c, 4));
        Assert.Throws<ArgumentException>(() => Letter(c, LetterKind.ThirdPartyNotice));
    }

    [Fact]
    public void OldDecidedEvent_WithoutGround_StillCitesWhatWasTyped()
    {
        var json = """{"kind":"decided","occurredOn":"2026-03-20","recorded":{"by":"王办理","at":"2026-03-20T01:00:00+00:00"},"outcome":"WithheldStateSecret","legalGround":"《条例》第十四条"}""";
        var decided = (Decided)ApplicationEventJson.Deserialize(json);
        Assert.Null(decided.Ground);
        var c = Registered().Then(decided);
        var text = Text(Letter(c, LetterKind.Reply));
        Assert.Contains("三、法律依据：《条例》第十四条。", text, StringComparison.Ordinal);
        Assert.Contains("一、处理决定：不予公开", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("兰卫公开〔{year}〕{n}号", 2026, 12, "兰卫公开〔2026〕12号")]
    [InlineData("兰卫公开〔{年}〕{序号}号", 2027, 1, "兰卫公开〔2027〕1号")]
    public void DocumentNumber_FollowsTheAgencysPattern(string pattern, int year, long n, string expected)
    {
        Assert.Null(LetterNumberPattern.Check(pattern));
        Assert.Equal(expected, LetterNumberPattern.Format(pattern, year, n));
    }

    [Theory]
    [InlineData("兰卫公开〔{年}〕号")]
    [InlineData("兰卫公开{序号}号")]
    [InlineData("兰卫{x}〔{年}〕{序号}号")]
    public void DocumentNumber_PatternWithoutPlaceholders_IsRefused(string pattern) =>
        Assert.NotNull(LetterNumberPattern.Check(pattern));
}
