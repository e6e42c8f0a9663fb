using System.Diagnostics;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gongkai.Web.Tests.Crawl;

/// <summary>
/// The whole app as each demo account of each demo agency, and anonymously, sees it: signed in through
/// the login form in Chromium, every rendered link followed (bounded, see <see cref="AppCrawler"/>).
/// One assertion lists every failure of every role (page, what, where), so a run shows the whole list.
/// </summary>
[Collection("browser")]
public sealed class CrawlTests(ITestOutputHelper output)
{
    /// <summary>Every demo account: each role at 兰陵县人民政府, 卫生健康局 and 自然资源局.</summary>
    public static readonly IReadOnlyList<string> Accounts =
        [.. new[] { "llx", "llwj", "llzr" }.SelectMany(a => new[] { "officer", "approver", "supervisor", "admin" }.Select(r => $"{a}.{r}"))];

    [DatabaseTheory]
    public async Task EveryRole_FollowsEveryRenderedLink_NoErrorNoEnglishNoBrokenForm(Db db)
    {
        await using var session = await BrowserSession.StartAsync(casesPerAgency: 24, db: db);
        var routes = new RouteTable(session.App.Services);
        var failures = new List<string>();
        var axeDone = new HashSet<string>(StringComparer.Ordinal); // axe once per route for all roles
        var clock = Stopwatch.StartNew();
        foreach (var account in Accounts.Prepend(null))
        {
            var page = await session.NewPageAsync();
            if (account is not null)
            {
                await BrowserSession.LoginAsync(page, account);
            }
            else
            {
                await page.GotoAsync("/");
            }

            var crawler = new AppCrawler(page, routes, account ?? "匿名", axeDone);
            await crawler.RunAsync();
            failures.AddRange(crawler.Failures);
            if (!crawler.Routes.Contains("/portal?"))
            {
                failures.Add($"[{account ?? "匿名"}] 从首页没有到达公众门户 /Portal");
            }

            output.WriteLine($"{account ?? "anonymous"}: {crawler.Pages} pages, {clock.Elapsed.TotalSeconds:F0} s");
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} 处问题：\n" + string.Join('\n', failures));
    }
}
