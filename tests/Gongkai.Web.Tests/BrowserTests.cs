using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>What a person does, in headless Chromium against the app on a real port.</summary>
[Collection("browser")]
public sealed partial class BrowserTests
{
    [DatabaseTheory]
    public async Task Officer_RegistersSupplementsExtendsDecides_DashboardAndTablesFollow(Db db)
    {
        await using var session = await BrowserSession.StartAsync(db: db, casesPerAgency: 30);
        var page = await session.LoginAsync(DemoUsers.HealthApprover);

        await page.GotoAsync("/Office");
        var extendedBefore = int.Parse(await page.Locator("#count-extended").InnerTextAsync(), CultureInfo.InvariantCulture);
        await page.GotoAsync("/Office/Statistics");
        var receivedBefore = await NewReceivedTotalAsync(page);

        await page.GotoAsync("/Office/Register");
        await page.GetByLabel("申请人姓名/名称").FillAsync("浏览器测试申请人");
        await page.GetByLabel("证件号码").FillAsync("371324199001011231");
        await page.GetByLabel("联系电话").FillAsync("13900001111");
        await page.GetByLabel("所需政府信息的名称、文号或特征性描述").FillAsync("2025年度医疗卫生专项资金分配文件");
        await BrowserSession.ScreenshotAsync(page, "register");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Office/Case/"), new() { Timeout = 90_000 });
        Assert.Equal("办理中", await page.Locator("#case-state").InnerTextAsync());

        await page.FillAsync("#sup-items", "请写明所需文件的文号或形成时间");
        await page.ClickAsync("#form-supplement button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("待补正");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记收到补正" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("办理中");

        await page.FillAsync("#ex-reason", "需要向多个科室调取档案");
        await page.ClickAsync("#form-extend button[type=submit]");
        await Assertions.Expect(page.Locator("#deadline-steps")).ToContainTextAsync("延长答复期限20个工作日");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载延期答复告知书（DOCX）" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);

        await page.GotoAsync("/Office");
        Assert.Equal(extendedBefore + 1, int.Parse(await page.Locator("#count-extended").InnerTextAsync(), CultureInfo.InvariantCulture));
        await BrowserSession.ScreenshotAsync(page, "dashboard");

        await page.GotoAsync("/Office/Cases?q=浏览器测试申请人");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = TrackingRegex() }).First.ClickAsync();
        await page.SelectOptionAsync("#de-outcome", "Granted");
        await page.ClickAsync("#form-decide button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("已答复");
        await BrowserSession.ScreenshotAsync(page, "case");

        await page.GotoAsync("/Office/Statistics");
        Assert.Equal(receivedBefore + 1, await NewReceivedTotalAsync(page));
        await BrowserSession.ScreenshotAsync(page, "statistics");
    }

