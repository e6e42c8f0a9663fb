using System.Security.Cryptography;
using Deque.AxeCore.Playwright;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Disclosure;

/// <summary>
/// 主动公开 as people do it, in headless Chromium against the app on Kestrel, every step by clicking:
/// the officer drafts an item with a 身份证号 in the text and an uploaded PDF and submits it (and cannot
/// review it); the approver finds the personal data flagged, is refused without a reason, records one
/// and passes 保密审查 (and then may not do 合法性审查 too); the 法制审核员 passes 合法性审查; the item is
/// published; an anonymous visitor finds it in the 目录 by a Chinese search and downloads the attachment.
/// Deterministic: every step waits for the element or text it needs (Playwright's auto-waiting
/// assertions), never for network idle or a fixed time.
/// </summary>
[Collection("browser")]
public sealed class DisclosureBrowserTests
{
    private const string Title = "关于公布2025年基本公共卫生服务项目补助资金分配情况的通知";
    private const string IdNumber = "371324198506150013";

    /// <summary>Serious or critical axe-core violations on the page as it is now.</summary>
    private static async Task<List<string>> AccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }

    /// <summary>Opens the item from the desk's list by clicking its title, and waits for its review page.</summary>
    private static async Task OpenFromDeskAsync(IPage page)
    {
        await page.GotoAsync("/Disclosure");
        await page.Locator("#items").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Title);
    }

    [DatabaseTheory]
    public async Task DraftSecrecyLegalityPublish_TwoReviewersWithReason_FoundInCatalogueAndDownloaded(Db db)
    {
        await using var session = await BrowserSession.StartAsync(db: db);
        var accessibility = new List<string>();
        var pdf = TestFiles.Pdf();

        // The officer drafts the item with an uploaded attachment, by clicking, and submits it.
        var officer = await session.LoginAsync(DemoUsers.HealthOfficer);
        await officer.GotoAsync("/Disclosure");
        await officer.GetByRole(AriaRole.Link, new() { Name = "新建信息" }).ClickAsync();
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("新建主动公开信息");
        accessibility.AddRange(await AccessibilityProblemsAsync(officer));
        await officer.FillAsync("#Input_Title", Title);
        await officer.FillAsync("#Input_DocumentNumber", "兰卫发〔2025〕12号");
        await officer.SelectOptionAsync("#Input_Art20Number", "11");
        await officer.FillAsync("#Input_Body",
            $"各乡镇卫生院：\n现将2025年基本公共卫生服务项目补助资金分配情况予以公布。\n经办人：张三，身份证号{IdNumber}。\n分配表见附件。");
        await officer.GetByLabel("上传附件").SetInputFilesAsync(new FilePayload { Name = "补助资金分配表.pdf", MimeType = "application/pdf", Buffer = pdf });
        await BrowserSession.ScreenshotAsync(officer, "disclosure-draft");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存并提交审查" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#state")).ToHaveTextAsync("保密审查中");

        // The drafter cannot review their own item: no review button, a note saying why.
        await Assertions.Expect(officer.Locator("#own-draft-note")).ToContainTextAsync("须由其他审批人员审查");
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "保密审查通过" })).ToHaveCountAsync(0);

        // The approver sees the ID number flagged and the attachment listed.
        var approver = await session.LoginAsync(DemoUsers.HealthApprover);
        await OpenFromDeskAsync(approver);
        var idRow = approver.Locator("#findings tr[data-kind=IdNumber]");
        await Assertions.Expect(idRow).ToContainTextAsync(IdNumber);
        await Assertions.Expect(idRow).ToContainTextAsync("正文第3行");
        await Assertions.Expect(approver.GetByRole(AriaRole.Link, new() { Name = "补助资金分配表.pdf" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(approver, "disclosure-secrecy-review");
        accessibility.AddRange(await AccessibilityProblemsAsync(approver));

        // 保密审查 without a reason for the open personal data is refused, in Chinese; with one it passes.
        await approver.GetByRole(AriaRole.Button, new() { Name = "保密审查通过" }).ClickAsync();
        await Assertions.Expect(approver.Locator("#error")).ToContainTextAsync("仍有未处理的个人信息问题");
        await Assertions.Expect(approver.Locator("#state")).ToHaveTextAsync("保密审查中");
        await approver.GetByLabel("保留个人信息的理由").FillAsync("经办人身份证号经本人书面同意公开");
        await approver.GetByRole(AriaRole.Button, new() { Name = "保密审查通过" }).ClickAsync();
        await Assertions.Expect(approver.Locator("#state")).ToHaveTextAsync("合法性审查中");
        await Assertions.Expect(idRow).ToContainTextAsync("已接受：经办人身份证号经本人书面同意公开");

        // The same person may not do 合法性审查 as well.
        await Assertions.Expect(approver.Locator("#same-reviewer-note")).ToContainTextAsync("须由另一名审批人员进行");
        await Assertions.Expect(approver.GetByRole(AriaRole.Button, new() { Name = "合法性审查通过（审核）" })).ToHaveCountAsync(0);

        // The 法制审核员 passes 合法性审查 and publishes.
        var legal = await session.LoginAsync(DemoUsers.HealthLegal);
        await OpenFromDeskAsync(legal);
        await Assertions.Expect(legal.Locator("#secrecy-reviewer")).ToContainTextAsync("兰陵县卫生健康局审批人员");
        await legal.GetByRole(AriaRole.Button, new() { Name = "合法性审查通过（审核）" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#state")).ToHaveTextAsync("已审核待发布");
        await BrowserSession.ScreenshotAsync(legal, "disclosure-approved");
        await legal.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(legal.Locator("#state")).ToHaveTextAsync("已发布");
        await Assertions.Expect(legal.Locator("#index-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^11371324MB2858127M/\d{4}-00001$"));
        var indexNumber = (await legal.Locator("#index-number").InnerTextAsync()).Trim();

        // The public finds it in the 目录 by a Chinese search without word spaces, and downloads the attachment.
        var visitor = await session.NewPageAsync();
        await visitor.GotoAsync("/Portal/Catalogue");
        await visitor.Locator("input[name=q]").FillAsync("补助资金分配");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        var rows = visitor.Locator("#catalogue tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator(".index-number")).ToHaveTextAsync(indexNumber);
        await BrowserSession.ScreenshotAsync(visitor, "disclosure-catalogue-search");
        accessibility.AddRange(await AccessibilityProblemsAsync(visitor));

        await rows.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#index-number")).ToHaveTextAsync(indexNumber);
        Assert.EndsWith("/gk/" + indexNumber, visitor.Url, StringComparison.Ordinal);
        var download = await visitor.RunAndWaitForDownloadAsync(() =>
            visitor.Locator("#attachments").GetByRole(AriaRole.Link, new() { Name = "补助资金分配表.pdf" }).ClickAsync());
        Assert.Equal("补助资金分配表.pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(saved))));
        await BrowserSession.ScreenshotAsync(visitor, "disclosure-public-item");
        accessibility.AddRange(await AccessibilityProblemsAsync(visitor));
        Assert.True(accessibility.Count == 0, string.Join("\n", accessibility));
    }
}
