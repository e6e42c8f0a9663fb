using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>The annual-report workspace through the web: the submit gate, the supervisor's view, the page itself.</summary>
public sealed partial class WorkspaceTests
{
    private const string Page = "/Workspace/Report?year=2024";

    /// <summary>10 January 2025, Beijing: before the 31 January deadline of a department's 2024 report, and not within 10 days of it.</summary>
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 1, 10, 1, 0, 0, TimeSpan.Zero));

    private static WebApplicationFactory<Program> WithClock(GongkaiApp app, TimeProvider clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));

    private static async Task<StaffClient> LoginAsync(WebApplicationFactory<Program> factory, string user)
    {
        var client = new StaffClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var r = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = user, ["Password"] = GongkaiApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(StaffClient client, string handler, Dictionary<string, string>? fields = null)
    {
        var html = await client.Http.GetStringAsync(Page);
        var form = new Dictionary<string, string>(fields ?? []);
        if (VersionRegex().Match(html) is { Success: true } m)
        {
            form.TryAdd("Version", m.Groups[1].Value);
        }

        return await client.PostFormAsync(Page, form, $"/Workspace/Report?year=2024&handler={handler}");
    }

    /// <summary>A typed 2024 report with its three written sections, whose table 3 总计 column does not add up.</summary>
    private static async Task StartBrokenReportAsync(StaffClient officer)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "StartTyped")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Narrative", new()
        {
            ["Section1"] = "2024年，本局全面推进政务公开工作，收到政府信息公开申请0件。",
            ["Section5"] = "依申请公开答复文书规范性有待提升，下一步将统一答复模板。",
            ["Section6"] = "全年收取信息处理费0元。",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Cell", new() { ["CellKey"] = "table3:new_received:6", ["CellValue"] = "3" })).StatusCode);
    }

    [Fact]
    public async Task Submit_WithUnexplainedError_Refused_ThenEachExplained_Submitted_SupervisorSeesExplanation()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, Clock());
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        await StartBrokenReportAsync(officer);

        // The gate: errors neither fixed nor explained.
        var refused = await PostAsync(officer, "Submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains(AnnualReportCodes.UnexplainedErrors, body);
        Assert.Contains("仍有错误未修正或未说明", body);
        Assert.Equal(ReportState.Draft, await StatusAsync(app));

        // Explain every error, then submit.
        var html = await officer.Http.GetStringAsync(Page);
        var keys = FindingKeyRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.Contains(keys, k => k.StartsWith("T3.balance@", StringComparison.Ordinal));
        foreach (var key in keys)
        {
            var r = await PostAsync(officer, "Explain", new() { ["FindingKey"] = key, ["Explanation"] = "总计含两件系统外受理的申请，已报上级备案" });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Submit")).StatusCode);
        Assert.Equal(ReportState.Submitted, await StatusAsync(app));

        // The supervisor sees the submitted report, its errors and the explanations.
        var supervisor = await LoginAsync(factory, DemoUsers.HealthSupervisor);
        var list = await supervisor.Http.GetStringAsync("/Workspace/Review");
        Assert.Contains("已报送", list);
        var id = await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Id).SingleAsync());
        var review = await supervisor.Http.GetStringAsync($"/Workspace/Review/Report?id={id}");
        Assert.Contains("T3.balance", review);
        Assert.Contains("总计含两件系统外受理的申请，已报上级备案", review);
        Assert.Contains("审核通过", review);

        // Return needs comments; then the officer sees them.
        var page = $"/Workspace/Review/Report?id={id}";
        var version = VersionRegex().Match(review).Groups[1].Value;
        var noComment = await supervisor.PostFormAsync(page, new() { ["Version"] = version, ["Comments"] = "" }, $"{page}&handler=Return");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Contains(AnnualReportCodes.CommentRequired, await noComment.Content.ReadAsStringAsync());
        var returned = await supervisor.PostFormAsync(page, new() { ["Version"] = version, ["Comments"] = "请核实表三总计" }, $"{page}&handler=Return");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ReportState.Returned, await StatusAsync(app));
        Assert.Contains("请核实表三总计", await officer.Http.GetStringAsync(Page));
    }

    [Fact]
    public async Task Workflow_AcceptPublishDownloadCorrect_EveryVersionKept()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, Clock());
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        await StartBrokenReportAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Cell", new() { ["CellKey"] = "table3:new_received:6", ["CellValue"] = "0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Submit")).StatusCode);

        var supervisor = await LoginAsync(factory, DemoUsers.HealthSupervisor);
        var id = await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Id).SingleAsync());
        var page = $"/Workspace/Review/Report?id={id}";
        async Task<HttpResponseMessage> Review(string handler) =>
            await supervisor.PostFormAsync(page, new() { ["Version"] = VersionRegex().Match(await supervisor.Http.GetStringAsync(page)).Groups[1].Value }, $"{page}&handler={handler}");
        Assert.Equal(HttpStatusCode.Redirect, (await Review("Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Review("Publish")).StatusCode);
        Assert.Equal(ReportState.Published, await StatusAsync(app));

        // The public sees the whole published report: the written sections as well as the tables.
        var citizen = new StaffClient(factory.CreateClient());
        var portal = await citizen.Http.GetStringAsync($"/Portal/Report/{id}");
        Assert.Contains("依申请公开答复文书规范性有待提升", portal);
        Assert.Contains("全年收取信息处理费0元。", portal);

        // Locked: the officer's edit is refused with the code.
        var locked = await PostAsync(officer, "Narrative", new() { ["Section1"] = "改动", ["Section5"] = "x", ["Section6"] = "y" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains(AnnualReportCodes.Locked, await locked.Content.ReadAsStringAsync());

        var json = await officer.Http.GetAsync("/Workspace/Download?agencyId=" + await AgencyIdAsync(app) + "&year=2024&format=json&revision=1");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("卫生健康局", await json.Content.ReadAsStringAsync());
        var docx = await officer.Http.GetAsync("/Workspace/Download?agencyId=" + await AgencyIdAsync(app) + "&year=2024&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        // A correction is a new revision; both published versions are kept.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Correct", new() { ["CorrectionNote"] = "更正第五部分文字" })).StatusCode);
        Assert.Equal(ReportState.Published, await StatusAsync(app)); // the published version stays public meanwhile
        Assert.Contains("更正第2版", await officer.Http.GetStringAsync("/Workspace"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Narrative", new() { ["Section1"] = "2024年，本局全面推进政务公开工作。", ["Section5"] = "答复文书模板已统一。", ["Section6"] = "全年收取信息处理费0元。" })).StatusCode);
        Assert.Contains("依申请公开答复文书规范性有待提升", await citizen.Http.GetStringAsync($"/Portal/Report/{id}")); // the correction is not public yet
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Review("Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Review("Publish")).StatusCode);
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync());
        var workflow = ReportWorkflowJson.ParseWorkflow(stored.Json);
        Assert.Equal([1, 2], workflow.Versions.Select(v => v.Revision));
        Assert.Equal("更正第五部分文字", workflow.Versions[1].RevisionNote);
        var revisions = await app.WithDbAsync(db => db.AnnualReportRevisions.CountAsync(v => v.ReportId == stored.Id));
        Assert.True(revisions >= 10);
        var corrected = await officer.Http.GetStringAsync("/Workspace/Download?agencyId=" + stored.AgencyId + "&year=2024&format=html&revision=2");
        Assert.Contains("更正第五部分文字", corrected);
        portal = await citizen.Http.GetStringAsync($"/Portal/Report/{id}");
        Assert.Contains("答复文书模板已统一。", portal);
        Assert.DoesNotContain("依申请公开答复文书规范性有待提升", portal);
        Assert.Contains("首次公开未超过法定期限", await officer.Http.GetStringAsync(Page));
    }

    [Fact]
    public async Task ReportPage_ShowsGuidanceOfferedFiguresAndChecks()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, Clock());
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);

        var empty = await officer.Http.GetStringAsync(Page);
        Assert.Contains("本年度报告尚未建立", empty);

        await StartBrokenReportAsync(officer);
        var html = await officer.Http.GetStringAsync(Page);
        Assert.Contains("一、总体情况", html);
        Assert.Contains("监督保障", html); // guidance of section 一
        Assert.Contains("建议和政协提案", html); // guidance of section 六
        Assert.Contains("本机关共收到政府信息公开申请3件", html); // an offered figure from table 3
        Assert.Contains("发布前检查", html);
        Assert.Contains(AnnualReportCodes.NarrativeFigure, html); // the text quotes 0 applications, the table 3
        Assert.Contains("2025年1月31日", html);

        // Another agency's officer sees only their own agency's year; a supervisor is not desk staff.
        var land = await LoginAsync(factory, DemoUsers.LandOfficer);
        Assert.Contains("本年度报告尚未建立", await land.Http.GetStringAsync(Page));
        var supervisor = await LoginAsync(factory, DemoUsers.HealthSupervisor);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Http.GetAsync(Page)).StatusCode);
        var otherDownload = await land.Http.GetAsync("/Workspace/Download?agencyId=" + await AgencyIdAsync(app) + "&year=2024&format=json");
        Assert.Equal(HttpStatusCode.NotFound, otherDownload.StatusCode);
    }

    [Fact]
    public async Task Review_OnlySupervisorsOfTheAgencyTree_SeeTheReport()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, Clock());
        var land = await LoginAsync(factory, DemoUsers.LandOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(land, "StartTyped")).StatusCode);
        var id = await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Id).SingleAsync());

        var health = await LoginAsync(factory, DemoUsers.HealthSupervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await health.Http.GetAsync($"/Workspace/Review/Report?id={id}")).StatusCode);
        var county = await LoginAsync(factory, DemoUsers.CountySupervisor);
        Assert.Equal(HttpStatusCode.OK, (await county.Http.GetAsync($"/Workspace/Review/Report?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await land.Http.GetAsync($"/Workspace/Review/Report?id={id}")).StatusCode); // desk staff are not supervisors
    }

    [Fact]
    public async Task Upload_IntoWorkspaceDraft_BecomesAVersion_HistoryAndTextKept_OldShapeRowStillLoads()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, Clock());
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        await StartBrokenReportAsync(officer);
        var agencyId = await AgencyIdAsync(app);

        // A row in the old upload shape (plain canonical report JSON), as /Reports/Upload once wrote it.
        var old = Gongkai.Domain.Reports.Report.Empty("2021") with { Agency = "兰陵县卫生健康局", Year = 2023 };
        await app.WithDbAsync(async db =>
        {
            db.AnnualReports.Add(new AnnualReport { AgencyId = agencyId, Year = 2023, Status = ReportState.Draft, Json = Gongkai.Domain.Reports.ReportJson.Serialize(old), UpdatedAt = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc) });
            return await db.SaveChangesAsync();
        });
        var oldPage = await officer.Http.GetAsync("/Workspace/Report?year=2023");
        Assert.Equal(HttpStatusCode.OK, oldPage.StatusCode);
        Assert.Contains("草稿", await oldPage.Content.ReadAsStringAsync());

        // Upload a 2024 report file and keep it as the agency's draft.
        var tables = Gongkai.Domain.Reports.Report.Empty("2021") with { Agency = "兰陵县卫生健康局", Year = 2024 };
        var html = Gongkai.Render.ReportRenderers.Render(tables, "html");
        var token = await officer.TokenAsync("/Reports/Upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(html), "ReportFile", "2024年度报告.html" },
            { new StringContent(agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "SaveForAgencyId" },
        };
        var uploaded = await officer.Http.PostAsync("/Reports/Upload", form);
        Assert.Contains("已保存为 2024 年度报告草稿", await uploaded.Content.ReadAsStringAsync());

        // One workflow: the upload is the latest step; what came before, and the written text, are kept.
        var json = await app.WithDbAsync(db => db.AnnualReports.Where(r => r.Year == 2024).Select(r => r.Json).SingleAsync());
        var workflow = ReportWorkflowJson.ParseWorkflow(json);
        Assert.Equal(ReportAction.Created, workflow.History[0].Action);
        Assert.True(workflow.History.Length >= 4);
        Assert.Contains("2024年度报告.html", workflow.History[^1].Comment);
        Assert.Equal(TablesOrigin.Imported, workflow.Draft.Origin);
        Assert.Contains("依申请公开答复文书规范性有待提升", workflow.Draft.TextOf(5));
    }

    [Fact]
    public async Task SupervisorOverview_PerAgencyStanding_AndTheReviewPagesChecks()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, Clock());
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        await StartBrokenReportAsync(officer);
        var supervisor = await LoginAsync(factory, DemoUsers.CountySupervisor);

        var html = await supervisor.Http.GetStringAsync("/Supervisor?year=2024");
        var health = Regex.Match(html, "<tr data-agency=\"LLWJ\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var land = Regex.Match(html, "<tr data-agency=\"LLZR\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("未提交", health);
        Assert.Contains("未提交", land);
        Assert.DoesNotContain("逾期", health);

        // The same findings as the review page (ReportChecks: the unbalanced table 3 and more).
        var id = await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Id).SingleAsync());
        Assert.Contains($"/Workspace/Review/Report?id={id}", health);
        var errors = int.Parse(Regex.Match(health, "(\\d+) 个错误").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var review = await supervisor.Http.GetStringAsync($"/Workspace/Review/Report?id={id}");
        Assert.True(errors > 0);
        Assert.Contains("T3.balance", review);
    }

    [Fact]
    public async Task Submit_BeforeYearEnds_RefusedInChinese()
    {
        await using var app = new GongkaiApp();
        await using var factory = WithClock(app, new FakeTimeProvider(new DateTimeOffset(2024, 12, 20, 2, 0, 0, TimeSpan.Zero)));
        var officer = await LoginAsync(factory, DemoUsers.HealthOfficer);
        await StartBrokenReportAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, "Cell", new() { ["CellKey"] = "table3:new_received:6", ["CellValue"] = "0" })).StatusCode);

        var refused = await PostAsync(officer, "Submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains(AnnualReportCodes.YearNotEnded, body);
        Assert.Contains("2024年度报告须在2025年1月1日起报送", body);
        Assert.Equal(ReportState.Draft, await StatusAsync(app));
    }

    private static Task<ReportState> StatusAsync(GongkaiApp app) => app.WithDbAsync(db => db.AnnualReports.Select(r => r.Status).SingleAsync());

    private static Task<int> AgencyIdAsync(GongkaiApp app) => app.WithDbAsync(db => db.AnnualReports.Select(r => r.AgencyId).SingleAsync());

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionRegex();

    [GeneratedRegex("name=\"FindingKey\" value=\"([^\"]+)\"")]
    private static partial Regex FindingKeyRegex();
}

