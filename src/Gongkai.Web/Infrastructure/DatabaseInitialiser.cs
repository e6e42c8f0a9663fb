using Gongkai.Domain.AnnualReports;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>Settings of the first-start seed (section <c>Gongkai:Seed</c>).</summary>
public sealed class SeedOptions
{
    /// <summary>Seed the demo agency tree and users into an empty database.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Demo applications per department (a year of them).</summary>
    public int CasesPerAgency { get; set; } = 120;

    /// <summary>
    /// Tests only: give every demo user this password instead of a random one (then nothing is
    /// printed). Never set it in a real deployment.
    /// </summary>
    public string? Password { get; set; }
}

/// <summary>
/// Applies the provider's migrations and, into an empty database, seeds the demo agency tree, its
/// staff (random passwords printed once to the console, stored nowhere) and a year of cases.
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

        var agencies = await SeedAgenciesAsync(db);
        var credentials = await SeedUsersAsync(services.GetRequiredService<UserManager<GongkaiUser>>(), agencies, options.Password);
        if (options.CasesPerAgency > 0)
        {
            await DemoCases.SeedAsync(services, agencies.Where(a => a.Kind == AgencyKind.Department).ToList(), options.CasesPerAgency);
            await DemoCases.PublishLastYearAsync(services, agencies.Where(a => a.Kind == AgencyKind.Department).ToList());
        }

        if (options.Password is null)
        {
            PrintOnce(credentials);
        }
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

    /// <summary>The demo tree: 兰陵县人民政府 and two of its departments. Credit codes are made up but well formed (GB 32100 check character).</summary>
    private static async Task<List<Agency>> SeedAgenciesAsync(GongkaiDbContext db)
    {
        var county = new Agency
        {
            Name = "兰陵县人民政府",
            Code = "LLX",
            CreditCode = "11371324MB2858011C",
            Kind = AgencyKind.Government,
            Address = "兰陵县会宝路1号 县政府办公室政务公开科",
            Phone = "0539-5211001",
            OfficeHours = "工作日 上午8:30-12:00，下午13:30-17:30",
        };
        var health = new Agency
        {
            Name = "兰陵县卫生健康局",
            Code = "LLWJ",
            CreditCode = "11371324MB2858127M",
            Kind = AgencyKind.Department,
            Parent = county,
            Address = "兰陵县文化路18号 办公室",
            Phone = "0539-5211234",
            OfficeHours = "工作日 上午8:30-12:00，下午13:30-17:30",
        };
        var land = new Agency
        {
            Name = "兰陵县自然资源局",
            Code = "LLZR",
            CreditCode = "11371324MB2858135G",
            Kind = AgencyKind.Department,
            Parent = county,
            Address = "兰陵县金山路66号 政务公开办公室",
            Phone = "0539-5212345",
            OfficeHours = "工作日 上午8:30-12:00，下午13:30-17:30",
        };
        db.Agencies.AddRange(county, health, land);
        await db.SaveChangesAsync();
        return [county, health, land];
    }

    private static async Task<List<(string Agency, string User, string Role, string Password)>> SeedUsersAsync(
        UserManager<GongkaiUser> users, List<Agency> agencies, string? fixedPassword)
    {
        var created = new List<(string, string, string, string)>();
        foreach (var agency in agencies)
        {
            foreach (var role in Roles.All)
            {
                var name = DemoUserName(agency.Code, role);
                var password = fixedPassword ?? PasswordGenerator.Generate();
                var user = new GongkaiUser
                {
                    UserName = name,
                    AgencyId = agency.Id,
                    DisplayName = $"{agency.Name}{Roles.Label(role)}",
                    // A reserved domain (RFC 2606): staff reminders to demo accounts go nowhere real.
                    Email = $"{name}@gongkai.invalid",
                    EmailConfirmed = true,
                };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, role);
                created.Add((agency.Name, name, role, password));
            }
        }

        return created;
    }

    /// <summary>The demo account name of <paramref name="role"/> at the agency with <paramref name="agencyCode"/>, e.g. <c>llwj.officer</c>.</summary>
    public static string DemoUserName(string agencyCode, string role) => $"{agencyCode.ToLowerInvariant()}.{role}";

    private static void PrintOnce(List<(string Agency, string User, string Role, string Password)> credentials)
    {
        Console.WriteLine();
        Console.WriteLine("================ 演示账号（仅显示这一次，请立即保存） ================");
        foreach (var (agency, user, role, password) in credentials)
        {
            Console.WriteLine($"  {agency,-12} {Roles.Label(role),-6} 用户名 {user,-18} 密码 {password}");
        }

        Console.WriteLine("======================================================================");
        Console.WriteLine();
    }
}
