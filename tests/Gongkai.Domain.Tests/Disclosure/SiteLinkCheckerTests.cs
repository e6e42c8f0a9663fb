using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class SiteLinkCheckerTests
{
    private readonly SiteLinkChecker _checker = new(["www.lanling.gov.cn", "lanling.gov.cn"], ["/gk/a", "/files/x.pdf", "/"]);

    [Theory]
    [InlineData("/gk/a", LinkStatus.Resolves)]
    [InlineData("/gk/a/", LinkStatus.Resolves)]
    [InlineData("/gk/a?x=1#top", LinkStatus.Resolves)]
    [InlineData("gk/a", LinkStatus.Resolves)]
    [InlineData("https://WWW.lanling.gov.cn/files/x.pdf", LinkStatus.Resolves)]
    [InlineData("//lanling.gov.cn/gk/a", LinkStatus.Resolves)]
    [InlineData("/gk/b", LinkStatus.Broken)]
    [InlineData("http://lanling.gov.cn/nothing", LinkStatus.Broken)]
    [InlineData("https://www.gov.cn/", LinkStatus.UncheckedExternal)]
    [InlineData("ftp://lanling.gov.cn/x", LinkStatus.UncheckedExternal)]
    public void Check(string link, LinkStatus expected) => Assert.Equal(expected, _checker.Check(link));
}
