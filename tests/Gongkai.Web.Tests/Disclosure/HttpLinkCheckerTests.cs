using System.Net;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;

namespace Gongkai.Web.Tests.Disclosure;

public sealed class HttpLinkCheckerTests
{
    /// <summary>Answers by path, never touching the network: /ok 200, /gone 404, /head-refused 405 on HEAD then 200, /slow never.</summary>
    private sealed class FakeHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/slow")
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (path == "/down")
            {
                throw new HttpRequestException("no route");
            }

            var status = path switch
            {
                "/ok" => HttpStatusCode.OK,
                "/gone" => HttpStatusCode.NotFound,
                "/head-refused" => request.Method == HttpMethod.Head ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.OK,
                _ => HttpStatusCode.InternalServerError,
            };
            return new HttpResponseMessage(status);
        }
    }

    private static readonly HttpLinkChecker s_checker = new(new SiteLinkChecker(["www.lanling.gov.cn"], ["/gk/a"]), new HttpClient(new FakeHandler()));

    [Theory]
    [InlineData("/gk/a", LinkStatus.Resolves)] // internal: the site checker answers, no HTTP
    [InlineData("/gk/b", LinkStatus.Broken)]
    [InlineData("https://www.example.gov.cn/ok", LinkStatus.Resolves)]
    [InlineData("https://www.example.gov.cn/gone", LinkStatus.Broken)]
    [InlineData("https://www.example.gov.cn/head-refused", LinkStatus.Resolves)]
    [InlineData("https://www.example.gov.cn/error", LinkStatus.UncheckedExternal)]
    [InlineData("https://www.example.gov.cn/down", LinkStatus.UncheckedExternal)]
    [InlineData("https://www.example.gov.cn/slow", LinkStatus.UncheckedExternal)]
    [InlineData("ftp://www.example.gov.cn/x", LinkStatus.UncheckedExternal)]
    public async Task Check(string link, LinkStatus expected) => Assert.Equal(expected, await s_checker.CheckAsync(link));
}
