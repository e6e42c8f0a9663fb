using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Web.Tests;

/// <summary>
/// The dashboard's lists and counts against rows written straight into the database, more of each
/// kind than a list shows, on both databases: the lists are the first <see cref="Dashboard.ListSize"/>
/// in the right order and the counts count them all, whatever index the query takes.
/// </summary>
public sealed class DashboardQueryTests
{
    private static readonly DateOnly s_today = new(2025, 6, 11); // a Wednesday, a working day

    [DatabaseTheory]
    public async Task ListsAndCounts_CoverEveryRow_AndTheListsShowTheFirstInOrder(Db db)
    {
        await using var app = new GongkaiApp(db);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 11, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Beijing
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

        int agency;
        int other;
        var rows = new List<CaseRecord>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agencies = await context.Agencies.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            (agency, other) = (agencies[1], agencies[2]);
            var n = 0;
            CaseRecord Row(int agencyId, ApplicationState? state, DateOnly submitted, DateOnly? due = null, bool extended = false, bool awaiting = false) => new()
            {
                Id = Guid.NewGuid(),
                AgencyId = agencyId,
                TrackingNumber = $"T{++n:D5}",
                SubmittedOn = submitted,
                ReceivedOn = awaiting ? null : submitted,
                Year = submitted.Year,
                ApplicantName = "申请人" + n,
                Description = "所需信息",
                State = state,
                DueOn = due,
                IsExtended = extended,
                AwaitingConfirmation = awaiting,
            };

            // 23 overdue (one extended), 4 due within three working days, 25 later (22 of them extended),
            // 25 paused across the three paused states, 3 decided, 2 awaiting confirmation.
            for (var i = 0; i < 23; i++)
            {
                rows.Add(Row(agency, ApplicationState.Open, s_today.AddDays(-40 - i), s_today.AddDays(-1 - i), extended: i == 5));
            }

            for (var i = 0; i < 4; i++)
            {
                rows.Add(Row(agency, ApplicationState.Open, s_today.AddDays(-10), s_today.AddDays(i % 2)));
            }

            for (var i = 0; i < 25; i++)
            {
                rows.Add(Row(agency, ApplicationState.Open, s_today.AddDays(-5), s_today.AddDays(20 + i), extended: i < 22));
            }

            ApplicationState[] paused = [ApplicationState.AwaitingSupplement, ApplicationState.Consulting, ApplicationState.AwaitingFee];
            for (var i = 0; i < 25; i++)
            {
                rows.Add(Row(agency, paused[i % 3], s_today.AddDays(-(i * 7 % 50) - 1)));
            }

            for (var i = 0; i < 3; i++)
            {
                rows.Add(Row(agency, ApplicationState.Decided, s_today.AddDays(-90)));
            }

            rows.Add(Row(agency, null, s_today.AddDays(-1), awaiting: true));
            rows.Add(Row(agency, null, s_today.AddDays(-2), awaiting: true));

            // Another agency's cases never show.
            for (var i = 0; i < 30; i++)
            {
                rows.Add(Row(other, i % 2 == 0 ? ApplicationState.Open : ApplicationState.Consulting, s_today.AddDays(-100), s_today.AddDays(-50), extended: true));
            }

            context.Cases.AddRange(rows);
            await context.SaveChangesAsync();
        }

        DashboardView view;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            view = await Dashboard.BuildAsync(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<CaseService>(),
                services.GetRequiredService<DeadlineExplanations>(), agency, CancellationToken.None);
        }

        var mine = rows.Where(r => r.AgencyId == agency).ToList();
        var running = mine.Where(r => r.State == ApplicationState.Open).ToList();
        var pausedRows = mine.Where(r => r.State is ApplicationState.AwaitingSupplement or ApplicationState.Consulting or ApplicationState.AwaitingFee).ToList();
        var soon = new DateOnly(2025, 6, 16); // three working days after Wednesday 11 June

        Assert.Equal(soon, view.SoonLimit);
        Assert.Equal(running.Count + pausedRows.Count, view.OpenCount);
        Assert.Equal(23, view.OverdueCount);
        Assert.Equal(4, view.DueSoonCount);
        Assert.Equal(25, view.PausedCount);
        Assert.Equal(23, view.ExtendedCount);

        Assert.Equal(
            running.Where(r => r.DueOn < s_today).OrderBy(r => r.DueOn).Take(Dashboard.ListSize).Select(r => r.TrackingNumber),
            view.Overdue.Select(i => i.Record.TrackingNumber));
        Assert.Equal(
            running.Where(r => r.DueOn >= s_today && r.DueOn <= soon).Select(r => r.TrackingNumber).Order(),
            view.DueSoon.Select(i => i.Record.TrackingNumber).Order());
        Assert.Equal(
            pausedRows.OrderBy(r => r.SubmittedOn).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).Take(Dashboard.ListSize).Select(r => r.TrackingNumber),
            view.Paused.Select(i => i.Record.TrackingNumber));
        Assert.Equal(
            running.Where(r => r.IsExtended).OrderBy(r => r.DueOn).Take(Dashboard.ListSize).Select(r => r.TrackingNumber),
            view.Extended.Select(i => i.Record.TrackingNumber));
        Assert.Equal(["T00082", "T00081"], view.AwaitingConfirmation.Select(r => r.TrackingNumber));
        Assert.All(view.Overdue.Concat(view.Extended), i => Assert.Equal(agency, i.Record.AgencyId));
    }
}
