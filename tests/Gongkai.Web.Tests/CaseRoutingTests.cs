using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>承办人 and 转办 through the case page's own forms, on both databases.</summary>
public sealed class CaseRoutingTests
{
    private const string HealthOfficerName = "兰陵县卫生健康局经办人员";
    private const string HealthApproverName = "兰陵县卫生健康局审批人员";

    /// <summary>Posts <paramref name="fields"/> to the form of <paramref name="handler"/> as the case page renders it (the test fails if the page does not render that form).</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(StaffClient client, Guid id, string handler, Dictionary<string, string> fields)
    {
        var page = $"/Office/Case/{id}";
        var html = await client.Http.GetStringAsync(page);
        var action = $"{page}?handler={handler}";
        Assert.Contains($"action=\"{action}\"", html);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        return await client.PostFormAsync(page, new(fields) { ["version"] = version }, action);
    }

    private static async Task<string> OpenCountAsync(StaffClient client, bool mine)
    {
        var html = await client.Http.GetStringAsync(mine ? "/Office?mine=1" : "/Office");
        return System.Text.RegularExpressions.Regex.Match(html, "<span class=\"n\">(\\d+)</span>办理中的申请").Groups[1].Value;
    }

    [DatabaseTheory]
    public async Task TheRegistrarHandlesTheCase_UntilAssigned_AndMineFollowsTheHandler(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var id = await Cases.RegisterAsync(officer);

        Assert.Contains($"<dd id=\"case-handler\">{HealthOfficerName}</dd>", await officer.Http.GetStringAsync($"/Office/Case/{id}"));
        var officerMine = await OpenCountAsync(officer, mine: true);
        var approverMine = await OpenCountAsync(approver, mine: true);

        var assigned = await SubmitAsync(approver, id, "Assign", new() { ["handler"] = DemoUsers.HealthApprover });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        var page = await officer.Http.GetStringAsync($"/Office/Case/{id}");
        Assert.Contains($"<dd id=\"case-handler\">{HealthApproverName}</dd>", page);
        Assert.Contains($"指派承办人：{HealthApproverName}", page);
        Assert.Equal((int.Parse(officerMine, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture), await OpenCountAsync(officer, mine: true));
        Assert.Equal((int.Parse(approverMine, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), await OpenCountAsync(approver, mine: true));
        Assert.Equal(DemoUsers.HealthApprover, await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => c.Handler).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "case.assign")));

        // The same handler again is refused with the reason; nothing is appended.
        var again = await SubmitAsync(officer, id, "Assign", new() { ["handler"] = DemoUsers.HealthApprover });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains($"该申请的承办人已是{HealthApproverName}", await again.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(d => d.CaseEvents.CountAsync(e => e.CaseId == id)));
    }

    [DatabaseTheory]
    public async Task AHandlerOfAnotherAgency_IsRefused(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var response = await SubmitAsync(officer, id, "Assign", new() { ["handler"] = DemoUsers.LandOfficer });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("承办人须为本机关在岗的经办或审批人员", await response.Content.ReadAsStringAsync());
        Assert.Equal(DemoUsers.HealthOfficer, await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => c.Handler).SingleAsync()));
    }

    [DatabaseTheory]
    public async Task ATransfer_MovesTheCaseToTheOtherAgency_WithItsDueDate(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var id = await Cases.RegisterAsync(officer);
        var due = await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => c.DueOn).SingleAsync());
        var land = await app.WithDbAsync(d => d.Agencies.Where(a => a.Code == "LLZR").Select(a => a.Id).SingleAsync());

        // An officer is not offered the transfer form, and posting it anyway is forbidden.
        Assert.DoesNotContain("handler=Transfer", await officer.Http.GetStringAsync($"/Office/Case/{id}"));

        // No reason: refused beside the field, nothing moves.
        var noReason = await SubmitAsync(approver, id, "Transfer", new() { ["agency"] = land.ToString(CultureInfo.InvariantCulture), ["reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("请写明转办理由", await noReason.Content.ReadAsStringAsync());

        var moved = await SubmitAsync(approver, id, "Transfer", new() { ["agency"] = land.ToString(CultureInfo.InvariantCulture), ["reason"] = "所需信息由自然资源局制作和保存" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/Office", moved.Headers.Location?.ToString());

        // Gone from the health desk, there at the land desk with the same due date and no handler yet.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/Office/Case/{id}")).StatusCode);
        var landApprover = await StaffClient.CreateAsync(app, DemoUsers.LandApprover);
        var page = await landApprover.Http.GetStringAsync($"/Office/Case/{id}");
        Assert.Contains("由兰陵县卫生健康局转办至兰陵县自然资源局：所需信息由自然资源局制作和保存", page);
        Assert.Contains("<dd id=\"case-handler\">未指派</dd>", page);
        Assert.Contains($"<dd id=\"case-due\">{due:yyyy-MM-dd}</dd>", page);
        var row = await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => new { c.AgencyId, c.DueOn, c.Handler }).SingleAsync());
        Assert.Equal((land, due, (string?)null), (row.AgencyId, row.DueOn, row.Handler));

        var assigned = await SubmitAsync(landApprover, id, "Assign", new() { ["handler"] = DemoUsers.LandOfficer });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
    }

    [Fact]
    public async Task AnOfficerPostingATransfer_IsForbidden()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var land = await app.WithDbAsync(d => d.Agencies.Where(a => a.Code == "LLZR").Select(a => a.Id).SingleAsync());
        var page = $"/Office/Case/{id}";
        var response = await officer.PostFormAsync(page, new() { ["version"] = "0", ["agency"] = land.ToString(CultureInfo.InvariantCulture), ["reason"] = "x" }, page + "?handler=Transfer");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
        Assert.Equal(0, await app.WithDbAsync(d => d.Cases.CountAsync(c => c.Id == id && c.AgencyId == land)));
    }

    [Fact]
    public async Task TheApi_RoutesAssignAndTransferThroughTheSameChecks()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var today = TestDates.TodayText;
        object Event(object e) => new { version = 0, @event = e };

        // A handler of another agency is refused; an officer may not transfer.
        var foreign = await officer.Http.PostAsJsonAsync($"/api/cases/{id}/events", Event(new { kind = "assigned", occurredOn = today, recorded = new { by = "x", at = TestDates.Now }, handler = DemoUsers.LandOfficer, handlerName = "x" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        var transfer = await officer.Http.PostAsJsonAsync($"/api/cases/{id}/events", Event(new { kind = "transferred", occurredOn = today, recorded = new { by = "x", at = TestDates.Now }, fromAgency = "x", toAgency = "兰陵县自然资源局", reason = "x" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, transfer.StatusCode);
        Assert.Contains("转办须由审批人员决定", await transfer.Content.ReadAsStringAsync());
        var row = await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => new { c.Agency!.Code, c.Handler, c.Version }).SingleAsync());
        Assert.Equal(("LLWJ", DemoUsers.HealthOfficer, 0), (row.Code, row.Handler, row.Version));
    }
}
