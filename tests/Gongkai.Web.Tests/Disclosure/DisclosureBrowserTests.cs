using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Disclosure;

/// <summary>
/// Proactive disclosure as people do it, in headless Chromium against the app on Kestrel: an officer
/// drafts an item with a 身份证号 and a dead link, the reviewer sees both flagged, publication is refused
/// while they are open, the officer removes the number, the reviewer accepts the link with a reason and
/// publishes, and the item is found in the public 目录 by a Chinese full-text search under its 索引号.
/// </summary>
[Collection("browser")]
public sealed class DisclosureBrowserTests
{
    private const string Title = "关于公布2025年基本公共卫生服务项目补助资金分配情况的通知";

    /// <summary>Serious or critical axe-core violations on the page as it is now.</summary>
    private static async Task<List<string>> AccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }

    [Fact]
    public async Task DraftReviewPublish_PersonalDataAndDeadLink_BlockUntilResolvedThenFoundInCatalogue()
    {
        await using var session = await BrowserSession.StartAsync();

        // The officer drafts the item and submits it.
        var officer = await session.LoginAsync(DemoUsers.HealthOfficer);
        await officer.GotoAsync("/Disclosure/Edit");
        var editProblems = await AccessibilityProblemsAsync(officer);
        await officer.FillAsync("#Input_Title", Title);
        await officer.FillAsync("#Input_DocumentNumber", "兰卫发〔2025〕12号");
        await officer.SelectOptionAsync("#Input_Art20Number", "11");
        await officer.FillAsync("#Input_Body",
            "各乡镇卫生院：\n现将2025年基本公共卫生服务项目补助资金分配情况予以公布。\n经办人：张三，身份证号371324198506150013。\n"
            + "分配办法详见<a href=\"/zwgk/2019/old-notice.html\">原通知</a>。");
        await officer.ClickAsync("button:has-text('保存并提交审查')");
        await officer.WaitForURLAsync(new Regex("/Disclosure/Review"));
        var reviewUrl = officer.Url;
        Assert.Equal("保密审查中", await officer.InnerTextAsync("#state"));

        // The reviewer sees both problems flagged, with position and suggestion.
        var reviewer = await session.LoginAsync(DemoUsers.HealthApprover);
        await reviewer.GotoAsync(reviewUrl);
        var id = reviewer.Locator("#findings tr[data-kind=IdNumber]");
        var link = reviewer.Locator("#findings tr[data-kind=DeadLink]");
        Assert.Equal(1, await id.CountAsync());
        Assert.Equal(1, await link.CountAsync());
        await BrowserSession.ScreenshotAsync(reviewer, "disclosure-review-findings");
        var accessibility = await AccessibilityProblemsAsync(reviewer);
        Assert.Contains("371324198506150013", await id.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("正文第3行", await id.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("/zwgk/2019/old-notice.html", await link.InnerTextAsync(), StringComparison.Ordinal);

        // Secrecy review passes, but approval is refused while the findings are open; no publish button.
        await reviewer.ClickAsync("button:has-text('保密审查通过')");
        Assert.Equal("合法性审查中", await reviewer.InnerTextAsync("#state"));
        await reviewer.ClickAsync("button:has-text('合法性审查通过')");
        Assert.Contains("未处理的检查问题", await reviewer.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Equal(0, await reviewer.Locator("button:has-text('发布')").CountAsync());

        // The reviewer returns it; the officer removes the ID number and resubmits.
        await reviewer.FillAsync("form:has(button:has-text('退回修改')) input[name=comment]", "请删除经办人身份证号");
        await reviewer.ClickAsync("button:has-text('退回修改')");
        Assert.Equal("草稿", await reviewer.InnerTextAsync("#state"));

        await officer.GotoAsync(reviewUrl);
        await officer.ClickAsync("a:has-text('修改草稿')");
        var body = await officer.InputValueAsync("#Input_Body");
        await officer.FillAsync("#Input_Body", body.Replace("，身份证号371324198506150013", "", StringComparison.Ordinal));
        await officer.ClickAsync("button:has-text('保存并提交审查')");
        await officer.WaitForURLAsync(new Regex("/Disclosure/Review"));

        // Only the link is left; the reviewer accepts it with a reason, and both reviews pass.
        await reviewer.GotoAsync(reviewUrl);
        Assert.Equal(0, await reviewer.Locator("#findings tr[data-kind=IdNumber]").CountAsync());
        await reviewer.FillAsync("#findings tr[data-kind=DeadLink] input[name=reason]", "原通知已移至档案库，链接保留供查考");
        await reviewer.ClickAsync("#findings tr[data-kind=DeadLink] button");
        Assert.Contains("已接受：原通知已移至档案库", await reviewer.InnerTextAsync("#findings tr[data-kind=DeadLink]"), StringComparison.Ordinal);
        await reviewer.ClickAsync("button:has-text('保密审查通过')");
        await reviewer.ClickAsync("button:has-text('合法性审查通过')");
        Assert.Equal("已审核待发布", await reviewer.InnerTextAsync("#state"));
        await reviewer.ClickAsync("button:has-text('发布')");
        Assert.Equal("已发布", await reviewer.InnerTextAsync("#state"));
        var indexNumber = (await reviewer.InnerTextAsync("#index-number")).Trim();
        Assert.Matches(@"^11371324MB2858127M/\d{4}-00001$", indexNumber);

        // The public finds it by a Chinese search without word spaces, under its 索引号.
        var visitor = await session.NewPageAsync();
        await visitor.GotoAsync("/Portal/Catalogue");
        await visitor.FillAsync("input[name=q]", "补助资金分配");
        await visitor.ClickAsync("button:has-text('检索')");
        var row = visitor.Locator("#catalogue tbody tr");
        Assert.Equal(1, await row.CountAsync());
        await BrowserSession.ScreenshotAsync(visitor, "disclosure-catalogue-search");
        accessibility.AddRange(await AccessibilityProblemsAsync(visitor));
        Assert.Equal(indexNumber, (await row.Locator(".index-number").InnerTextAsync()).Trim());

        await visitor.FillAsync("input[name=q]", "财政预算");
        await visitor.ClickAsync("button:has-text('检索')");
        Assert.Equal(0, await visitor.Locator("#catalogue tbody tr").CountAsync());

        await visitor.GotoAsync("/Portal/Catalogue?q=" + Uri.EscapeDataString("公共卫生 补助资金"));
        await visitor.ClickAsync($"#catalogue a:has-text('{Title}')");
        Assert.EndsWith("/gk/" + indexNumber, visitor.Url, StringComparison.Ordinal);
        Assert.Equal(indexNumber, (await visitor.InnerTextAsync("#index-number")).Trim());
        await BrowserSession.ScreenshotAsync(visitor, "disclosure-public-item");
        accessibility.AddRange(await AccessibilityProblemsAsync(visitor));
        accessibility.AddRange(editProblems);
        Assert.True(accessibility.Count == 0, string.Join("\n", accessibility));
        Assert.DoesNotContain("371324198506150013", await visitor.ContentAsync(), StringComparison.Ordinal);
    }
}
