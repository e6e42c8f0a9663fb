using System.Net;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>Tables compiled from the agency's casework in the database.</summary>
public sealed class CompiledWorkspaceTests
{
    [Fact]
    public async Task Compile_FromSeededCasework_TablesMatchTheCasesAndBalance()
    {
        await using var app = new GongkaiApp(casesPerAgency: 30);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 20, 1, 0, 0, TimeSpan.Zero));
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var officer = new StaffClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/Account/Login", new() { ["UserName"] = DemoUsers.HealthOfficer, ["Password"] = GongkaiApp.Password })).StatusCode);

        const string page = "/Workspace/Report?year=2025";
        // The seed published last year's (2024) report as plain canonical JSON: the workspace reads it as a published, imported report.
        var seeded = await officer.Http.GetStringAsync("/Workspace/Report?year=2024");
        Assert.Contains("已公开", seeded);
        Assert.Contains("首次公开晚于法定期限", seeded); // the seed publishes it "today", 20 December 2025
        Assert.Contains("根据办件统计", await officer.Http.GetStringAsync(page));
        var r = await officer.PostFormAsync(page, [], "/Workspace/Report?year=2025&handler=Compile");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var html = await officer.Http.GetStringAsync(page);
        Assert.Contains("本系统办件统计", html);
        var (json, agencyId) = await factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>()
            .AnnualReports.Where(x => x.Year == 2025).Select(x => new ValueTuple<string, int>(x.Json, x.AgencyId)).SingleAsync();
        var draft = ReportWorkflowJson.ParseDraft(json);
        Assert.Equal(TablesOrigin.Compiled, draft.Origin);
        var received = await factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>()
            .Cases.CountAsync(c => c.AgencyId == agencyId && c.ReceivedOn != null && c.ReceivedOn.Value.Year == 2025);
        Assert.True(received > 0);
        Assert.Equal(received, draft.Tables["table3", "new_received", 6].Value);
        Assert.DoesNotContain(RuleEngine.Check(draft.EffectiveTables()), d => d.Severity == Severity.Error);
        Assert.Contains($"本机关共收到政府信息公开申请{received}件", html);

        // The cases behind a compiled cell.
        var behind = await officer.Http.GetStringAsync("/Workspace/Report?year=2025&cell=table3:new_received:6");
        Assert.Contains("由 " + received + " 条记录统计而来", behind);
    }
}
