using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

internal static class TestData
{
    public static readonly UnifiedSocialCreditCode Agency = UnifiedSocialCreditCode.Parse("11341702486344515H");

    public static readonly Actor Officer = new("u-officer", "王科员");
    public static readonly Actor Secrecy = new("u-secrecy", "李审查");
    public static readonly Actor Legality = new("u-legality", "赵法制");

    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static DisclosureItem Item(string body = "为贯彻落实有关部署，现将有关事项通知如下。", string title = "关于做好2025年政务公开工作的通知") => new()
    {
        Id = Guid.Parse("6f2c1a52-8f4e-4b8e-9b1c-1f7a3c2d9e01"),
        Title = title,
        DocumentNumber = "兰卫发〔2025〕3号",
        Publisher = "兰陵县卫生健康局",
        WrittenOn = new DateOnly(2025, 2, 28),
        Art20Number = 1,
        CatalogueCode = "art20-01/gfxwj",
        Body = body,
        Kind = DocumentKind.NormativeDocument,
        Channels = Channels.Website | Channels.WeChat,
    };

    public static ItemChecker Checker(params string[] knownPaths) =>
        new(WrongWordList.Default, new SiteLinkChecker(["www.lanling.gov.cn"], knownPaths));

    public static ItemCheckResult Check(DisclosureItem item, params string[] knownPaths) =>
        Checker(knownPaths).CheckAsync(item, new DateOnly(2025, 3, 3)).AsTask().GetAwaiter().GetResult();
}

