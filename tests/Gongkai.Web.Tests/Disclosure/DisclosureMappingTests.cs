using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;

namespace Gongkai.Web.Tests.Disclosure;

public sealed class DisclosureMappingTests
{
    private static readonly Actor s_officer = new("o", "王科员");
    private static readonly Actor s_reviewer = new("r", "李审查");
    private static readonly DateTimeOffset s_at = new(2025, 3, 3, 9, 30, 0, TimeSpan.FromHours(8));

    private static DisclosureItem Item(string body) => new()
    {
        Id = Guid.Parse("0b6f0d1e-5d0c-4a53-9a51-3c1f1e2d7a10"),
        Title = "关于2025年预算的公告",
        DocumentNumber = "兰卫发〔2025〕1号",
        Publisher = "兰陵县卫生健康局",
        WrittenOn = new DateOnly(2025, 3, 1),
        ChangedOn = new DateOnly(2025, 3, 2),
        Art20Number = 7,
        CatalogueCode = "art20-07",
        Validity = Validity.ExpiredOn(new DateOnly(2026, 1, 1), new DateOnly(2025, 3, 1)),
        Body = body,
        Summary = "概述",
        Attachments = [new Attachment("附件1.pdf", "application/pdf", false, "/files/1.pdf")],
        Channels = Channels.Website | Channels.WeChat,
        Kind = DocumentKind.NormativeDocument,
    };

    private static DisclosureRecord Store(DisclosureWorkflow w)
    {
        var r = new DisclosureRecord { State = "", Title = "", Publisher = "", CatalogueCode = "", ValidityStatus = "", Channels = "", Kind = "" };
        DisclosureMapping.CopyTo(w, r);
        r.Id = w.Item.Id;
        r.Steps.AddRange(w.Steps.Select(s => DisclosureMapping.ToRecord(r.Id, s)));
        return r;
    }

    [Fact]
    public async Task RoundTrip_ReviewWithAcceptedFinding_Equal()
    {
        var item = Item("电话13812345678，详见<a href=\"/gone\">链接</a>");
        var checker = new ItemChecker(WrongWordList.Default, new SiteLinkChecker([], []));
        var w = DisclosureWorkflow.Start(item, s_officer, s_at).Value;
        w = w.Submit(s_officer, await checker.CheckAsync(w.Item, new DateOnly(2025, 3, 3)), s_at.AddMinutes(1)).Value;
        var phone = w.Checks!.Findings.First(f => f.Kind == FindingKind.MobileNumber);
        w = w.AcceptFinding(s_reviewer, phone.Id, "单位公开电话", s_at.AddMinutes(2)).Value;

        var back = DisclosureMapping.ToWorkflow(Store(w));

        Assert.Equal(w.Item with { Attachments = default }, back.Item with { Attachments = default }); // ImmutableArray compares by reference
        Assert.Equal(w.Item.Attachments.AsEnumerable(), back.Item.Attachments.AsEnumerable());
        Assert.Equal(w.State, back.State);
        Assert.Equal(w.Steps.AsEnumerable(), back.Steps.AsEnumerable());
        Assert.Equal(w.Checks!.ContentFingerprint, back.Checks!.ContentFingerprint);
        Assert.Equal(w.Checks.Findings.AsEnumerable(), back.Checks.Findings.AsEnumerable());
        Assert.Equal(w.Acceptances.AsEnumerable(), back.Acceptances.AsEnumerable());
        Assert.Equal(w.OpenFindings.Select(f => f.Id), back.OpenFindings.Select(f => f.Id));
        Assert.Equal(w.Authors.Order(), back.Authors.Order());
    }

    [Fact]
    public void RoundTrip_ReturnedDraft_NoAcceptancesCarried()
    {
        var w = DisclosureWorkflow.Start(Item("正文"), s_officer, s_at).Value;
        var checks = new ItemCheckResult(w.Item.ContentFingerprint(), []);
        w = w.Submit(s_officer, checks, s_at).Value.Return(s_reviewer, "请修改", s_at).Value;
        var back = DisclosureMapping.ToWorkflow(Store(w));
        Assert.Equal(DisclosureState.Draft, back.State);
        Assert.Null(back.Checks);
        Assert.Empty(back.Acceptances);
    }

    [Fact]
    public void PublicPath_KeepsSlash_EscapesTheRest() =>
        Assert.Equal("/gk/11371324MB2858127M/2025-00001", DisclosureMapping.PublicPath("11371324MB2858127M/2025-00001"));
}
