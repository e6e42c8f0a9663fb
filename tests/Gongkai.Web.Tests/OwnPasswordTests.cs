using System.Net;
using System.Text.Encodings.Web;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>修改密码: a member of staff changes their own password; refusals are explained beside the field.</summary>
public sealed class OwnPasswordTests
{
    private const string NewPassword = "Xin-Mima-2026!";

    private static Dictionary<string, string> Form(string current, string next, string confirm) => new()
    {
        ["CurrentPassword"] = current,
        ["NewPassword"] = next,
        ["ConfirmPassword"] = confirm,
    };

    [DatabaseTheory]
    public async Task Change_RefusedWithReasons_ThenDone_OldFailsNewWorks_Audited(Db db)
    {
        await using var app = new GongkaiApp(db);
        var html = app.Services.GetRequiredService<HtmlEncoder>();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);

        async Task<string> RefusedAsync(Dictionary<string, string> form)
        {
            var response = await officer.PostFormAsync("/Account/Password", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("密码已修改", page);
            return page;
        }

        Assert.Contains(html.Encode("当前密码不正确"), await RefusedAsync(Form("Wrong-Passw0rd!", NewPassword, NewPassword)));
        Assert.Contains(html.Encode("两次输入的新密码不一致"), await RefusedAsync(Form(GongkaiApp.Password, NewPassword, NewPassword + "x")));
        Assert.Contains(html.Encode("密码至少需要 10 个字符"), await RefusedAsync(Form(GongkaiApp.Password, "Ab1!x", "Ab1!x")));
        Assert.Contains(html.Encode("请输入新密码"), await RefusedAsync(Form(GongkaiApp.Password, "", "")));
        Assert.Contains(html.Encode("新密码不能与当前密码相同"), await RefusedAsync(Form(GongkaiApp.Password, GongkaiApp.Password, GongkaiApp.Password)));
        // Nothing was changed by the refusals.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "user.change-password")));

        var done = await officer.PostFormAsync("/Account/Password", Form(GongkaiApp.Password, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("密码已修改", await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/Office")).StatusCode); // this session stays signed in

        var old = await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the form again, with its error
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthOfficer, NewPassword)).StatusCode);

        var entry = await app.WithDbAsync(d => d.AuditEntries.SingleAsync(a => a.Action == "user.change-password"));
        Assert.Equal(DemoUsers.HealthOfficer, entry.UserName);
        Assert.DoesNotContain(NewPassword, entry.Detail ?? string.Empty);
        Assert.DoesNotContain(GongkaiApp.Password, entry.Detail ?? string.Empty);
    }

    [Fact]
    public async Task Change_EndsTheAccountsOtherSessions()
    {
        await using var app = new GongkaiApp(settings: new Dictionary<string, string?> { ["Gongkai:Identity:SessionRecheckSeconds"] = "0" });
        var here = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var elsewhere = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Http.GetAsync("/Office")).StatusCode);

        var done = await here.PostFormAsync("/Account/Password", Form(GongkaiApp.Password, NewPassword, NewPassword));
        Assert.Contains("密码已修改", await done.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await here.Http.GetAsync("/Office")).StatusCode);
        var refused = await elsewhere.Http.GetAsync("/Office");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
