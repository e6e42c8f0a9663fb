using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// 账号管理: administrators create accounts, change roles, disable and enable them and reset
/// passwords, within their agency and the agencies below it; every step is audited, no password is.
/// </summary>
public sealed partial class AdminUsersTests
{
    /// <summary>Sessions are checked against the account on every request, so a reset or a disabled account ends them at once.</summary>
    private static readonly Dictionary<string, string?> s_recheckEveryRequest = new() { ["Gongkai:Identity:SessionRecheckSeconds"] = "0" };

    [DatabaseTheory]
    public async Task Create_ShowsThePasswordOnce_AndTheNewAccountSignsIn(Db db)
    {
        await using var app = new GongkaiApp(db);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var healthId = await AgencyIdAsync(app, "LLWJ");

        var response = await admin.PostFormAsync("/Admin/Users/New", NewAccount("llwj.zhangsan", "张三", healthId, "officer"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("账号已创建", html);
        Assert.Contains("只显示这一次", html);
        var password = PasswordOf(html);
        Assert.True(password.Length >= 16, password);

        // The list shows it; the page never shows the password again.
        var list = await admin.Http.GetStringAsync("/Admin/Users");
        Assert.Contains("llwj.zhangsan", list);
        Assert.Contains("张三", list);
        Assert.DoesNotContain(password, list);
        var id = await app.UserIdAsync("llwj.zhangsan");
        var page = await admin.Http.GetStringAsync($"/Admin/Users/{id}");
        Assert.Contains("经办人员", page);
        Assert.Contains("正常", page);
        Assert.DoesNotContain(password, page);

        // The new officer signs in with it and lands on the desk.
        var officer = StaffClient.Anonymous(app);
        var login = await officer.LoginAsync("llwj.zhangsan", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/Office")).StatusCode);
        Assert.Contains("张三", await officer.Http.GetStringAsync("/Office"));

        var (audit, hash) = await app.WithDbAsync(async d => (
            await d.AuditEntries.Where(a => a.EntityType == "user").ToListAsync(),
            await d.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
        var entry = Assert.Single(audit);
        Assert.Equal(("user.create", id, DemoUsers.HealthAdmin, healthId), (entry.Action, entry.EntityId, entry.UserName, entry.AgencyId));
        Assert.Contains("llwj.zhangsan", entry.Detail);
        Assert.DoesNotContain(password, entry.Detail);
        Assert.NotEqual(password, hash);
    }

    [DatabaseTheory]
    public async Task RoleChange_OfficerMadeApprover_CanExtend(Db db)
    {
        await using var app = new GongkaiApp(db, settings: s_recheckEveryRequest);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var caseId = await Cases.RegisterAsync(officer);
        var today = TestDates.TodayText;
        var extension = new Dictionary<string, string> { ["version"] = "0", ["date"] = today, ["days"] = "20", ["reason"] = "需要检索多个年度的档案" };
        Assert.Equal("denied", AuthorizationMatrixTests.Classify(await officer.PostFormAsync($"/Office/Case/{caseId}", extension, $"/Office/Case/{caseId}?handler=Extend")));

        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var id = await app.UserIdAsync(DemoUsers.HealthOfficer);
        var changed = await admin.PostFormAsync($"/Admin/Users/{id}", new() { ["role"] = "approver" }, $"/Admin/Users/{id}?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var page = await admin.Http.GetStringAsync($"/Admin/Users/{id}");
        Assert.Contains("已将 llwj.officer 的角色改为审批人员", page);
        Assert.Matches("id=\"account-role\">审批人员<", page);

        // The same session now carries the new role (and only that one).
        var done = await officer.PostFormAsync($"/Office/Case/{caseId}", extension, $"/Office/Case/{caseId}?handler=Extend");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var roles = await app.WithDbAsync(d => (from ur in d.UserRoles join r in d.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync());
        Assert.Equal(["approver"], roles);

        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == id).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("user.role", entry.Action);
        Assert.Equal("llwj.officer 经办人员 → 审批人员", entry.Detail);

        // Not a role: refused beside the field, nothing changed.
        var refused = await admin.PostFormAsync($"/Admin/Users/{id}", new() { ["role"] = "root" }, $"/Admin/Users/{id}?handler=Role");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"Role-error\">请选择经办人员、审批人员、监督人员或系统管理员之一<", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityId == id)));
    }

    [DatabaseTheory]
    public async Task Disabled_CannotSignIn_AndLosesItsSession_EnabledCan(Db db)
    {
        await using var app = new GongkaiApp(db, settings: s_recheckEveryRequest);
        var session = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var id = await app.UserIdAsync(DemoUsers.HealthApprover);

        var disabled = await admin.PostFormAsync($"/Admin/Users/{id}", [], $"/Admin/Users/{id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Matches("id=\"account-status\">已停用<", await admin.Http.GetStringAsync($"/Admin/Users/{id}"));
        Assert.Contains("已停用", await admin.Http.GetStringAsync("/Admin/Users"));

        Assert.Equal("login", AuthorizationMatrixTests.Classify(await session.Http.GetAsync("/Office")));
        var refused = await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthApprover, GongkaiApp.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // The same message as for a wrong password: the sign-in page does not tell which accounts exist (issue 13).
        Assert.Contains(Pages.Account.LoginModel.Refused, await refused.Content.ReadAsStringAsync());

        var enabled = await admin.PostFormAsync($"/Admin/Users/{id}", [], $"/Admin/Users/{id}?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Matches("id=\"account-status\">正常<", await admin.Http.GetStringAsync($"/Admin/Users/{id}"));
        var again = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/Office")).StatusCode);

        var actions = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["user.disable", "user.enable"], actions);
    }

    [Fact]
    public async Task LockedOutAfterFailedSignIns_ShownAsLocked_AdminEndsTheLockout()
    {
        // Failures from several addresses lock the account; here one test client stands for them all.
        await using var app = new GongkaiApp(settings: new Dictionary<string, string?> { ["Gongkai:Identity:LockoutFailures"] = "5", ["Gongkai:Identity:FailuresPerAddress"] = "100" });
        var anonymous = StaffClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            await anonymous.LoginAsync(DemoUsers.HealthOfficer, "wrong-password-1");
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password)).StatusCode);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var id = await app.UserIdAsync(DemoUsers.HealthOfficer);
        var page = await admin.Http.GetStringAsync($"/Admin/Users/{id}");
        Assert.Matches("id=\"account-status\">已锁定<", page);
        Assert.Contains("解除锁定", page);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/{id}", [], $"/Admin/Users/{id}?handler=Enable")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password)).StatusCode);
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == id).ToListAsync()));
        Assert.Equal(("user.enable", "llwj.officer 解除锁定"), (entry.Action, entry.Detail));
    }

    [DatabaseTheory]
    public async Task ResetPassword_OldFails_NewWorks_OldSessionRefused(Db db)
    {
        await using var app = new GongkaiApp(db, settings: s_recheckEveryRequest);
        var oldSession = await StaffClient.CreateAsync(app, DemoUsers.LandOfficer);
        Assert.Equal(HttpStatusCode.OK, (await oldSession.Http.GetAsync("/Office")).StatusCode);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.CountyAdmin);
        var id = await app.UserIdAsync(DemoUsers.LandOfficer);

        var response = await admin.PostFormAsync($"/Admin/Users/{id}", [], $"/Admin/Users/{id}?handler=Reset");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var password = PasswordOf(await response.Content.ReadAsStringAsync());
        Assert.NotEqual(GongkaiApp.Password, password);

        Assert.Equal("login", AuthorizationMatrixTests.Classify(await oldSession.Http.GetAsync("/Office")));
        Assert.Equal(HttpStatusCode.OK, (await StaffClient.Anonymous(app).LoginAsync(DemoUsers.LandOfficer, GongkaiApp.Password)).StatusCode);
        var fresh = await StaffClient.CreateAsync(app, DemoUsers.LandOfficer, password);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/Office")).StatusCode);
        Assert.DoesNotContain(password, await admin.Http.GetStringAsync($"/Admin/Users/{id}"));

        var audit = await app.WithDbAsync(d => d.AuditEntries.ToListAsync());
        var entry = Assert.Single(audit, a => a.EntityId == id);
        Assert.Equal(("user.reset-password", DemoUsers.CountyAdmin), (entry.Action, entry.UserName));
        Assert.DoesNotContain(audit, a => (a.Detail ?? string.Empty).Contains(password, StringComparison.Ordinal));
    }

    [DatabaseTheory]
    public async Task DepartmentAdmin_CannotSeeOrTouchAnotherDepartment_CountyAdminCan(Db db)
    {
        await using var app = new GongkaiApp(db);
        var health = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var land = await app.UserIdAsync(DemoUsers.LandOfficer);
        var county = await app.UserIdAsync(DemoUsers.CountyAdmin);

        var list = await health.Http.GetStringAsync("/Admin/Users");
        Assert.Contains("llwj.officer", list);
        Assert.DoesNotContain("llzr.", list);
        Assert.DoesNotContain("llx.", list);
        var form = await health.Http.GetStringAsync("/Admin/Users/New");
        Assert.DoesNotContain("兰陵县自然资源局", form);

        foreach (var target in new[] { land, county })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await health.Http.GetAsync($"/Admin/Users/{target}")).StatusCode);
            foreach (var (handler, fields) in new (string, Dictionary<string, string>)[] { ("Role", new() { ["role"] = "admin" }), ("Disable", []), ("Enable", []), ("Reset", []) })
            {
                var post = await health.PostFormAsync("/Admin/Users", fields, $"/Admin/Users/{target}?handler={handler}");
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            }
        }

        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == "user")));

        var countyAdmin = await StaffClient.CreateAsync(app, DemoUsers.CountyAdmin);
        var all = await countyAdmin.Http.GetStringAsync("/Admin/Users");
        Assert.Contains("llzr.officer", all);
        Assert.Contains("llwj.officer", all);
        Assert.Contains("兰陵县自然资源局", await countyAdmin.Http.GetStringAsync("/Admin/Users/New"));
        Assert.Equal(HttpStatusCode.OK, (await countyAdmin.Http.GetAsync($"/Admin/Users/{land}")).StatusCode);
        var changed = await countyAdmin.PostFormAsync("/Admin/Users", new() { ["role"] = "approver" }, $"/Admin/Users/{land}?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == "user").ToListAsync()));
        Assert.Equal(await AgencyIdAsync(app, "LLZR"), entry.AgencyId);

        // The department's administrator does not see it in their audit trail; the county's does.
        Assert.DoesNotContain("user.role", await health.Http.GetStringAsync("/Admin/Audit"));
        Assert.Contains("user.role", await countyAdmin.Http.GetStringAsync("/Admin/Audit"));
    }

    [Fact]
    public async Task Admin_CannotDisableDemoteOrResetThemselves()
    {
        await using var app = new GongkaiApp();
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var self = await app.UserIdAsync(DemoUsers.HealthAdmin);

        var demote = await admin.PostFormAsync("/Admin/Users", new() { ["role"] = "officer" }, $"/Admin/Users/{self}?handler=Role");
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("不能更改自己的角色", await demote.Content.ReadAsStringAsync());
        var disable = await admin.PostFormAsync("/Admin/Users", [], $"/Admin/Users/{self}?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Matches("id=\"Status-error\">不能停用自己的账号<", await disable.Content.ReadAsStringAsync());
        var reset = await admin.PostFormAsync("/Admin/Users", [], $"/Admin/Users/{self}?handler=Reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("不能重置自己的密码", await reset.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/Admin/Users")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == "user")));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthAdmin, GongkaiApp.Password)).StatusCode);
    }

    [DatabaseTheory]
    public async Task InvalidNewAccount_ChineseMessagesBesideFields_NothingCreated(Db db)
    {
        await using var app = new GongkaiApp(db);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var land = await AgencyIdAsync(app, "LLZR");
        var health = await AgencyIdAsync(app, "LLWJ");
        var before = await app.WithDbAsync(d => d.Users.CountAsync());

        // A taken name (in other letter case), no 姓名, another department: all three at once.
        var response = await admin.PostFormAsync("/Admin/Users/New", NewAccount("LLWJ.Officer", "", land, "officer"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("提交的内容有误，未保存", html);
        Assert.Matches("id=\"Form_UserName-error\">该用户名已被使用，请换一个<", html);
        Assert.Matches("id=\"Form_DisplayName-error\">请填写姓名<", html);
        Assert.Matches("id=\"Form_AgencyId-error\">只能选择本机关或下级机关<", html);
        Assert.DoesNotContain("账号已创建", html);

        var bad = await (await admin.PostFormAsync("/Admin/Users/New", NewAccount("张三丰", "张三丰", health, "superuser"))).Content.ReadAsStringAsync();
        Assert.Matches("id=\"Form_UserName-error\">用户名只能包含英文字母、数字和点（.）<", bad);
        Assert.Matches("id=\"Form_Role-error\">请选择经办人员、审批人员、监督人员或系统管理员之一<", bad);

        Assert.Equal(before, await app.WithDbAsync(d => d.Users.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == "user")));
    }

    [Fact]
    public async Task Posts_NeedTheAntiforgeryToken_AndAnAdministrator()
    {
        await using var app = new GongkaiApp();
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var id = await app.UserIdAsync(DemoUsers.HealthOfficer);
        var health = await AgencyIdAsync(app, "LLWJ");

        var noToken = await admin.Http.PostAsync("/Admin/Users/New", new FormUrlEncodedContent(NewAccount("llwj.nobody", "无名", health, "officer")));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var noTokenReset = await admin.Http.PostAsync($"/Admin/Users/{id}?handler=Reset", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noTokenReset.StatusCode);

        // Every other role is turned away from every handler, whatever its token.
        foreach (var user in new[] { DemoUsers.HealthOfficer, DemoUsers.HealthApprover, DemoUsers.HealthSupervisor })
        {
            var other = await StaffClient.CreateAsync(app, user);
            var create = await other.PostFormAsync("/", NewAccount("llwj.nobody", "无名", health, "admin"), "/Admin/Users/New");
            Assert.Equal("denied", AuthorizationMatrixTests.Classify(create));
            var reset = await other.PostFormAsync("/", [], $"/Admin/Users/{id}?handler=Reset");
            Assert.Equal("denied", AuthorizationMatrixTests.Classify(reset));
        }

        Assert.Null(await app.WithDbAsync(d => d.Users.FirstOrDefaultAsync(u => u.UserName == "llwj.nobody")));
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == "user")));
    }

    private static Dictionary<string, string> NewAccount(string userName, string name, int agency, string role) => new()
    {
        ["Form.UserName"] = userName,
        ["Form.DisplayName"] = name,
        ["Form.AgencyId"] = agency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Role"] = role,
    };

    private static Task<int> AgencyIdAsync(GongkaiApp app, string code) =>
        app.WithDbAsync(d => d.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static string PasswordOf(string html)
    {
        var match = PasswordRegex().Match(html);
        Assert.True(match.Success, "no password shown");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<code id=\"password\">([^<]+)</code>")]
    private static partial Regex PasswordRegex();
}
