using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Gongkai.Web.Casework;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The dashboard's cached deadline explanations: replayed once per case version per day in China.</summary>
public sealed partial class DashboardCacheTests
{
    [Fact]
    public void Explanation_IsKeptPerVersionAndDay()
    {
        // 23:30 in Beijing on 9 January 2025.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 9, 15, 30, 0, TimeSpan.Zero));
        using var cache = new DeadlineExplanations(clock, new CalendarService());
        var id = Guid.NewGuid();
        cache.Set(id, 3, new DeadlineExplanation(new DateOnly(2025, 2, 1), "due", ["due"]));

        Assert.True(cache.TryGet(id, 3, out var hit));
        Assert.Equal("due", hit.Summary);
        Assert.False(cache.TryGet(id, 4, out _));
        Assert.False(cache.TryGet(Guid.NewGuid(), 3, out _));

        // Still 9 January in Beijing 29 minutes later; 10 January one minute after that (UTC is still the 9th).
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(cache.TryGet(id, 3, out _));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(cache.TryGet(id, 3, out _));
    }

    [DatabaseTheory]
    public async Task Dashboard_ReplaysAgain_WhenAnEventIsAppended_AndWhenTheDayChanges(Db db)
    {
        await using var app = new GongkaiApp(db);
        var clock = new FakeTimeProvider(TestDates.Now);
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        var explanations = factory.Services.GetRequiredService<DeadlineExplanations>();
        var html = factory.Services.GetRequiredService<HtmlEncoder>();

        // Received today and extended by the approver: on the dashboard's "extended" list.
        var today = Gongkai.Domain.Calendar.ChinaTime.Today(clock);
        var date = today.ToString("yyyy-MM-dd");
        var id = await Cases.RegisterAsync(officer, Cases.ValidForm(date: date));
        var page = $"/Office/Case/{id}";
        await officer.Http.GetStringAsync(page); // follow the registration's redirect, as the browser does (its message is shown there, once)
        var approver = await LoginAsync(factory, DemoUsers.HealthApprover);
        var extend = await approver.PostFormAsync(page, new() { ["version"] = "0", ["date"] = date, ["days"] = "10", ["reason"] = "需要调取档案" }, page + "?handler=Extend");
        Assert.Equal(HttpStatusCode.Redirect, extend.StatusCode);
        var extended = await VersionAsync(factory, id);
        Assert.False(explanations.TryGet(id, extended, out _));
        var first = await officer.Http.GetStringAsync("/Office");
        Assert.True(explanations.TryGet(id, extended, out var due));
        Assert.NotNull(due.Due);
        Assert.Contains(html.Encode(due.Summary), first);

        // Served from the cache: the same page (but for the antiforgery token).
        Assert.Equal(WithoutToken(first), WithoutToken(await officer.Http.GetStringAsync("/Office")));

        // Consulting a third party is a new event and a new version: replayed again, now paused.
        var step = await officer.PostFormAsync(page, new() { ["version"] = extended.ToString(System.Globalization.CultureInfo.InvariantCulture), ["date"] = date, ["party"] = "ThirdParty", ["partyName"] = "某医药公司" }, page + "?handler=Consult");
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        var version = await VersionAsync(factory, id);
        Assert.NotEqual(extended, version);
        Assert.False(explanations.TryGet(id, version, out _));
        var second = await officer.Http.GetStringAsync("/Office");
        Assert.True(explanations.TryGet(id, version, out var paused));
        Assert.NotEqual(due.Summary, paused.Summary);
        Assert.Contains(html.Encode(paused.Summary), second);

        // The next day in China the case is replayed once more (signed in afresh: yesterday's sign-in has expired).
        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(explanations.TryGet(id, version, out _));
        officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        await officer.Http.GetStringAsync("/Office");
        Assert.True(explanations.TryGet(id, version, out var tomorrow));
        Assert.Equal(paused.Summary, tomorrow.Summary);
    }

    private static async Task<StaffClient> LoginAsync(WebApplicationFactory<Program> factory, string user)
    {
        var client = new StaffClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = user, ["Password"] = GongkaiApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private static string WithoutToken(string html) => TokenRegex().Replace(html, string.Empty);

    [GeneratedRegex("__RequestVerificationToken[^>]*")]
    private static partial Regex TokenRegex();

    private static async Task<int> VersionAsync(WebApplicationFactory<Program> factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
        return (await db.Cases.FindAsync(id))!.Version;
    }
}
