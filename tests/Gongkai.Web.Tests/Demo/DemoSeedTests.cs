using Gongkai.Data.Disclosure;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Web.Tests.Demo;

/// <summary>The demo seed shows the product: every account has something to do, the portal has content, and nothing is stuck unflagged.</summary>
public sealed class DemoSeedTests
{
    /// <summary>A date early in a year (last year's reports are due) and one late in it: the seed is relative to the clock's today.</summary>
    public static readonly DateTimeOffset[] s_days = [new(2026, 1, 12, 2, 0, 0, TimeSpan.Zero), new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero)];

    [DatabaseTheory]
    public async Task DemoSeed_CasesForEveryAgency_ReportsPublishedAndWaiting_ItemsInTheCatalogue(Db db)
    {
        await using var app = new GongkaiApp(db, casesPerAgency: 15);
        var today = ChinaTime.Today(TimeProvider.System);
        var agencies = await app.WithDbAsync(d => d.Agencies.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["LLX", "LLWJ", "LLZR"], agencies.Select(a => a.Code));
        Assert.All(agencies, a => Assert.True(Gongkai.Domain.Disclosure.UnifiedSocialCreditCode.IsValid(a.CreditCode), a.CreditCode + " fails GB 32100"));
        Assert.All(agencies, a => Assert.False(string.IsNullOrEmpty(a.GuideText) || a.Email is null || a.ReceivingOffice is null, a.Name + " has no guide or contacts"));

        // Every agency's desk, the county government's too, has open applications.
        foreach (var a in agencies)
        {
            var open = await app.WithDbAsync(d => d.Cases.CountAsync(c => c.AgencyId == a.Id && c.State == ApplicationState.Open));
            Assert.True(open >= 2, $"{a.Name}: {open} open applications");
        }

        // Last year: 卫生健康局's report published, 自然资源局's waiting for the county's 审核, the county's own a draft.
        var reports = await app.WithDbAsync(d => d.AnnualReports.Where(r => r.Year == today.Year - 1).ToDictionaryAsync(r => r.AgencyId, r => r.Status));
        Assert.Equal(ReportState.Published, reports[agencies[1].Id]);
        Assert.Equal(ReportState.Submitted, reports[agencies[2].Id]);
        Assert.Equal(ReportState.Draft, reports[agencies[0].Id]);

        // 主动公开: three published per agency and one waiting for review; the catalogue and its search show them.
        var items = await app.WithDbAsync(d => d.Set<DisclosureRecord>().Select(r => new { r.AgencyId, r.State }).ToListAsync());
        Assert.All(agencies, a => Assert.Equal(3, items.Count(i => i.AgencyId == a.Id && i.State == "Published")));
        Assert.All(agencies, a => Assert.Equal(1, items.Count(i => i.AgencyId == a.Id && i.State == "SecrecyReview")));
        var visitor = await StaffClient.CreateAsync(app, null);
        var found = await visitor.Http.GetStringAsync("/Portal/Catalogue?q=" + Uri.EscapeDataString("基本公共卫生"));
        Assert.Contains("基本公共卫生服务项目补助资金分配情况", found);
        Assert.Contains("共 1 条", found);
        var front = await visitor.Http.GetStringAsync("/Portal");
        Assert.Contains("兰陵县卫生健康局" + (today.Year - 1) + "年政府信息公开工作年度报告", front);
        Assert.Contains("基本公共卫生服务项目补助资金分配情况", front);

        // The start pages say what waits: every desk has applications in hand, one overdue, and an item in review; the county's supervisor a report.
        foreach (var code in new[] { "llx", "llwj", "llzr" })
        {
            var home = await (await StaffClient.CreateAsync(app, code + ".approver")).Http.GetStringAsync("/");
            Assert.Matches(@"办理中的申请 [1-9]\d* 件，其中逾期 [1-9]\d* 件", home);
            Assert.Contains("审查中 1 条", home);
        }

        Assert.Contains("待审核的年度报告 1 份", await (await StaffClient.CreateAsync(app, DemoUsers.CountySupervisor)).Http.GetStringAsync("/"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task DemoSeed_NoCasePausedLongWithoutAFlag(int day)
    {
        var clock = new FakeTimeProvider(s_days[day]);
        await using var app = new GongkaiApp(casesPerAgency: 60, clock: clock);
        var today = ChinaTime.Today(clock);
        var paused = new[] { ApplicationState.AwaitingSupplement, ApplicationState.Consulting, ApplicationState.AwaitingFee };
        var stuck = await app.WithDbAsync(async d =>
        {
            var cases = await d.Cases.Where(c => c.State != null && paused.Contains(c.State.Value)).Select(c => new { c.Id, c.TrackingNumber, c.State }).ToListAsync();
            var result = new List<string>();
            foreach (var c in cases)
            {
                var last = await d.CaseEvents.Where(e => e.CaseId == c.Id).MaxAsync(e => e.OccurredOn);
                if (last < today.AddDays(-30))
                {
                    result.Add($"{c.TrackingNumber} {c.State} since {last}");
                }
            }

            return result;
        });
        Assert.True(stuck.Count == 0, "paused for more than 30 days: " + string.Join("; ", stuck));

        // The clock was respected: no event after today, and the newest case received within the last weeks.
        var newest = await app.WithDbAsync(d => d.Cases.MaxAsync(c => c.ReceivedOn));
        Assert.InRange(newest!.Value, today.AddDays(-14), today);
        Assert.False(await app.WithDbAsync(d => d.CaseEvents.AnyAsync(e => e.OccurredOn > today)));
    }
}
