using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class ItemCheckerTests
{
    private static ItemCheckResult CheckBody(string body, params string[] paths) => TestData.Check(TestData.Item(body), paths);

    private static Finding Single(ItemCheckResult r, FindingKind kind) => Assert.Single(r.Findings, f => f.Kind == kind);

    [Fact]
    public void Check_ValidIdNumber_FlaggedWithPosition()
    {
        var body = "申请人：张三\n身份证号：371324198506150013，现予公示。";
        var f = Single(CheckBody(body), FindingKind.IdNumber);
        Assert.Equal(DisclosureCodes.IdNumber, f.Code);
        Assert.Equal("371324198506150013", f.Matched);
        Assert.Equal(new TextPosition(ItemField.Body, body.IndexOf("3713", StringComparison.Ordinal), 18, 2, 6), f.Position);
        Assert.Contains("371324198506150013", f.Excerpt, StringComparison.Ordinal);
        Assert.True(f.Blocking);
        Assert.NotEmpty(f.Suggestion);
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    public void Check_IdNumberWithX_Flagged(string id) => Single(CheckBody($"号码{id}。"), FindingKind.IdNumber);

    [Theory]
    [InlineData("371324198506150014")] // check character should be 3
    [InlineData("11010519491231002Y")] // not a check character at all is no ID: see below
    public void Check_IdNumberWithWrongCheckCharacter_FlaggedAsPersonalData(string id)
    {
        var findings = CheckBody($"经办人身份证号{id}。").Findings;
        if (id.EndsWith('Y'))
        {
            Assert.DoesNotContain(findings, f => f.Kind == FindingKind.IdNumberWrongCheck);
            return;
        }

        var f = Single(CheckBody($"经办人身份证号{id}。"), FindingKind.IdNumberWrongCheck);
        Assert.Equal(DisclosureCodes.IdNumberWrongCheck, f.Code);
        Assert.Equal(id, f.Matched);
        Assert.True(f.Blocking);
        Assert.True(f.IsPersonalData);
        Assert.DoesNotContain(findings, f => f.Kind is FindingKind.IdNumber or FindingKind.BankCard);
        Assert.Equal(IdNumberShape.WrongCheckCharacter, PersonalData.ClassifyIdNumber(id, new DateOnly(2025, 3, 3)));
    }

    [Fact]
    public void Check_ValidIdNumber_IsPersonalData()
    {
        var f = Single(CheckBody("身份证号371324198506150013。"), FindingKind.IdNumber);
        Assert.True(f.IsPersonalData);
        Assert.Equal(IdNumberShape.Valid, PersonalData.ClassifyIdNumber("371324198506150013", new DateOnly(2025, 3, 3)));
    }

    [Theory]
    [InlineData("371324198502300017")] // 30 February
    [InlineData("371324230001010013")] // born in the future
    [InlineData("991324198506150013")] // no province 99
    [InlineData("13713241985061500130")] // inside a longer run of digits
    public void Check_NotAnIdNumber_NotFlagged(string digits) =>
        Assert.DoesNotContain(CheckBody($"编号{digits}。").Findings, f => f.Kind is FindingKind.IdNumber or FindingKind.IdNumberWrongCheck);

    [Theory]
    [InlineData("联系电话13812345678。", true)]
    [InlineData("电话：19912345678", true)]
    [InlineData("号码12812345678", false)] // 12x is not a mobile prefix
    [InlineData("流水号913812345678", false)] // inside a longer digit run
    [InlineData("流水号138123456789", false)]
    public void Check_Mobile(string body, bool flagged) =>
        Assert.Equal(flagged, CheckBody(body).Findings.Any(f => f.Kind == FindingKind.MobileNumber));

    [Theory]
    [InlineData("卡号6222021234567894。", true)]
    [InlineData("卡号6222 0212 3456 7890 128。", true)]
    [InlineData("卡号622202123456789012", true)]
    [InlineData("卡号6222021234567895。", false)] // fails Luhn
    [InlineData("卡号622202123456789", false)] // 15 digits
    public void Check_BankCard(string body, bool flagged) =>
        Assert.Equal(flagged, CheckBody(body).Findings.Any(f => f.Kind == FindingKind.BankCard));

    [Fact]
    public void Check_IdNumberPassingLuhn_OnlyReportedAsId()
    {
        // Find a valid ID that also passes Luhn, and check it is not double-reported.
        var id = Enumerable.Range(0, 1000)
            .Select(n => $"37132419850615{n:000}")
            .Select(p => p + PersonalData.IdCheckDigit(p))
            .First(s => char.IsAsciiDigit(s[17]) && PersonalData.PassesLuhn(s));
        var r = CheckBody($"身份证{id}");
        Single(r, FindingKind.IdNumber);
        Assert.DoesNotContain(r.Findings, f => f.Kind == FindingKind.BankCard);
    }

    [Fact]
    public void Check_AddressNearName_Flagged()
    {
        var r = CheckBody("当事人：李四，住山东省临沂市兰陵县卞庄街道金山路18号，经查……");
        var f = Single(r, FindingKind.PersonalAddress);
        Assert.Contains("金山路18号", f.Matched, StringComparison.Ordinal);
        Assert.Contains("李四", f.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AgencyAddressWithoutName_NotFlagged() =>
        Assert.DoesNotContain(CheckBody("办公地址：兰陵县卞庄街道金山路18号。办公时间：工作日").Findings, f => f.Kind == FindingKind.PersonalAddress);

    [Fact]
    public void Check_WrongWords_RightFormSuggested()
    {
        var r = CheckBody("认真贯切落实，周密布署，做到既往不究。");
        var words = r.Findings.Where(f => f.Kind == FindingKind.WrongWord).ToList();
        Assert.Equal(["贯切", "布署", "既往不究"], words.Select(f => f.Matched));
        Assert.Contains("贯彻", words[0].Suggestion, StringComparison.Ordinal);
        Assert.Contains("部署", words[1].Suggestion, StringComparison.Ordinal);
        Assert.Contains("既往不咎", words[2].Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CorrectText_NoWordFindings() =>
        Assert.Empty(CheckBody("认真贯彻落实，周密部署，既往不咎，中华人民共和国国务院办公厅。").Findings);

    [Fact]
    public async Task WrongWordList_AdministratorEdits_Applied()
    {
        var list = WrongWordList.Default.With(new WordEntry("某敏感词", "请删除", WordEntryKind.Sensitive)).Without("布署");
        var checker = new ItemChecker(list, new SiteLinkChecker([], []));
        var r = await checker.CheckAsync(TestData.Item("布署；某敏感词"), new DateOnly(2025, 3, 3));
        Assert.Equal(FindingKind.SensitiveWord, Assert.Single(r.Findings).Kind);
    }

    [Fact]
    public void WrongWordList_EntryInsideRightForm_Refused() =>
        Assert.Throws<ArgumentException>(() => new WrongWordList([new WordEntry("部署", "部署工作")]));

    [Fact]
    public void Check_Links_InternalDeadFlagged_ExternalRecorded()
    {
        var body = """
            详见<a href="/gk/11341702486344515H%2F2025-00001">原文</a>和<a href='/zwgk/missing.html'>解读</a>，
            另见 https://www.gov.cn/zhengce/content/202411/content_6986382.htm 以及 http://www.lanling.gov.cn/old/page.html 。
            """;
        var r = CheckBody(body, "/gk/11341702486344515H/2025-00001");
        var dead = r.Findings.Where(f => f.Kind == FindingKind.DeadLink).Select(f => f.Matched).ToList();
        Assert.Equal(["/zwgk/missing.html", "http://www.lanling.gov.cn/old/page.html"], dead);
        var external = Single(r, FindingKind.UncheckedExternalLink);
        Assert.StartsWith("https://www.gov.cn/", external.Matched, StringComparison.Ordinal);
        Assert.False(external.Blocking);
        Assert.Equal(2, external.Position.Line);
    }

    [Fact]
    public void Check_Attachments_ScanAndMissingFlagged()
    {
        var item = TestData.Item() with
        {
            Attachments =
            [
                new("附件1.pdf", "application/pdf", HasTextLayer: true, "/files/a1.pdf"),
                new("附件2.pdf", "application/pdf", HasTextLayer: false, "/files/a2.pdf"),
                new("附件3.jpg", "image/jpeg", HasTextLayer: false, "/files/gone.jpg"),
                new("附件4.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HasTextLayer: false, "/files/a4.docx"),
            ],
        };
        var r = TestData.Check(item, "/files/a1.pdf", "/files/a2.pdf", "/files/a4.docx");
        Assert.Equal(
            [(FindingKind.ScannedAttachment, 1), (FindingKind.AttachmentMissing, 2), (FindingKind.ScannedAttachment, 2)],
            r.Findings.Select(f => (f.Kind, f.Position.Start)));
    }

    [Fact]
    public void Check_TitleChecked_Too() =>
        Assert.Equal(ItemField.Title, Single(TestData.Check(TestData.Item(title: "关于布署工作的通知")), FindingKind.WrongWord).Position.Field);

    [Fact]
    public void Check_Result_CarriesFingerprintAndStableIds()
    {
        var item = TestData.Item("电话13812345678");
        var a = TestData.Check(item);
        var b = TestData.Check(item);
        Assert.Equal(item.ContentFingerprint(), a.ContentFingerprint);
        Assert.Equal(a.Findings.Select(f => f.Id), b.Findings.Select(f => f.Id));
    }

    [Fact]
    public void Check_HostileText_NoException()
    {
        var random = new Random(11);
        var alphabet = "0123456789 Xx<>\"'=/:.hrefa省市区县路号姓名申请人：，。\n布署http://www.";
        for (var n = 0; n < 300; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            _ = CheckBody(text);
        }
    }
}
