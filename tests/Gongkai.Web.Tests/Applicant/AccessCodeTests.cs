using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.Applicant;

/// <summary>查询码: the tracking number alone shows the public status; with the right 查询码 the applicant sees the case and its letters.</summary>
public sealed partial class AccessCodeTests
{
    private static string Today => TestDates.TodayText;

    [DatabaseTheory]
    public async Task Portal_WrongCodeShowsNothingPrivate_RightCodeShowsStepsAndLetters(Db db)
    {
        await using var app = new GongkaiApp(db);
        var citizen = StaffClient.Anonymous(app);
        var (number, code) = await ApplyAsync(app, citizen);
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", code);
        var stored = await app.WithDbAsync(d => Task.FromResult(d.Cases.Single()));
        Assert.StartsWith("pbkdf2-sha256$", stored.AccessCodeHash);
        Assert.DoesNotContain(code.Replace("-", ""), stored.AccessCodeHash!);
        Assert.Equal(code[..2] + "******", stored.AccessCodeHint);

        // The office confirms and asks for 补正.
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = stored.Id;
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/Office/Case/{id}", new() { ["version"] = "0", ["date"] = Today }, $"/Office/Case/{id}?handler=Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/Office/Case/{id}", new() { ["version"] = "1", ["date"] = Today, ["items"] = "请写明所需考核结果的年度" }, $"/Office/Case/{id}?handler=Supplement")).StatusCode);

        // Wrong code: an error and the public status only.
        var stranger = StaffClient.Anonymous(app);
        var wrong = await stranger.PostFormAsync("/Portal/Track", new() { ["no"] = number, ["code"] = "2345-6789" });
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("查询编号或查询码不正确", html);
        Assert.Contains("待补正", html);
        Assert.DoesNotContain("track-steps", html);
        Assert.DoesNotContain("请写明所需考核结果的年度", html);
        Assert.DoesNotContain("/Portal/Letter", html);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/Portal/Letter?no={number}&step=1")).StatusCode);

        // Right code (typed in lower case without the dash): every step with its date, the 补正 request, the letters.
        var right = await citizen.PostFormAsync("/Portal/Track", new() { ["no"] = number, ["code"] = code.Replace("-", "").ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        html = await citizen.Http.GetStringAsync(right.Headers.Location!.ToString());
        Assert.Contains("id=\"track-steps\"", html);
        Assert.Contains($"{Today}</strong> 要求补正：请写明所需考核结果的年度", html);
        Assert.Contains("收到申请之日", html);
        var letter = await citizen.Http.GetAsync($"/Portal/Letter?no={number}&step=2");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.Content.Headers.ContentType!.MediaType);

        // The stranger still sees nothing private, and the grant is for this browser only.
        Assert.DoesNotContain("track-steps", await stranger.Http.GetStringAsync($"/Portal/Track?no={number}"));
    }

    [DatabaseTheory]
    public async Task Portal_FiveWrongCodes_BlockTheNumberForThisAddress_EvenTheRightCode(Db db)
    {
        await using var app = new GongkaiApp(db);
        var citizen = StaffClient.Anonymous(app);
        var (number, code) = await ApplyAsync(app, citizen);
        var guesser = StaffClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            var r = await guesser.PostFormAsync("/Portal/Track", new() { ["no"] = number, ["code"] = $"ABCD-EFG{i + 2}" });
            Assert.Contains("查询编号或查询码不正确", await r.Content.ReadAsStringAsync());
        }

        var blocked = await guesser.PostFormAsync("/Portal/Track", new() { ["no"] = number, ["code"] = code });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        var html = await blocked.Content.ReadAsStringAsync();
        Assert.Contains("查询码错误次数过多", html);
        Assert.DoesNotContain("收到申请之日", html);
    }

    [DatabaseTheory]
    public async Task Office_RegistrationPrintsTheCodeOnce_Reissue_OldCodeStopsWorking(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var page = await officer.Http.GetStringAsync($"/Office/Case/{id}");
        var first = AccessCodeRegex().Match(page).Groups[1].Value;
        Assert.NotEmpty(first);
        Assert.Contains("当面提交的，以提交之日为收到申请之日", page);
        Assert.DoesNotMatch(AccessCodeRegex(), await officer.Http.GetStringAsync($"/Office/Case/{id}"));

        var number = await app.WithDbAsync(d => Task.FromResult(d.Cases.Single().TrackingNumber));
        var reissued = await officer.PostFormAsync($"/Office/Receipt/{id}", new() { ["version"] = "0" }, $"/Office/Receipt/{id}?handler=Reissue");
        var second = AccessCodeRegex().Match(await reissued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(second);
        Assert.NotEqual(first, second);

        var citizen = StaffClient.Anonymous(app);
        Assert.Contains("查询编号或查询码不正确", await (await citizen.PostFormAsync("/Portal/Track", new() { ["no"] = number, ["code"] = first })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFormAsync("/Portal/Track", new() { ["no"] = number, ["code"] = second })).StatusCode);
        Assert.Contains("id=\"track-steps\"", await citizen.Http.GetStringAsync($"/Portal/Track?no={number}"));
    }

    /// <summary>Applies on the portal and reads the tracking number and 查询码 from the 回执 page.</summary>
    internal static async Task<(string Number, string Code)> ApplyAsync(GongkaiApp app, StaffClient citizen, string? email = null)
    {
        var form = await citizen.RenderedFormAsync("/Portal/Apply");
        foreach (var (k, v) in Cases.ValidForm("王公开"))
        {
            form[k] = v;
        }

        form.Remove("Form.Channel");
        form.Remove("Form.SubmittedOn");
        if (email is not null)
        {
            form["Form.Email"] = email;
        }

        form["AgencyId"] = (await app.WithDbAsync(d => Task.FromResult(d.Agencies.Single(a => a.Code == "LLWJ").Id))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await citizen.PostRenderedAsync("/Portal/Apply", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = await citizen.Http.GetStringAsync(response.Headers.Location!.ToString());
        var number = Regex.Match(receipt, "id=\"tracking-number\">([^<]+)<").Groups[1].Value;
        var code = AccessCodeRegex().Match(receipt).Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.NotEmpty(code);

        // Shown once: the same 回执 opened again has only the hint.
        var again = await citizen.Http.GetStringAsync(response.Headers.Location!.ToString());
        Assert.DoesNotContain(code, again);
        Assert.Contains("id=\"access-code-hint\"", again);
        return (number, code);
    }

    [GeneratedRegex("id=\"access-code\">([^<]+)<")]
    private static partial Regex AccessCodeRegex();
}
