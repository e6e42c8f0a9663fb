using Deque.AxeCore.Playwright;
using Gongkai.Web.Notices;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Applicant;

/// <summary>An application's whole life seen from the applicant's side, in Chromium, clicking what people click.</summary>
[Collection("browser")]
public sealed class ApplicantJourneyTests
{
    private const string Email = "wang.gongkai@example.com";

    [DatabaseTheory]
    public async Task Applicant_AppliesNotesCode_OfficeSupplementsAndDecides_ApplicantTracksAndDownloadsTheDecision(Db db)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var session = await BrowserSession.StartAsync(db: db, settings: smtp.Settings);

        // The applicant applies on the portal and notes the tracking number and the 查询码 from the 回执.
        var citizen = await session.NewPageAsync();
        await citizen.GotoAsync("/Portal/Apply");
        await citizen.SelectOptionAsync("#AgencyId", new SelectOptionValue { Label = "兰陵县卫生健康局" });
        await citizen.GetByLabel("申请人姓名/名称").FillAsync("王公开");
        await citizen.GetByLabel("证件号码").FillAsync("371324199202021233");
        await citizen.GetByLabel("电子邮箱").FillAsync(Email);
        await citizen.GetByLabel("所需政府信息的名称、文号或特征性描述").FillAsync("2025年度家庭医生签约服务考核结果");
        await BrowserSession.ScreenshotAsync(citizen, "applicant-apply");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("申请回执");
        var number = await citizen.Locator("#tracking-number").InnerTextAsync();
        var code = await citizen.Locator("#access-code").InnerTextAsync();
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", code);
        await Assertions.Expect(citizen.Locator("#receipt-received")).ToContainTextAsync("以双方确认之日为收到申请之日");
        await AssertAccessibleAsync(citizen);
        await BrowserSession.ScreenshotAsync(citizen, "applicant-receipt");

        // The officer signs in, confirms receipt, asks for 补正, records it, and decides.
        var officer = await session.LoginAsync(DemoUsers.HealthOfficer);
        await officer.GotoAsync("/Office");
        await officer.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "确认受理并登记" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#case-state")).ToHaveTextAsync("办理中");
        await officer.FillAsync("#sup-items", "请写明所需考核结果所属的乡镇");
        await officer.ClickAsync("#form-supplement button[type=submit]");
        await Assertions.Expect(officer.Locator("#case-state")).ToHaveTextAsync("待补正");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记收到补正" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#case-state")).ToHaveTextAsync("办理中");
        await officer.SelectOptionAsync("#de-outcome", "Granted");
        await officer.ClickAsync("#form-decide button[type=submit]");
        await Assertions.Expect(officer.Locator("#case-state")).ToHaveTextAsync("已答复");

        // The e-mails arrive at the SMTP server: received, 补正, decision.
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NoticeSender>().SendPendingAsync();
        }

        var mails = smtp.To(Email);
        Assert.Equal(3, mails.Count);
        Assert.Contains(mails, m => m.Subject == $"兰陵县卫生健康局已收到您的政府信息公开申请（{number}）");
        Assert.Contains(mails, m => m.Subject!.StartsWith("请补正", StringComparison.Ordinal) && m.TextBody!.Contains("请写明所需考核结果所属的乡镇"));
        Assert.Contains(mails, m => m.Subject!.StartsWith("政府信息公开申请答复", StringComparison.Ordinal) && m.TextBody!.Contains("予以公开"));
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("#notices")).ToContainTextAsync("答复通知（申请人）");
        await Assertions.Expect(officer.Locator("#notices")).ToContainTextAsync("已发送");
        await BrowserSession.ScreenshotAsync(officer, "applicant-case");

        // The applicant tracks with both codes: the steps, the 补正 and the decision, and the decision letter by its link.
        var later = await session.NewPageAsync();
        await later.GotoAsync("/Portal/Track");
        await later.GetByLabel("查询编号").FillAsync(number);
        await later.GetByLabel("查询码（选填）").FillAsync(code);
        await later.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(later.Locator("#track-steps")).ToContainTextAsync("要求补正：请写明所需考核结果所属的乡镇");
        await Assertions.Expect(later.Locator("#track-steps")).ToContainTextAsync("答复：");
        await Assertions.Expect(later.Locator("#track-outcome")).ToContainTextAsync("予以公开");
        await AssertAccessibleAsync(later);
        await BrowserSession.ScreenshotAsync(later, "applicant-track");
        var download = await later.RunAndWaitForDownloadAsync(() => later.GetByRole(AriaRole.Link, new() { Name = "下载答复书（DOCX）" }).ClickAsync());
        Assert.StartsWith($"{number}-", download.SuggestedFilename);
        Assert.EndsWith("答复书.docx", download.SuggestedFilename);
        var pdf = await later.RunAndWaitForDownloadAsync(() => later.GetByRole(AriaRole.Link, new() { Name = "下载答复书（PDF）" }).ClickAsync());
        Assert.EndsWith("答复书.pdf", pdf.SuggestedFilename);

        // Without the 查询码 only the public status.
        var stranger = await session.NewPageAsync();
        await stranger.GotoAsync("/Portal/Track");
        await stranger.GetByLabel("查询编号").FillAsync(number);
        await stranger.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(stranger.Locator("#track-state")).ToHaveTextAsync("已答复");
        Assert.Equal(0, await stranger.Locator("#track-steps").CountAsync());
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
