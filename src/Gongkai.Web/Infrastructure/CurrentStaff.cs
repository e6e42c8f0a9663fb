using System.Globalization;
using System.Security.Claims;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>Adds the user's agency and display name to the cookie, so scoping needs no query.</summary>
public sealed class GongkaiClaimsFactory(
    UserManager<GongkaiUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<GongkaiUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(GongkaiUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(GongkaiClaims.AgencyId, agency.ToString(CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(GongkaiClaims.DisplayName, user.DisplayName ?? user.UserName ?? string.Empty));
        return identity;
    }
}

/// <summary>
/// Who is asking and what they may see: desk staff see their own agency; supervisors their
/// agency and every agency below it; administrators manage the accounts (and read the audit trail)
/// of their agency and every agency below it. Every page and endpoint filters through this.
/// </summary>
public sealed class CurrentStaff(IHttpContextAccessor accessor, GongkaiDbContext db)
{
    private IReadOnlyList<int>? _supervised;
    private IReadOnlyList<int>? _administered;

    public ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => User.Identity?.Name;

    public string DisplayName => User.FindFirstValue(GongkaiClaims.DisplayName) ?? UserName ?? "匿名";

    public int? AgencyId =>
        int.TryParse(User.FindFirstValue(GongkaiClaims.AgencyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public bool IsDesk => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Approver);

    public bool IsApprover => User.IsInRole(Roles.Approver);

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    /// <summary>The agency whose cases this user works on; an <see cref="InvalidOperationException"/> for a user without one (the policies prevent that).</summary>
    public int DeskAgencyId => AgencyId ?? throw new InvalidOperationException("This account belongs to no agency.");

    /// <summary>The supervisor's agency and all agencies below it (empty for others).</summary>
    public async Task<IReadOnlyList<int>> SupervisedAgencyIdsAsync(CancellationToken ct = default)
    {
        if (_supervised is not null)
        {
            return _supervised;
        }

        if (!IsSupervisor || AgencyId is not { } root)
        {
            return _supervised = [];
        }

        return _supervised = await SubtreeAsync(root, ct);
    }

    /// <summary>
    /// The administrator's agency and all agencies below it (empty for others): the accounts and the
    /// audit trail an administrator manages. Independent of <see cref="SupervisedAgencyIdsAsync"/>:
    /// being an administrator gives no sight of cases or reports.
    /// </summary>
    public async Task<IReadOnlyList<int>> AdministeredAgencyIdsAsync(CancellationToken ct = default)
    {
        if (_administered is not null)
        {
            return _administered;
        }

        if (!IsAdmin || AgencyId is not { } root)
        {
            return _administered = [];
        }

        return _administered = await SubtreeAsync(root, ct);
    }

    /// <summary><paramref name="root"/> and every agency below it, walking the parent links breadth first.</summary>
    private async Task<List<int>> SubtreeAsync(int root, CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
        var result = new List<int> { root };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(a => a.ParentId == result[i]).Select(a => a.Id));
        }

        return result;
    }

    /// <summary>Whether this user may see the reports and statistics of <paramref name="agencyId"/>.</summary>
    public async Task<bool> MaySeeAgencyAsync(int agencyId, CancellationToken ct = default) =>
        (IsDesk && AgencyId == agencyId) || (await SupervisedAgencyIdsAsync(ct)).Contains(agencyId);
}
