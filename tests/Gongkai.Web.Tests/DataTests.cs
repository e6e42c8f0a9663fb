using Gongkai.Domain.AnnualReports;
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
}