/// <summary>Last year's published file, imported for the cross-year checks.</summary>
public sealed class PreviousYearTests
{
    [Fact]
    public async Task ImportPrevious_RenderedLastYearReport_CrossYearChecksRun()
    {
        await using var app = new GongkaiApp();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 10, 1, 0, 0, TimeSpan.Zero));
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var officer = new StaffClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/Account/Login", new() { ["UserName"] = DemoUsers.HealthOfficer, ["Password"] = GongkaiApp.Password })).StatusCode);
        const string page = "/Workspace/Report?year=2024";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(page, [], "/Workspace/Report?year=2024&handler=StartTyped")).StatusCode);

        // Last year's report as published: 2 applications carried forward into 2024.
        var last = Gongkai.Domain.Reports.Report.Empty("2021") with { Agency = "兰陵县卫生健康局", Year = 2023 };
        foreach (var layout in last.TableLayouts())
        {
            foreach (var cell in layout.Cells())
            {
                last = last.WithCell(cell, Gongkai.Domain.Reports.Cell.Of(0));
            }
        }

        foreach (var (row, n) in new[] { ("new_received", 5), ("granted", 3), ("total", 3), ("carried_forward", 2) })
        {
            last = last.WithCell(new("table3", row, 0), Gongkai.Domain.Reports.Cell.Of(n)).WithCell(new("table3", row, 6), Gongkai.Domain.Reports.Cell.Of(n));
        }

        var html = Gongkai.Render.ReportRenderers.Render(last, "html");
        var token = await officer.TokenAsync(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(html), "ReportFile", "2023年度报告.html" },
        };
        var r = await officer.Http.PostAsync("/Workspace/Report?year=2024&handler=ImportPrevious", form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var body = await officer.Http.GetStringAsync(page);
        Assert.Contains("X.carry-over", body);
        Assert.DoesNotContain("导入2023年度已发布的报告用于核对", body);
        Assert.Equal(ReportState.Published, await app.WithDbAsync(db => db.AnnualReports.Where(x => x.Year == 2023).Select(x => x.Status).SingleAsync()));
    }
}
