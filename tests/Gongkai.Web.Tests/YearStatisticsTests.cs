using Gongkai.Data.Casework;
using Gongkai.Domain.Casework;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The database-fed compile (<see cref="YearStatistics"/>) against the in-memory compiler over every stored case.</summary>
public sealed class YearStatisticsTests
{
    [DatabaseTheory]
    public async Task CompileFromDatabase_EqualsInMemoryCompile_OfAllTheAgencysCases(Db db)
    {
        await using var app = new GongkaiApp(db, casesPerAgency: 40);
        var rules = app.Services.GetRequiredService<CaseRules>();
        var checkedCells = await app.WithDbAsync(async d =>
        {
            var cells = 0;
            var agencies = await d.Agencies.Where(a => d.Cases.Any(c => c.AgencyId == a.Id)).ToListAsync();
            Assert.NotEmpty(agencies);
            foreach (var agency in agencies)
            {
                // Every case of the agency, whatever its year: the compiler itself must leave out those outside the year.
                var events = await d.CaseEvents.Where(e => d.Cases.Any(c => c.Id == e.CaseId && c.AgencyId == agency.Id)).ToListAsync();
                var cases = events.GroupBy(e => e.CaseId)
                    .Select(g => ApplicationCase.Replay(g.OrderBy(e => e.Sequence).Select(e => ApplicationEventJson.Deserialize(e.Kind, e.Data)), rules))
                    .ToList();
                foreach (var year in cases.Select(c => c.ReceivedOn.Year).Distinct())
                {
                    var fromDb = await YearStatistics.CompileAsync(d, rules, agency.Id, agency.Name, year, CancellationToken.None);
                    var inMemory = AnnualStatistics.Compile(agency.Name, year, cases, [], [], [], rules.Calendar);
                    foreach (var (cell, value) in inMemory.Report.Cells.Where(c => c.Key.Table == "table3"))
                    {
                        Assert.Equal(value.Value, fromDb.Report[cell].Value);
                        Assert.Equal(inMemory.CasesBehind(cell).Order(), fromDb.CasesBehind(cell).Order());
                        cells++;
                    }

                    Assert.Equal(cases.Count(c => c.ReceivedOn.Year == year), fromDb.Report["table3", "new_received", 6].Value);
                }
            }

            return cells;
        });
        Assert.True(checkedCells > 0);
    }
}
