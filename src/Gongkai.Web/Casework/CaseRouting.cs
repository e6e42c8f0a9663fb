using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Results;
using Gongkai.Web.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Casework;

/// <summary>A staff member who may handle a case: the account's user name and the name shown.</summary>
public sealed record Handler(string UserName, string Name);

/// <summary>An agency a case may be transferred to.</summary>
public sealed record TransferTarget(int Id, string Name);

/// <summary>
/// Who handles a case (承办人) and where (转办): assigning a case to a desk member of its agency, and
/// transferring it to another agency of the same government's tree. Both are case events (checked by the
/// domain, audited, refused on a lost race like every step); the answer period is unchanged by either.
/// </summary>
public sealed class CaseRouting(GongkaiDbContext db, CaseService cases, CurrentStaff staff)
{
    /// <summary>The active desk staff (经办人员, 审批人员) of <paramref name="agencyId"/>, by name.</summary>
    public async Task<IReadOnlyList<Handler>> HandlersAsync(int agencyId, CancellationToken ct = default)
    {
        var desk = new[] { Roles.Officer, Roles.Approver };
        var disabledFrom = StaffAccounts.DisabledUntil.AddYears(-1);
        var rows = await (
                from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.AgencyId == agencyId && desk.Contains(r.Name!)
                select new { u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        return rows
            .Where(u => u.UserName is not null && (u.LockoutEnd is null || u.LockoutEnd < disabledFrom))
            .DistinctBy(u => u.UserName)
            .Select(u => new Handler(u.UserName!, u.DisplayName ?? u.UserName!))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The name shown for <paramref name="userName"/> (the user name itself for an account that no longer exists).</summary>
    public async Task<string?> NameOfAsync(string? userName, CancellationToken ct = default) =>
        userName is null ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? userName;

    /// <summary>
    /// The agencies <paramref name="agencyId"/> may transfer a case to: every other agency under the same top-level
    /// government (the top of its tree), by name.
    /// </summary>
    public async Task<IReadOnlyList<TransferTarget>> TargetsAsync(int agencyId, CancellationToken ct = default)
    {
        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Name }).ToListAsync(ct);
        var byId = all.ToDictionary(a => a.Id);
        if (!byId.TryGetValue(agencyId, out var top))
        {
            return [];
        }

        for (var hops = 0; top.ParentId is { } parent && byId.TryGetValue(parent, out var up) && hops < all.Count; hops++)
        {
            top = up;
        }

        var tree = new List<int> { top.Id };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(all.Where(a => a.ParentId == tree[i]).Select(a => a.Id));
        }

        return tree.Where(id => id != agencyId).Select(id => new TransferTarget(id, byId[id].Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Makes <paramref name="handler"/> (a desk member of the case's agency) the case's 承办人.</summary>
    public async Task<Result<CaseRecord>> AssignAsync(LoadedCase loaded, int expectedVersion, string? handler, CancellationToken ct = default)
    {
        var match = (await HandlersAsync(loaded.Record.AgencyId, ct)).FirstOrDefault(h => h.UserName == handler);
        if (match is null)
        {
            return CaseworkCodes.Problem(CaseworkCodes.UnknownHandler);
        }

        var e = new Assigned(cases.Today, cases.Recorded(), match.UserName, match.Name);
        return await cases.AppendAsync(loaded, expectedVersion, e, r => r.Handler = match.UserName, ct);
    }

    /// <summary>
    /// Transfers the case (转办) to <paramref name="targetId"/>, an agency of the same tree, for <paramref name="reason"/>.
    /// Only an approver (审批人员) may; the case leaves this desk, the receiving agency assigns its own 承办人.
    /// </summary>
    public async Task<Result<CaseRecord>> TransferAsync(LoadedCase loaded, int expectedVersion, int? targetId, string? reason, CancellationToken ct = default)
    {
        if (!staff.IsApprover)
        {
            return CaseworkCodes.Problem(CaseworkCodes.TransferNotApprover);
        }

        var target = (await TargetsAsync(loaded.Record.AgencyId, ct)).FirstOrDefault(t => t.Id == targetId);
        if (target is null)
        {
            return CaseworkCodes.Problem(CaseworkCodes.TransferAgency);
        }

        var from = await db.Agencies.AsNoTracking().Where(a => a.Id == loaded.Record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var e = new Transferred(cases.Today, cases.Recorded(), from, target.Name, reason?.Trim() ?? string.Empty);
        return await cases.AppendAsync(loaded, expectedVersion, e, r =>
        {
            r.AgencyId = target.Id;
            r.Handler = null;
        }, ct);
    }
}
