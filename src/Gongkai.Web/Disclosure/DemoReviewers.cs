using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Disclosure;

/// <summary>
/// The demo seed's second reviewer per department: 保密审查 and 合法性审查 are done by two different
/// people, so each department gets a 法制审核员 (<c>llwj.legal</c>, role approver) besides its
/// <c>llwj.approver</c>. Called once by the demo seed, after the other accounts.
/// </summary>
public static class DemoReviewers
{
    /// <summary>The demo account name of a department's second reviewer, e.g. <c>llwj.legal</c>.</summary>
    public static string UserName(string agencyCode) => $"{agencyCode.ToLowerInvariant()}.legal";

    /// <summary>Creates the accounts; returns (agency, user, role, password) for the one-time printout.</summary>
    public static async Task<List<(string Agency, string User, string Role, string Password)>> SeedAsync(
        UserManager<GongkaiUser> users, IEnumerable<Agency> agencies, string? fixedPassword)
    {
        var created = new List<(string, string, string, string)>();
        foreach (var agency in agencies.Where(a => a.Kind == AgencyKind.Department))
        {
            var password = fixedPassword ?? PasswordGenerator.Generate();
            var user = new GongkaiUser
            {
                UserName = UserName(agency.Code),
                AgencyId = agency.Id,
                DisplayName = $"{agency.Name}法制审核员",
                EmailConfirmed = true,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, Roles.Approver);
            created.Add((agency.Name, user.UserName, Roles.Approver, password));
        }

        return created;
    }
}
