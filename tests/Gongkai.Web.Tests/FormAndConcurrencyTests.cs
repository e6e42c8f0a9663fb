using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

public sealed class FormAndConcurrencyTests
{
    private static string Today => TestDates.TodayText;

    [DatabaseTheory]
    public async Task Register_MissingFields_ShowsChineseMessagesBesideFields_AndSavesNothing(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = Cases.ValidForm();
        form["Form.ApplicantName"] = "";
        form["Form.Description"] = "";
        form["Form.Phone"] = "";
        var response = await officer.PostFormAsync("/Office/Register", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Form_ApplicantName-error\">请填写申请人姓名或名称</span>", html);
        Assert.Contains("请描述所需政府信息", html);
        Assert.Contains("请至少填写一种联系方式", html);
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.CaseEvents.Count())));
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count())));
    }

    [Fact]
    public async Task Register_ByPostWithoutSignedForDate_IsRefusedByTheDomainBesideTheField()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = Cases.ValidForm();
        form["Form.Channel"] = "Post";
        var html = await (await officer.PostFormAsync("/Office/Register", form)).Content.ReadAsStringAsync();
        Assert.Matches("id=\"Form_SignedForOn-error\">[^<]*签收日期", html);
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }

    [DatabaseTheory]
    public async Task CaseStep_WithStaleVersion_IsAConflict_AndNothingIsAppended(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var page = $"/Office/Case/{id}";

        // Two people loaded the page at version 0; the first sends a 补正 notice.
        var first = await officer.PostFormAsync(page, new() { ["version"] = "0", ["date"] = Today, ["items"] = "请写明文号" }, page + "?handler=Supplement");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var other = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var second = await other.PostFormAsync(page, new() { ["version"] = "0", ["date"] = Today, ["days"] = "10", ["reason"] = "x" }, page + "?handler=Extend");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已被他人修改", await second.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(d => Task.FromResult(d.CaseEvents.Count(e => e.CaseId == id))));

        // The API says the same with ProblemDetails.
        var api = await officer.Http.PostAsJsonAsync($"/api/cases/{id}/events", new
        {
            version = 0,
            @event = new { kind = "supplement_received", occurredOn = Today, recorded = new { by = "x", at = TestDates.Now } },
        });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CaseStep_RefusedByDomain_ShowsReason()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var page = $"/Office/Case/{id}";
        var r = await officer.PostFormAsync(page, new() { ["version"] = "0", ["date"] = Today }, page + "?handler=SupplementReceived");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("不能", await r.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    public async Task Portal_Apply_Validates_ThenGivesTrackingNumber_AndOfficeConfirms(Db db)
    {
        await using var app = new GongkaiApp(db);
        var citizen = await StaffClient.CreateAsync(app, null);
        var bad = await citizen.PostFormAsync("/Portal/Apply", new() { ["AgencyId"] = "", ["Form.ApplicantName"] = "" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请选择受理机关", badHtml);
        Assert.Contains("请填写申请人姓名或名称", badHtml);

        var agencyId = await app.WithDbAsync(d => Task.FromResult(d.Agencies.Single(a => a.Code == "LLWJ").Id));
        var form = Cases.ValidForm("王公开");
        form.Remove("Form.Channel");
        form.Remove("Form.SubmittedOn");
        form["AgencyId"] = agencyId.ToString(CultureInfo.InvariantCulture);
        var ok = await citizen.PostFormAsync("/Portal/Apply", form);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var track = await citizen.Http.GetStringAsync(ok.Headers.Location!.ToString());
        Assert.Contains("待确认受理", track);

        var id = await app.WithDbAsync(d => Task.FromResult(d.Cases.Single().Id));
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var confirm = await officer.PostFormAsync($"/Office/Case/{id}", new() { ["version"] = "0", ["date"] = Today }, $"/Office/Case/{id}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Contains("办理中", await citizen.Http.GetStringAsync(ok.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task Portal_Apply_IsRateLimited()
    {
        await using var app = new GongkaiApp(settings: new Dictionary<string, string?> { ["Gongkai:Portal:ApplicationsPerMinute"] = "2" });
        var citizen = await StaffClient.CreateAsync(app, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await citizen.PostFormAsync("/Portal/Apply", new() { ["AgencyId"] = "" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Portal_Apply_WithoutAntiforgeryToken_IsRejected()
    {
        await using var app = new GongkaiApp();
        var citizen = await StaffClient.CreateAsync(app, null);
        var r = await citizen.Http.PostAsync("/Portal/Apply", new FormUrlEncodedContent(new Dictionary<string, string> { ["AgencyId"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.DoesNotContain("Exception", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReportUpload_TooLarge_OrUnreadable_ExplainsInChinese()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var token = await officer.TokenAsync("/Reports/Upload");

        async Task<string> Upload(byte[] bytes, string name)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "ReportFile", name },
            };
            return await (await officer.Http.PostAsync("/Reports/Upload", content)).Content.ReadAsStringAsync();
        }

        Assert.Contains("文件过大", await Upload(new byte[(20 * 1024 * 1024) + 10], "big.txt"));
        Assert.Contains("无法读取该文件", await Upload([0x00, 0x01, 0x02, 0xFF, 0xFE], "bad.pdf"));
    }

    [Fact]
    public async Task ReportApi_CheckFile_ReturnsCanonicalJson()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var text = "兰陵县卫生健康局2025年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n";
        var body = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        body.Headers.ContentType = new("application/octet-stream");
        var r = await officer.Http.PostAsync("/api/reports/check?name=r.txt", body);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = await r.Content.ReadAsStringAsync();
        Assert.Contains("\"table3\"", json);
        Assert.Contains("\"diagnostics\"", json);

        var form = new StringContent("x", System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await officer.Http.PostAsync("/api/reports/check", form)).StatusCode);
    }

    [Fact]
    public async Task Letters_AreWordDocuments()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var page = $"/Office/Case/{id}";
        await officer.PostFormAsync(page, new() { ["version"] = "0", ["date"] = Today, ["items"] = "请写明文号" }, page + "?handler=Supplement");
        var r = await officer.Http.GetAsync($"/Office/Letter/{id}/2");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType?.MediaType);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await r.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("补正告知书", text);
        Assert.Contains("请写明文号", text);
    }

    [Fact]
    public async Task Errors_ArePlainChinese_NeverStackTraces()
    {
        await using var app = new GongkaiApp();
        var anon = await StaffClient.CreateAsync(app, null);
        var html = await (await anon.Http.GetAsync("/no-such-page")).Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.DoesNotContain("   at ", html);
    }
}
