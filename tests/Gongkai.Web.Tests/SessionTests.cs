using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// Sessions and sign-in (issue 13, defects 7 and 9): signing out ends copies of the session cookie,
/// sign-in is throttled per address and per account and says the same thing whatever went wrong,
/// and common passwords are refused.
/// </summary>
public sealed partial class SessionTests
{
    private static readonly Dictionary<string, string?> s_recheckEveryRequest = new() { ["Gongkai:Identity:SessionRecheckSeconds"] = "0" };

    [DatabaseTheory]
    public async Task Logout_CookieCopiedBeforehand_NoLongerWorks(Db db)
    {
        await using var app = new GongkaiApp(db, settings: s_recheckEveryRequest);
        var browser = new CookieClient(app);
        await browser.LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password);
        var copy = browser.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Office", copy)).StatusCode);

        await browser.PostFormAsync("/Account/Logout", []);
        Assert.Equal("login", AuthorizationMatrixTests.Classify(await browser.GetAsync("/Office", browser.CookieHeader)));
        // The copy taken while signed in is refused as well.
        Assert.Equal("login", AuthorizationMatrixTests.Classify(await browser.GetAsync("/Office", copy)));
    }

    [Fact]
    public async Task Login_UnknownUserWrongPasswordLockedDisabled_AllSayTheSame()
    {
        await using var app = new GongkaiApp(settings: new Dictionary<string, string?> { ["Gongkai:Identity:LockoutFailures"] = "3", ["Gongkai:Identity:FailuresPerAddress"] = "100" });
        var anonymous = StaffClient.Anonymous(app);
        async Task<string> Refusal(string user, string password)
        {
            var r = await anonymous.LoginAsync(user, password);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return ErrorSummary().Match(await r.Content.ReadAsStringAsync()).Groups[1].Value;
        }

        var unknown = await Refusal("no.such.user", "Whatever-2026!");
        var wrong = await Refusal(DemoUsers.HealthOfficer, "Wrong-Passw0rd!");
        await Refusal(DemoUsers.HealthOfficer, "Wrong-Passw0rd!");
        await Refusal(DemoUsers.HealthOfficer, "Wrong-Passw0rd!");
        var locked = await Refusal(DemoUsers.HealthOfficer, GongkaiApp.Password);
        Assert.True(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.UserName == DemoUsers.HealthOfficer && u.LockoutEnd != null)));

        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var id = await app.UserIdAsync(DemoUsers.HealthApprover);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/{id}", [], $"/Admin/Users/{id}?handler=Disable")).StatusCode);
        var disabled = await Refusal(DemoUsers.HealthApprover, GongkaiApp.Password);

        Assert.Equal(Pages.Account.LoginModel.Refused, WebUtility.HtmlDecode(unknown));
        Assert.Equal([unknown, unknown, unknown], new[] { wrong, locked, disabled });
    }

    [Fact]
    public async Task Login_FiveFailuresFromOneAddress_ThatAddressIsStopped_TheAccountIsNotLocked()
    {
        await using var app = new GongkaiApp();
        var attacker = StaffClient.Anonymous(app);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync(DemoUsers.HealthOfficer, $"Guess-{i}-Passw0rd!")).StatusCode);
        }

        // From this address even the right password is refused now (the password is not even checked) …
        Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password)).StatusCode);
        // … but the account itself was not locked by one address: 5 failures counted, below the account's lockout of 10.
        var (failures, lockoutEnd) = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == DemoUsers.HealthOfficer)
            .Select(u => new ValueTuple<int, DateTimeOffset?>(u.AccessFailedCount, u.LockoutEnd)).SingleAsync());
        Assert.Equal(5, failures);
        Assert.Null(lockoutEnd);
    }

    [Fact]
    public async Task Login_TooManyPostsFromOneAddress_429InChinese()
    {
        await using var app = new GongkaiApp(settings: new Dictionary<string, string?> { ["Gongkai:Identity:LoginsPerAddressPerMinute"] = "3" });
        var anonymous = StaffClient.Anonymous(app);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await anonymous.LoginAsync($"user{i}", "Whatever-2026!");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("登录尝试次数过多", await last!.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Password1!")]
    [InlineData("P@ssw0rd2026")]
    [InlineData("Qwerty123456!")]
    [InlineData("woaini1314!!")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Admin@12345")]
    public async Task ChangePassword_CommonPassword_RefusedInChinese(string common)
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var r = await officer.PostFormAsync("/Account/Password", new() { ["CurrentPassword"] = GongkaiApp.Password, ["NewPassword"] = common, ["ConfirmPassword"] = common });
        Assert.Contains("该密码过于常见", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.Anonymous(app).LoginAsync(DemoUsers.HealthOfficer, GongkaiApp.Password)).StatusCode);
    }

    [Theory]
    [InlineData("Password1!", true)]
    [InlineData("PASSWORD2026", true)]
    [InlineData("p4ssw0rd!!", true)]
    [InlineData("1234567890", true)]
    [InlineData("Xin-Mima-2026!", false)]
    [InlineData("Test-Passw0rd!", false)]
    [InlineData("correct horse battery staple", false)]
    public void CommonPasswords_DisguisesAreSeenThrough(string password, bool common) =>
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void CommonPasswords_GeneratedPasswordsAreNeverCommon()
    {
        Assert.True(CommonPasswordValidator.List.Count > 300);
        for (var i = 0; i < 200; i++)
        {
            Assert.False(CommonPasswordValidator.IsCommon(PasswordGenerator.Generate()));
        }
    }

    [GeneratedRegex("<div class=\"alert error\" role=\"alert\">\\s*<p>.*?</p>\\s*<ul>\\s*<li>([^<]*)</li>")]
    private static partial Regex ErrorSummary();

    /// <summary>A client whose cookies are plain strings, so a session can be copied as an attacker would.</summary>
    private sealed class CookieClient(GongkaiApp app)
    {
        private readonly HttpClient _http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        private readonly Dictionary<string, string> _cookies = [];

        public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

        public Task LoginAsync(string user, string password) =>
            PostFormAsync("/Account/Login", new() { ["UserName"] = user, ["Password"] = password });

        public async Task<HttpResponseMessage> GetAsync(string path, string cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (cookie.Length > 0)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var response = await _http.SendAsync(request);
            Keep(response);
            return response;
        }

        public async Task PostFormAsync(string page, Dictionary<string, string> fields)
        {
            var html = await (await GetAsync(page, CookieHeader)).Content.ReadAsStringAsync();
            fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(fields) };
            if (CookieHeader.Length > 0)
            {
                request.Headers.Add("Cookie", CookieHeader);
            }

            var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Keep(response);
        }

        private void Keep(HttpResponseMessage response)
        {
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