    [DatabaseTheory]
    public async Task Citizen_AppliesOnPortal_AndTracksIt_OtherAgencyIsRefused(Db db)
    {
        await using var session = await BrowserSession.StartAsync(db: db);
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Portal/Apply");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Form_ApplicantName-error")).ToHaveTextAsync("请填写申请人姓名或名称");
        await BrowserSession.ScreenshotAsync(page, "portal-apply-errors");

        await page.SelectOptionAsync("#AgencyId", new SelectOptionValue { Label = "兰陵县卫生健康局" });
        await page.GetByLabel("申请人姓名/名称").FillAsync("王公开");
        await page.GetByLabel("证件号码").FillAsync("371324199202021233");
        await page.GetByLabel("电子邮箱").FillAsync("wang@example.com");
        await page.GetByLabel("所需政府信息的名称、文号或特征性描述").FillAsync("家庭医生签约服务考核结果");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var number = await page.Locator("#tracking-number").InnerTextAsync();
        Assert.Matches("^LLWJ-\\d{4}-[0-9A-Z]{8}$", number);

        var other = await session.NewPageAsync();
        await other.GotoAsync("/Portal/Track");
        await other.GetByLabel("查询编号").FillAsync(number);
        await other.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(other.Locator("#track-state")).ToHaveTextAsync("待确认受理");
        await BrowserSession.ScreenshotAsync(other, "portal-track");

        // An officer of 卫生健康局 sees it; an officer of 自然资源局 opening the same case is refused.
        var health = await session.LoginAsync(DemoUsers.HealthOfficer);
        await health.GotoAsync("/Office");
        await health.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        var url = health.Url;
        var land = await session.LoginAsync(DemoUsers.LandOfficer);
        var response = await land.GotoAsync(url);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(land.Locator("h1")).ToHaveTextAsync("页面不存在");
    }

    /// <summary>
    /// 账号管理 from end to end: the administrator creates an account (the password is shown once), the
    /// new member of staff signs in; the administrator disables the account (its open session ends at
    /// once), enables it, and resets its password (the old one no longer works, the new one does).
    /// </summary>
    [DatabaseTheory]
    public async Task Admin_CreatesDisablesEnablesResets_TheStaffSessionFollows(Db db)
    {
        await using var session = await BrowserSession.StartAsync(db: db, settings: new Dictionary<string, string?> { ["Gongkai:Identity:SessionRecheckSeconds"] = "0" });
        var admin = await session.LoginAsync(DemoUsers.HealthAdmin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "账号管理" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("账号管理");
        await BrowserSession.ScreenshotAsync(admin, "admin-users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "新建账号" }).ClickAsync();

        // Nothing filled in: the messages appear beside the fields.
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#Form_UserName-error")).ToHaveTextAsync("请填写用户名");
        await Assertions.Expect(admin.Locator("#Form_DisplayName-error")).ToHaveTextAsync("请填写姓名");
        await BrowserSession.ScreenshotAsync(admin, "admin-user-new");

        await admin.GetByLabel("用户名", new() { Exact = true }).FillAsync("llwj.lisi");
        await admin.GetByLabel("姓名", new() { Exact = true }).FillAsync("李四");
        await admin.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync("approver");
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("账号已创建");
        var password = await admin.Locator("#password").InnerTextAsync();
        await BrowserSession.ScreenshotAsync(admin, "admin-user-created");

        var staff = await SignInAsync(session, "llwj.lisi", password);
        await Assertions.Expect(staff.Locator("header.site .account")).ToContainTextAsync("李四");

        // The list links to the account; the password is never shown again.
        await admin.GetByRole(AriaRole.Link, new() { Name = "账号管理" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "llwj.lisi" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#account-status")).ToHaveTextAsync("正常");
        Assert.DoesNotContain(password, await admin.ContentAsync());
        await BrowserSession.ScreenshotAsync(admin, "admin-user");

        // 停用: the open session ends at its next request, and signing in is refused.
        await admin.GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#account-status")).ToHaveTextAsync("已停用");
        await staff.ReloadAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("工作人员登录");
        await staff.GetByLabel("用户名").FillAsync("llwj.lisi");
        await staff.GetByLabel("密码").FillAsync(password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await BrowserSession.ScreenshotAsync(staff, "login-refused");

        // 启用: the same password works again.
        await admin.GetByRole(AriaRole.Button, new() { Name = "启用", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#account-status")).ToHaveTextAsync("正常");
        staff = await SignInAsync(session, "llwj.lisi", password);

        // 重置密码: a new password, shown once; the session ends, the old password fails, the new one works.
        await admin.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        var reset = await admin.Locator("#password").InnerTextAsync();
        Assert.NotEqual(password, reset);
        await BrowserSession.ScreenshotAsync(admin, "admin-user-reset");
        await staff.ReloadAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("工作人员登录");
        await staff.GetByLabel("用户名").FillAsync("llwj.lisi");
        await staff.GetByLabel("密码").FillAsync(password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        staff = await SignInAsync(session, "llwj.lisi", reset);
        await Assertions.Expect(staff.Locator("header.site .account")).ToContainTextAsync("李四");

        // 退出: the session ends.
        await staff.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await staff.GotoAsync("/Office");
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("工作人员登录");
    }

    private static async Task<IPage> SignInAsync(BrowserSession session, string user, string password)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Office$"), new() { Timeout = 90_000 });
        return page;
    }

    [Fact]
    public async Task MainPages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        await using var session = await BrowserSession.StartAsync(casesPerAgency: 20);
        var failures = new List<string>();

        async Task Check(IPage page, string path, string? screenshot = null)
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe();
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                failures.Add($"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
            }

            if (screenshot is not null)
            {
                await BrowserSession.ScreenshotAsync(page, screenshot);
            }
        }

        var anon = await session.NewPageAsync();
        await Check(anon, "/", "home");
        await Check(anon, "/Portal/Guide", "portal-guide");
        await Check(anon, "/Portal/Apply", "portal-apply");
        await Check(anon, "/Portal/Track");
        await Check(anon, "/Portal/Reports");
        await Check(anon, "/Portal/Deadline?received=2026-09-28", "portal-deadline");
        await Check(anon, "/Account/Login", "login");

        var officer = await session.LoginAsync(DemoUsers.HealthApprover);
        await Check(officer, "/Office");
        await Check(officer, "/Office/Register");
        await Check(officer, "/Office/Cases", "cases");
        await Check(officer, "/Office/Statistics");
        await Check(officer, "/Office/Reviews", "reviews");
        await Check(officer, "/Reports/Upload");
        await officer.GotoAsync("/Office/Cases");
        await officer.GetByRole(AriaRole.Link, new() { NameRegex = TrackingRegex() }).First.ClickAsync();
        await Check(officer, new Uri(officer.Url).PathAndQuery);

        var supervisor = await session.LoginAsync(DemoUsers.CountySupervisor);
        await Check(supervisor, "/Supervisor", "supervisor");

        var admin = await session.LoginAsync(DemoUsers.CountyAdmin);
        await Check(admin, "/Admin/Users", "admin-users");
        await Check(admin, "/Admin/Users/New");
        await admin.GotoAsync("/Admin/Users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "llwj.officer", Exact = true }).ClickAsync();
        await Check(admin, new Uri(admin.Url).PathAndQuery, "admin-user");

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<int> NewReceivedTotalAsync(IPage page)
    {
        var row = page.Locator("#year-tables tr").Filter(new() { HasText = "本年新收" }).First;
        return int.Parse(await row.Locator("td").Last.InnerTextAsync(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^LLWJ-")]
    private static partial Regex TrackingRegex();
}
