using System.Text.RegularExpressions;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.AnnualReports;

/// <summary>
/// The annual report as people do it, in headless Chromium, clicking only what the pages render: two
/// departments compile or type their 2026 reports, write and check them and submit; the county
/// supervisor accepts one and returns the other, which is fixed, resubmitted, accepted and published.
/// </summary>
[Collection("browser")]
public sealed partial class AnnualReportBrowserTests
{
    /// <summary>15 June 2026, 10:00 Beijing: the demo seeds half a year of 2026 casework (and publishes the 2025 reports).</summary>
    private static readonly DateTimeOffset s_start = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    /// <summary>20 January 2027, 10:00 Beijing: 2026 has ended, and the departments' deadline (31 January) has not passed.</summary>
    private static readonly DateTimeOffset s_afterYear = new(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private static async Task OpenReportAsync(IPage page, int year)
    {
        await page.GotoAsync("/");
        await page.Locator("a[href='/Workspace']").First.ClickAsync();
        await page.GetByLabel("报告年度").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "打开或新建" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"{year}年政府信息公开工作年度报告");
    }

    private static async Task WriteAsync(IPage page, string section1)
    {
        await page.FillAsync("#Section1", section1);
        await page.FillAsync("#Section5", "依申请公开答复文书规范性有待提升，下一步将统一答复模板。");
        await page.FillAsync("#Section6", "全年收取信息处理费0元。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存正文" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]").First).ToContainTextAsync("已保存");
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "报送审核" }).ClickAsync();
        await Assertions.Expect(page.Locator("strong.status")).ToHaveTextAsync("已报送");
    }

    private static async Task OpenForReviewAsync(IPage page, string agency)
    {
        await page.GotoAsync("/");
        await page.Locator("a[href='/Workspace/Review']").First.ClickAsync();
        await page.Locator("tr:has(td:nth-child(2):text-is('2026'))").GetByRole(AriaRole.Link, new() { Name = agency, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(agency);
    }

    [DatabaseTheory]
    public async Task CompileWriteCheckSubmit_SupervisorAcceptsOneReturnsOther_BothPublishedOnPortal(Db db)
    {
        // A loaded CI machine (2 cores, several test hosts) can take seconds per page: wait for the
        // element, with room, rather than failing on the 5 s default.
        Assertions.SetDefaultExpectTimeout(30_000);
        var clock = new FakeTimeProvider(s_start);
        await using var session = await BrowserSession.StartAsync(db: db, casesPerAgency: 12, clock: clock);

        // 卫生健康局 compiles its tables from casework, writes, checks and submits.
        var health = await session.LoginAsync(DemoUsers.HealthOfficer);
        await OpenReportAsync(health, 2026);
        await health.GetByRole(AriaRole.Button, new() { Name = "生成表格" }).ClickAsync();
        await Assertions.Expect(health.Locator("strong.status")).ToHaveTextAsync("草稿");
        await WriteAsync(health, "2026年，本局全面推进政务公开工作，依法办理政府信息公开申请。");
        await Assertions.Expect(health.Locator("#checks")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(health, "annual-report-workspace");

        // Not before the year has ended (China date).
        await health.GetByRole(AriaRole.Button, new() { Name = "报送审核" }).ClickAsync();
        await Assertions.Expect(health.Locator("[role=alert]").Filter(new() { HasText = "2026年度报告须在2027年1月1日起报送" })).ToBeVisibleAsync();
        await Assertions.Expect(health.Locator("strong.status")).ToHaveTextAsync("草稿");

        clock.SetUtcNow(s_afterYear);
        health = await session.LoginAsync(DemoUsers.HealthOfficer);
        await OpenReportAsync(health, 2026);
        await SubmitAsync(health);

        // 自然资源局 types its tables by hand and submits.
        var land = await session.LoginAsync(DemoUsers.LandOfficer);
        await OpenReportAsync(land, 2026);
        await land.GetByRole(AriaRole.Button, new() { Name = "新建空白报告" }).ClickAsync();
        await WriteAsync(land, "2026年，本局收到政府信息公开申请0件。");
        await SubmitAsync(land);

        // The county supervisor accepts the first report by clicking 审核通过, and publishes it.
        var supervisor = await session.LoginAsync(DemoUsers.CountySupervisor);
        await OpenForReviewAsync(supervisor, "兰陵县卫生健康局");
        await BrowserSession.ScreenshotAsync(supervisor, "annual-report-review");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("strong.status")).ToHaveTextAsync("已审核");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "公开报告" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("strong.status")).ToHaveTextAsync("已公开");

        // The second is returned with comments by clicking 退回修改.
        await OpenForReviewAsync(supervisor, "兰陵县自然资源局");
        await supervisor.GetByLabel("审核意见（退回时必填）").FillAsync("第一部分请补充主动公开情况");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("strong.status")).ToHaveTextAsync("已退回");

        // The officer reads the comments, fixes the text and submits again.
        await OpenReportAsync(land, 2026);
        await Assertions.Expect(land.Locator(".alert.warn")).ToContainTextAsync("第一部分请补充主动公开情况");
        await WriteAsync(land, "2026年，本局收到政府信息公开申请0件，主动公开政府信息0条。");
        await SubmitAsync(land);

        await OpenForReviewAsync(supervisor, "兰陵县自然资源局");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("strong.status")).ToHaveTextAsync("已审核");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "公开报告" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("strong.status")).ToHaveTextAsync("已公开");

        // The supervisor's overview: both published on time.
        await supervisor.Locator("a[href='/Supervisor']").First.ClickAsync();
        await Assertions.Expect(supervisor.Locator("tr[data-agency=LLWJ] .standing")).ToHaveTextAsync("已公开");
        await Assertions.Expect(supervisor.Locator("tr[data-agency=LLZR] .standing")).ToHaveTextAsync("已公开");
        await BrowserSession.ScreenshotAsync(supervisor, "annual-report-supervisor");

        // The public finds it under 年度报告, with 发布日期, 索引号 and downloads.
        var citizen = await session.NewPageAsync();
        await citizen.GotoAsync("/");
        await citizen.Locator("a[href='/Portal/Reports']").First.ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "兰陵县自然资源局2026年政府信息公开工作年度报告" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#published-on")).ToHaveTextAsync("2027年1月20日");
        await Assertions.Expect(citizen.Locator("#index-number")).ToHaveTextAsync(IndexNumberRegex());
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("主动公开政府信息0条");
        await BrowserSession.ScreenshotAsync(citizen, "annual-report-portal");
        var expected = new Dictionary<string, string>
        {
            ["PDF"] = "application/pdf",
            ["DOCX"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ["JSON"] = "application/json",
            ["CSV"] = "text/csv",
        };
        foreach (var (name, type) in expected)
        {
            var href = await citizen.Locator("#downloads").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");
            var response = await citizen.APIRequest.GetAsync(href!);
            Assert.Equal(200, response.Status);
            Assert.StartsWith(type, response.Headers["content-type"], StringComparison.Ordinal);
            Assert.NotEmpty(await response.BodyAsync());
        }
    }

    [GeneratedRegex(@"^[0-9A-Z]{18}/2026-NB01$")]
    private static partial Regex IndexNumberRegex();
}
