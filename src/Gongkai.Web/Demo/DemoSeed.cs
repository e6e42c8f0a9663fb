using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Demo;

/// <summary>Settings of the first-start seed (section <c>Gongkai:Seed</c>).</summary>
public sealed class SeedOptions
{
    /// <summary>Seed the demo agency tree and users into an empty database.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>
    /// Demo applications per agency (a year of them). Above zero the seed also fills the rest of the
    /// demo: 主动公开 items, last year's annual reports (one published, one waiting for 审核).
    /// </summary>
    public int CasesPerAgency { get; set; } = 120;

    /// <summary>
    /// Tests only: give every demo user this password instead of a random one (then nothing is
    /// printed). Never set it in a real deployment.
    /// </summary>
    public string? Password { get; set; }
}

/// <summary>One demo account: its user name, role and the name shown.</summary>
public sealed record DemoAccount(string UserName, string Role, string DisplayName);

/// <summary>
/// The demo: an agency tree (<see cref="DemoAgencies"/>) with its staff, and, with cases, something to
/// do for every account — open applications for the desk of every agency (the county government's
/// too), 主动公开 items published and one waiting for review (<see cref="DemoDisclosure"/>), last year's
/// reports, one published and one waiting for the county's 审核 (<see cref="DemoReports"/>). Dates are
/// relative to the injected clock's today.
/// </summary>
public static class DemoSeed
{
    public static async Task SeedAsync(IServiceProvider services, SeedOptions options)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var agencies = await SeedAgenciesAsync(db);
        var credentials = await SeedUsersAsync(services.GetRequiredService<UserManager<GongkaiUser>>(), agencies, options.Password);
        if (options.CasesPerAgency > 0)
        {
            await DemoCases.SeedAsync(services, agencies, options.CasesPerAgency);
            await DemoReports.SeedAsync(services, agencies);
            await DemoDisclosure.SeedAsync(services, agencies);
        }

        if (options.Password is null)
        {
            PrintOnce(credentials);
        }
    }

    /// <summary>
    /// The demo accounts of <paramref name="agency"/>: one per role, and a second approver, the
    /// 法制审核员 (<c>llwj.legal</c>), so 保密审查 and 合法性审查 can be done by two different people.
    /// </summary>
    public static IEnumerable<DemoAccount> Accounts(Agency agency)
    {
        foreach (var role in Roles.All)
        {
            yield return new DemoAccount(DemoUserName(agency.Code, role), role, $"{agency.Name}{Roles.Label(role)}");
        }

        yield return new DemoAccount(LegalReviewer(agency.Code), Roles.Approver, $"{agency.Name}法制审核员");
    }

    /// <summary>The demo account name of an agency's second reviewer, e.g. <c>llwj.legal</c>.</summary>
    public static string LegalReviewer(string agencyCode) => $"{agencyCode.ToLowerInvariant()}.legal";

    /// <summary>The demo account name of <paramref name="role"/> at the agency with <paramref name="agencyCode"/>, e.g. <c>llwj.officer</c>.</summary>
    public static string DemoUserName(string agencyCode, string role) => $"{agencyCode.ToLowerInvariant()}.{role}";

    private static async Task<List<Agency>> SeedAgenciesAsync(GongkaiDbContext db)
    {
        var tree = DemoAgencies.Tree();
        foreach (var (agency, parent) in tree)
        {
            agency.Parent = parent is null ? null : tree.Single(t => t.Agency.Code == parent).Agency;
            db.Agencies.Add(agency);
        }

        await db.SaveChangesAsync();
        return [.. tree.Select(t => t.Agency)];
    }

    private static async Task<List<(string Agency, string User, string Role, string Password)>> SeedUsersAsync(
        UserManager<GongkaiUser> users, List<Agency> agencies, string? fixedPassword)
    {
        var created = new List<(string, string, string, string)>();
        foreach (var agency in agencies)
        {
            foreach (var account in Accounts(agency))
            {
                var password = fixedPassword ?? PasswordGenerator.Generate();
                var user = new GongkaiUser
                {
                    UserName = account.UserName,
                    AgencyId = agency.Id,
                    DisplayName = account.DisplayName,
                    // A reserved domain (RFC 2606): staff reminders to demo accounts go nowhere real.
                    Email = $"{account.UserName}@gongkai.invalid",
                    EmailConfirmed = true,
                };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, account.Role);
                created.Add((agency.Name, account.UserName, account.Role, password));
            }
        }

        return created;
    }

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
