using Gongkai.Data;
using Gongkai.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Applies the provider's migrations, creates the roles and, into an empty database when
/// <c>Gongkai:Seed:Demo</c> is on, seeds the demo (<see cref="DemoSeed"/>).
/// </summary>
public static class DatabaseInitialiser
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GongkaiDbContext>();
        await db.Database.MigrateAsync();
        await services.GetRequiredService<Gongkai.Web.Casework.CalendarService>().ReloadAsync(db);

        var options = app.Configuration.GetSection("Gongkai:Seed").Get<SeedOptions>() ?? new SeedOptions();
        await SeedRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        if (!options.Demo || await db.Agencies.AnyAsync())
        {
            return;
        }

        await DemoSeed.SeedAsync(services, options);
    }

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
