using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// Two members of staff acting on one case at the same moment (issue 13, defect 5): one step is saved,
/// the other is answered 409 with 「该申请已被他人修改」 and the current version — never 500.
/// </summary>
public sealed class RaceTests
{
    private static string Today => TestDates.TodayText;

    /// <summary>
    /// The interleaving of the race, forced: both requests load the case at the same version before
    /// either saves, so both pass the version check and the loser meets the database (the unique
    /// (case, sequence) index or the version's concurrency token). It must come back as a conflict.
    /// </summary>
    [DatabaseTheory]
    public async Task Append_BothLoadedBeforeEitherSaved_SecondIsAConflict_NothingOfItSaved(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var agency = await app.WithDbAsync(d => Task.FromResult(d.Agencies.Single(a => a.Code == "LLWJ").Id));

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = Desk(first, agency);
        var b = Desk(second, agency);
        var loadedA = (await a.LoadAsync(id))!;
        var loadedB = (await b.LoadAsync(id))!;
        var on = DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture);

        var won = await a.AppendAsync(loadedA, 0, new SupplementRequested(on, a.Recorded(), "请写明文号", null));
        var lost = await b.AppendAsync(loadedB, 0, new ConsultationStarted(on, b.Recorded(), ConsultationParty.ThirdParty, "某公司"));

        Assert.True(won.IsSuccess);
        Assert.True(CaseService.IsConflict(lost));
        Assert.Equal("该申请已被他人修改，请按最新状态核对后重新操作。", lost.Problem!.MessageZh);
        var (events, version, audits) = await app.WithDbAsync(d => Task.FromResult((
            d.CaseEvents.Where(e => e.CaseId == id).Select(e => e.Kind).ToList(),
            d.Cases.Single(c => c.Id == id).Version,
            d.AuditEntries.Count(e => e.EntityId == id.ToString()))));
        Assert.Equal(["registered", "supplement_requested"], events);
        Assert.Equal(1, version);
        Assert.Equal(2, audits);
    }

    /// <summary>Real concurrent requests on the case page, round after round: exactly one of each pair is saved, the other gets 409 and the message.</summary>
    [DatabaseTheory]
    public async Task CasePage_TwoStaffPostAtOnce_OneSaved_Other409_Never500(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var page = string.Empty;
        for (var round = 0; round < 6; round++)
        {
            // A fresh case each round (补正 may be requested once per case); both staff send 补正 at version 0.
            page = $"/Office/Case/{await Cases.RegisterAsync(officer)}";
            var formA = await officer.RenderedFormAsync(page);
            var formB = await approver.RenderedFormAsync(page);
            formA["version"] = formB["version"] = "0";
            formA["date"] = formB["date"] = Today;
            formA["items"] = formB["items"] = $"第{round}轮：请写明文号";
            var responses = await Task.WhenAll(
                officer.PostRenderedAsync($"{page}?handler=Supplement", formA),
                approver.PostRenderedAsync($"{page}?handler=Supplement", formB));

            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], statuses);
            var loser = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
            Assert.Contains("该申请已被他人修改", loser);
            // The page shows the current version, so the next attempt can succeed.
            Assert.Contains("name=\"version\" value=\"1\"", loser);
        }

        // What the loser typed is still in its form after the refusal: the approver extends a fresh case
        // (it stays open, so the 补正 form is still there) while the officer still has version 0.
        page = $"/Office/Case/{await Cases.RegisterAsync(officer)}";
        var stale = await officer.RenderedFormAsync(page);
        var extend = await approver.RenderedFormAsync(page);
        extend["version"] = "0";
        extend["date"] = Today;
        extend["days"] = "10";
        extend["reason"] = "需要检索档案";
        Assert.Equal(HttpStatusCode.Redirect, (await approver.PostRenderedAsync($"{page}?handler=Extend", extend)).StatusCode);
        stale["version"] = "0";
        stale["date"] = Today;
        stale["items"] = "请补充申请人身份证明";
        var refused = await officer.PostRenderedAsync($"{page}?handler=Supplement", stale);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(">请补充申请人身份证明</textarea>", html);
        Assert.Contains("name=\"version\" value=\"1\"", html);
    }

    /// <summary>The API, concurrently: 200 for one, 409 ProblemDetails with a code and the current version for the other.</summary>
    [DatabaseTheory]
    public async Task CaseApi_TwoClientsAppendAtOnce_One200_Other409WithCodeAndVersion(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        for (var round = 0; round < 6; round++)
        {
            var id = await Cases.RegisterAsync(officer);
            object Step() => new
            {
                version = 0,
                @event = new { kind = "supplement_requested", occurredOn = Today, items = "请写明文号", recorded = new { by = "x", at = TestDates.Now } },
            };
            var responses = await Task.WhenAll(
                officer.Http.PostAsJsonAsync($"/api/cases/{id}/events", Step()),
                approver.Http.PostAsJsonAsync($"/api/cases/{id}/events", Step()));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToList());
            var conflict = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync());
            Assert.Equal("case.conflict", problem.RootElement.GetProperty("code").GetString());
            Assert.Equal(1, problem.RootElement.GetProperty("version").GetInt32());
            Assert.Contains("该申请已被他人修改", problem.RootElement.GetProperty("detail").GetString());
        }
    }

    /// <summary>A lost race anywhere else (no service answers it) still reaches the error handler as 409, never 500.</summary>
    [Fact]
    public void ErrorHandler_UniqueViolationFromEitherProvider_IsALostRace()
    {
        var sqlite = new Microsoft.EntityFrameworkCore.DbUpdateException("x", new Microsoft.Data.Sqlite.SqliteException("UNIQUE constraint failed", 19, 2067));
        var other = new Microsoft.EntityFrameworkCore.DbUpdateException("x", new Microsoft.Data.Sqlite.SqliteException("FOREIGN KEY constraint failed", 19, 787));
        Assert.True(Data.LostRace.IsLostRace(sqlite));
        Assert.True(Data.LostRace.IsLostRace(new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("x")));
        Assert.False(Data.LostRace.IsLostRace(other));
        Assert.False(Data.LostRace.IsLostRace(new InvalidOperationException("x")));
    }

    private static CaseService Desk(AsyncServiceScope scope, int agency)
    {
        var http = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        http.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [
                    new(System.Security.Claims.ClaimTypes.Name, DemoUsers.HealthOfficer),
                    new(System.Security.Claims.ClaimTypes.Role, "officer"),
                    new(Gongkai.Web.Infrastructure.GongkaiClaims.AgencyId, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ], "test")),
        };
        return scope.ServiceProvider.GetRequiredService<CaseService>();
    }
}
