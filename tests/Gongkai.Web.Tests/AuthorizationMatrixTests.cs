using System.Net;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

/// <summary>
/// Every page and endpoint, tried anonymously, with each role of 卫生健康局 (LLWJ), with an officer of
/// another agency (自然资源局, LLZR) and with the county supervisor and administrator above both.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Ok = "ok";
    private const string Login = "login";
    private const string Denied = "denied";
    private const string NotFound = "notfound";

    private static readonly string?[] s_users =
    [
        null, DemoUsers.HealthOfficer, DemoUsers.HealthApprover, DemoUsers.HealthSupervisor, DemoUsers.HealthAdmin, DemoUsers.LandOfficer, DemoUsers.CountySupervisor, DemoUsers.CountyAdmin,
    ];

    /// <summary>Path → expected outcome per user, in the order of <see cref="s_users"/>. {case} is an LLWJ application; {llwj-user} and {llzr-user} the accounts of llwj.officer and llzr.officer.</summary>
    private static readonly (string Path, string[] Expected)[] s_matrix =
    [
        ("/", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Portal", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Portal/Guide", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Portal/Apply", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Portal/Track?no=X", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Portal/Reports", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Portal/Deadline?received=2026-01-30", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/openapi/v1.json", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Office", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/Office/Cases", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/Office/Register", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/Office/Statistics", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/Office/Reviews", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/Office/Case/{case}", [Login, Ok, Ok, Denied, Denied, NotFound, Denied, Denied]),
        ("/Office/Letter/{case}/1", [Login, Ok, Ok, Denied, Denied, NotFound, Denied, Denied]),
        ("/Supervisor", [Login, Denied, Denied, Ok, Denied, Denied, Ok, Denied]),
        ("/Reports/Upload", [Login, Ok, Ok, Ok, Denied, Ok, Ok, Denied]),
        ("/Admin/Audit", [Login, Denied, Denied, Denied, Ok, Denied, Denied, Ok]),
        ("/Account/Password", [Login, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Admin/Agencies", [Login, Denied, Denied, Denied, Ok, Denied, Denied, Ok]),
        ("/Admin/Users", [Login, Denied, Denied, Denied, Ok, Denied, Denied, Ok]),
        ("/Admin/Users/New", [Login, Denied, Denied, Denied, Ok, Denied, Denied, Ok]),
        ("/Admin/Users/{llwj-user}", [Login, Denied, Denied, Denied, Ok, Denied, Denied, Ok]),
        ("/Admin/Users/{llzr-user}", [Login, Denied, Denied, Denied, NotFound, Denied, Denied, Ok]),
        ("/api/cases", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/api/cases/{case}", [Login, Ok, Ok, Denied, Denied, NotFound, Denied, Denied]),
        ("/api/registers/documents", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/api/registers/monthly/2026", [Login, Ok, Ok, Denied, Denied, Ok, Denied, Denied]),
        ("/api/reports", [Login, Ok, Ok, Ok, Denied, Ok, Ok, Denied]),
    ];

    [DatabaseTheory]
    public async Task EveryPageAndEndpoint_EachUser_GetsExpectedOutcome(Db db)
    {
        await using var app = new GongkaiApp(db);
        var caseId = await Cases.RegisterAsync(await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer));
        var healthUser = await app.UserIdAsync(DemoUsers.HealthOfficer);
        var landUser = await app.UserIdAsync(DemoUsers.LandOfficer);
        var failures = new List<string>();
        for (var u = 0; u < s_users.Length; u++)
        {
            var client = await StaffClient.CreateAsync(app, s_users[u]);
            foreach (var (path, expected) in s_matrix)
            {
                var url = path.Replace("{case}", caseId.ToString()).Replace("{llwj-user}", healthUser).Replace("{llzr-user}", landUser);
                var response = await client.Http.GetAsync(url);
                var actual = Classify(response);
                if (actual != expected[u])
                {
                    failures.Add($"{s_users[u] ?? "anonymous"} GET {path}: expected {expected[u]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [DatabaseTheory]
    public async Task OtherAgencyOfficer_NeverSeesAnotherAgencysCases(Db db)
    {
        await using var app = new GongkaiApp(db);
        var health = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(health, Cases.ValidForm("李秘密"));
        var land = await StaffClient.CreateAsync(app, DemoUsers.LandOfficer);

        Assert.Contains("本页 0 件", await land.Http.GetStringAsync("/Office/Cases?q=李秘密"));
        Assert.DoesNotContain("李秘密", await land.Http.GetStringAsync("/Office"));
        Assert.DoesNotContain("李秘密", await land.Http.GetStringAsync("/api/cases"));
        Assert.Equal(HttpStatusCode.NotFound, (await land.Http.GetAsync($"/api/cases/{id}")).StatusCode);

        // Nor can they act on it: the step is refused and nothing is appended.
        var token = await land.TokenAsync("/Office/Register");
        var post = await land.Http.PostAsync($"/Office/Case/{id}?handler=Supplement", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = "0", ["date"] = TestDates.TodayText, ["items"] = "x",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var events = await app.WithDbAsync(d => Task.FromResult(d.CaseEvents.Count(e => e.CaseId == id)));
        Assert.Equal(1, events);

        Assert.Contains("本页 1 件", await health.Http.GetStringAsync("/Office/Cases?q=李秘密"));
    }

    [Fact]
    public async Task Extension_ByOfficer_IsRefused_ByApprover_IsRecorded()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var today = TestDates.TodayText;
        var fields = new Dictionary<string, string> { ["version"] = "0", ["date"] = today, ["days"] = "20", ["reason"] = "需要检索多个年度的档案" };

        var refused = await officer.PostFormAsync($"/Office/Case/{id}", fields, $"/Office/Case/{id}?handler=Extend");
        Assert.Equal("denied", Classify(refused));

        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var done = await approver.PostFormAsync($"/Office/Case/{id}", fields, $"/Office/Case/{id}?handler=Extend");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var audit = await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToList()));
        Assert.Equal(["case.register", "case.extend"], audit);
    }

    internal static string Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.Unauthorized => Login,
            HttpStatusCode.Forbidden => Denied,
            HttpStatusCode.NotFound => NotFound,
            HttpStatusCode.Redirect when location.Contains("/Account/Login", StringComparison.Ordinal) => Login,
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => Denied,
            _ => $"{(int)response.StatusCode}",
        };
    }
}
