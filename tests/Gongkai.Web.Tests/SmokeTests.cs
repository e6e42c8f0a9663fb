using System.Net;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

public sealed class SmokeTests
{
    [DatabaseTheory]
    public async Task Start_FreshDatabase_MigratesSeedsAndServesHome(Db db)
    {
        await using var app = new GongkaiApp(db);
        var client = await StaffClient.CreateAsync(app, null);
        var html = await client.Http.GetStringAsync("/");
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("政府信息公开", html);
        var agencies = await app.WithDbAsync(async d => await Task.FromResult(d.Agencies.Count()));
        Assert.Equal(3, agencies);
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_RefusedFromThatAddress_WithTheSameMessage()
    {
        await using var app = new GongkaiApp();
        var client = await StaffClient.CreateAsync(app, null);
        for (var i = 0; i < 5; i++)
        {
            var r = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = DemoUsers.HealthOfficer, ["Password"] = "wrong-password" });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var refused = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = DemoUsers.HealthOfficer, ["Password"] = GongkaiApp.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("用户名或密码错误", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_IsServed()
    {
        await using var app = new GongkaiApp();
        var client = await StaffClient.CreateAsync(app, null);
        var json = await client.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/reports", json);
    }

    [Fact]
    public async Task Api_Anonymous_GetsProblemDetails401()
    {
        await using var app = new GongkaiApp();
        var client = await StaffClient.CreateAsync(app, null);
        var r = await client.Http.GetAsync("/api/reports");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }
}
