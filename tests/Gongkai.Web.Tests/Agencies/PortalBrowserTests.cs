using System.Text.RegularExpressions;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>
/// The public portal as a visitor uses it, by clicking its navigation, and an administrator editing the
/// 指南 that the portal then shows. Screenshots: docs/screenshots/web-portal-*.png and web-admin-agency*.png.
/// </summary>
[Collection("browser")]
public sealed partial class PortalBrowserTests
{
    [DatabaseTheory]
    public async Task Visitor_ClicksThroughThePortal_GuideCatalogueReportsPdf_AdminEditsGuide(Db db)
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        await using var session = await BrowserSession.StartAsync(db: db, casesPerAgency: 12);
        var year = Gongkai.Domain.Calendar.ChinaTime.Today(TimeProvider.System).Year - 1;
        var page = await session.NewPageAsync();
        var nav = page.Locator("#portal-nav");

        // The front page: the agency's name, its own navigation and no staff links.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#site-agency")).ToHaveTextAsync("兰陵县人民政府");
        await Assertions.Expect(page.Locator("#front-items li")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#front-reports")).ToContainTextAsync($"兰陵县卫生健康局{year}年政府信息公开工作年度报告");
        Assert.Equal(0, await page.Locator("a[href^='/Office'], a[href^='/Admin'], a[href^='/Workspace']").CountAsync());
        await BrowserSession.ScreenshotAsync(page, "portal-home");

        // 指南: contacts and the agency's text.
        await nav.GetByRole(AriaRole.Link, new() { Name = "指南", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("兰陵县人民政府政府信息公开指南");
        await Assertions.Expect(page.Locator("#guide-office")).ToHaveTextAsync("兰陵县人民政府办公室政务公开科");
        await Assertions.Expect(nav.Locator("a[aria-current=page]")).ToHaveTextAsync("指南");
        await BrowserSession.ScreenshotAsync(page, "portal-guide");

        // 目录: one agency's items, then a search that finds a seeded item.
        await nav.GetByRole(AriaRole.Link, new() { Name = "目录", Exact = true }).ClickAsync();
        await page.GetByLabel("发布机关").SelectOptionAsync(new SelectOptionValue { Label = "兰陵县自然资源局" });
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#catalogue-total")).ToContainTextAsync("共 3 条");
        var publishers = await page.Locator("#catalogue tbody tr td:nth-child(4)").AllInnerTextsAsync();
        Assert.All(publishers, p => Assert.Equal("兰陵县自然资源局", p));
        await page.GetByLabel("发布机关").SelectOptionAsync(new SelectOptionValue { Label = "全部" });
        await page.GetByLabel("关键词").FillAsync("基本公共卫生 补助资金");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#catalogue-total")).ToContainTextAsync("共 1 条");
        await BrowserSession.ScreenshotAsync(page, "portal-catalogue");
        await page.Locator("#catalogue tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("基本公共卫生服务项目补助资金分配情况");
        await Assertions.Expect(nav.Locator("a[aria-current=page]")).ToHaveTextAsync("目录");

        // 年度报告 → the report page with 发布日期, 索引号 and downloads; the PDF through its link.
        await nav.GetByRole(AriaRole.Link, new() { Name = "年度报告", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"兰陵县卫生健康局{year}年政府信息公开工作年度报告" }).ClickAsync();
        await Assertions.Expect(page.Locator("#published-on")).ToHaveTextAsync(PublishedOnRegex());
        await Assertions.Expect(page.Locator("#index-number")).ToContainTextAsync("11371324MB2858127M");
        await Assertions.Expect(page.Locator("#portal-nav")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "portal-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#downloads").GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));

        // The county administrator changes the 卫生健康局's guide; the portal shows it at once.
        var admin = await session.LoginAsync(DemoUsers.CountyAdmin);
        await admin.GotoAsync("/");
        Assert.Equal(0, await admin.Locator("#staff-nav a[href^='/Portal/']").CountAsync());
        await admin.Locator("#staff-nav").GetByRole(AriaRole.Link, new() { Name = "机关设置" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(admin, "admin-agencies");
        await admin.Locator("#agency-tree").GetByRole(AriaRole.Link, new() { Name = "兰陵县卫生健康局" }).ClickAsync();
        await admin.GetByLabel("指南正文").FillAsync("一、工作机构\n本局政务公开办公室每周三下午接待现场查阅。\n二、依申请公开\n请在门户网站在线提交申请。");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存指南" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToContainTextAsync("已保存公开指南");
        await Assertions.Expect(admin.Locator("#agency-history")).ToContainTextAsync("修改公开指南");
        await BrowserSession.ScreenshotAsync(admin, "admin-agency");
        await admin.GetByRole(AriaRole.Link, new() { Name = "查看门户网站上的指南" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("兰陵县卫生健康局政府信息公开指南");
        await Assertions.Expect(admin.Locator("#guide-text h2").First).ToHaveTextAsync("一、工作机构");
        await Assertions.Expect(admin.Locator("#guide-text")).ToContainTextAsync("每周三下午接待现场查阅");

        // A visitor sees the same.
        await page.GotoAsync("/Portal");
        await nav.GetByRole(AriaRole.Link, new() { Name = "指南", Exact = true }).ClickAsync();
        await page.GetByLabel("选择机关").SelectOptionAsync(new SelectOptionValue { Label = "兰陵县卫生健康局" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("#guide-text")).ToContainTextAsync("每周三下午接待现场查阅");
    }

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex PublishedOnRegex();
}
