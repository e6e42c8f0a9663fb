using Gongkai.Data.Entities;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

public sealed class DataTests
{
    [Fact]
    public void PostgresTests_InCi_AreNotSilentlySkipped()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")), "CI must run the integration tests on PostgreSQL too: source .ci/postgres.sh to set GONGKAI_TEST_POSTGRES.");
        }
    }

    [DatabaseTheory]
    public async Task CaseEventsAndAudit_AreAppendOnly(Db db)
    {
        await using var app = new GongkaiApp(db);
        var id = await Cases.RegisterAsync(await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer));
        await app.WithDbAsync(async d =>
        {
            var e = await d.CaseEvents.SingleAsync(x => x.CaseId == id);
            e.Data = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => d.SaveChangesAsync());
            d.ChangeTracker.Clear();
            d.AuditEntries.Remove(await d.AuditEntries.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => d.SaveChangesAsync());
            return 0;
        });
    }

    [DatabaseTheory]
    public async Task DemoSeed_AYearOfCases_AndLastYearsReportsPublished(Db db)
    {
        await using var app = new GongkaiApp(db, casesPerAgency: 15);
        var (cases, published) = await app.WithDbAsync(async d => (await d.Cases.CountAsync(), await d.AnnualReports.CountAsync(r => r.Status == ReportStatus.Published)));
        Assert.Equal(30, cases);
        Assert.Equal(2, published);
        var creditCodes = await app.WithDbAsync(d => d.Agencies.Select(a => a.CreditCode).ToListAsync());
        Assert.All(creditCodes, c => Assert.True(Gongkai.Domain.Disclosure.UnifiedSocialCreditCode.IsValid(c), c + " fails GB 32100"));
        var client = await StaffClient.CreateAsync(app, null);
        var list = await client.Http.GetStringAsync("/Portal/Reports");
        Assert.Contains("兰陵县卫生健康局", list);
        var id = await app.WithDbAsync(d => d.AnnualReports.Select(r => r.Id).FirstAsync());
        var html = await client.Http.GetStringAsync($"/Portal/Report/{id}");
        Assert.Contains("政府信息公开工作年度报告", html);
    }
}
