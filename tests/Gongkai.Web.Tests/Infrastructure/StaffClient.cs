using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>An HttpClient with cookies, logged in as one of the demo users (or anonymous), that can post Razor forms.</summary>
public sealed partial class StaffClient(HttpClient client)
{
    public HttpClient Http { get; } = client;

    public static async Task<StaffClient> CreateAsync(GongkaiApp app, string? user, string password = GongkaiApp.Password)
    {
        var staff = Anonymous(app);
        if (user is not null)
        {
            var response = await staff.LoginAsync(user, password);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {user} failed: {response.StatusCode}");
        }

        return staff;
    }

    /// <summary>A client with a cookie jar and no session.</summary>
    public static StaffClient Anonymous(GongkaiApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Posts the login form; a redirect means signed in, 200 is the form again with its message.</summary>
    public Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        PostFormAsync("/Account/Login", new() { ["UserName"] = user, ["Password"] = password });

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/> (defaults to the page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, Dictionary<string, string> fields, string? action = null)
    {
        var token = await TokenAsync(formPage);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(action ?? formPage, new FormUrlEncodedContent(body));
    }

    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        var match = TokenRegex().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return match.Groups[1].Value;
    }

    /// <summary>
    /// The form on <paramref name="page"/> as rendered: its antiforgery token and every other hidden
    /// field (e.g. the idempotency key), to be posted as a person's browser would (once or twice).
    /// </summary>
    public async Task<Dictionary<string, string>> RenderedFormAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        var fields = new Dictionary<string, string>();
        foreach (Match m in HiddenRegex().Matches(html))
        {
            fields[System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value)] = System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value);
        }

        Assert.True(fields.ContainsKey("__RequestVerificationToken"), $"no antiforgery token on {page}");
        return fields;
    }

    /// <summary>Posts <paramref name="fields"/> as they are (a form already rendered by <see cref="RenderedFormAsync"/>).</summary>
    public Task<HttpResponseMessage> PostRenderedAsync(string action, Dictionary<string, string> fields) =>
        Http.PostAsync(action, new FormUrlEncodedContent(fields));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"|<input name=\"(?<name>__RequestVerificationToken)\" type=\"hidden\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenRegex();
}
