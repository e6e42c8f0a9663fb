using System.ComponentModel.DataAnnotations;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Accounts;

/// <summary>Whether an account may sign in.</summary>
public enum AccountStatus
{
    /// <summary>正常.</summary>
    Active,

    /// <summary>已锁定: locked for a while after repeated failed sign-ins.</summary>
    LockedOut,

    /// <summary>已停用: disabled by an administrator until enabled again.</summary>
    Disabled,
}

/// <summary>One staff account as the administrator's pages show it.</summary>
public sealed record StaffAccount(
    string Id,
    string UserName,
    string DisplayName,
    int AgencyId,
    string AgencyName,
    IReadOnlyList<string> Roles,
    AccountStatus Status,
    DateTime? ChangedAt,
    string? ChangedBy)
{
    /// <summary>The account's one role, or null when it has none or (by some earlier mistake) several.</summary>
    public string? Role => Roles.Count == 1 ? Roles[0] : null;

    public string RolesZh => Roles.Count == 0 ? "（无）" : string.Join("、", Roles.Select(Infrastructure.Roles.Label));

    public string StatusZh => StaffAccounts.Label(Status);
}

/// <summary>The form of a new account. Messages are Chinese and appear beside each field.</summary>
public sealed class NewAccountForm
{
    [Required(ErrorMessage = FormCodes.UserNameRequired)]
    [StringLength(50, MinimumLength = 3, ErrorMessage = FormCodes.UserNameLength)]
    [RegularExpression(@"^[A-Za-z0-9.]+$", ErrorMessage = FormCodes.UserNameCharacters)]
    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = FormCodes.DisplayNameRequired)]
    [StringLength(50, ErrorMessage = FormCodes.DisplayNameLength)]
    [Display(Name = "姓名")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = FormCodes.AccountAgencyRequired)]
    [Display(Name = "所属机关")]
    public int? AgencyId { get; set; }

    [Required(ErrorMessage = FormCodes.RoleRequired)]
    [Display(Name = "角色")]
    public string? Role { get; set; }
}

/// <summary>
/// 账号管理: an administrator's staff accounts, i.e. those of the administrator's agency and every
/// agency below it (<see cref="CurrentStaff.AdministeredAgencyIdsAsync"/>). Every change runs in
/// one transaction with its audit entry; passwords are generated here, returned once to be shown,
/// and never stored in clear, logged or audited.
/// </summary>
public sealed class StaffAccounts(
    GongkaiDbContext db,
    UserManager<GongkaiUser> users,
    IOptions<IdentityOptions> identity,
    CurrentStaff staff,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The lockout end of a disabled account: "until enabled again".</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static string Label(AccountStatus status) => status switch
    {
        AccountStatus.LockedOut => "已锁定",
        AccountStatus.Disabled => "已停用",
        _ => "正常",
    };

    /// <summary>The agencies whose accounts the current administrator manages, top first.</summary>
    public async Task<List<Agency>> AgenciesAsync(CancellationToken ct = default)
    {
        var scope = await staff.AdministeredAgencyIdsAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => scope.Contains(a.Id)).ToListAsync(ct);
        return [.. agencies.OrderBy(a => scope.ToList().IndexOf(a.Id))];
    }

    /// <summary>Every account in scope, by agency (top first) and user name.</summary>
    public async Task<List<StaffAccount>> ListAsync(CancellationToken ct = default)
    {
        var scope = await staff.AdministeredAgencyIdsAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.AgencyId != null && scope.Contains(u.AgencyId.Value))
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.AgencyId!.Value, u.Agency!.Name, u.LockoutEnabled, u.LockoutEnd))
            .ToListAsync(ct);
        var order = scope.ToList();
        return [.. (await ToAccountsAsync(rows, ct)).OrderBy(a => order.IndexOf(a.AgencyId)).ThenBy(a => a.UserName, StringComparer.Ordinal)];
    }

    /// <summary>The account with <paramref name="id"/> if the current administrator manages it; null otherwise (a 404 for the caller).</summary>
    public async Task<StaffAccount?> FindAsync(string id, CancellationToken ct = default)
    {
        var scope = await staff.AdministeredAgencyIdsAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.AgencyId != null && scope.Contains(u.AgencyId.Value))
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.AgencyId!.Value, u.Agency!.Name, u.LockoutEnabled, u.LockoutEnd))
            .ToListAsync(ct);
        return (await ToAccountsAsync(rows, ct)).SingleOrDefault();
    }

    /// <summary>Whether <paramref name="id"/> is the signed-in administrator's own account.</summary>
    public bool IsSelf(string id) => string.Equals(id, staff.UserId, StringComparison.Ordinal);

    /// <summary>The checks of a new account that need the database (the form's own checks are its attributes): a free user name, an agency in scope, a known role.</summary>
    public async Task<List<Problem>> CheckNewAsync(NewAccountForm form, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        if (!string.IsNullOrWhiteSpace(form.UserName) && await users.FindByNameAsync(form.UserName.Trim()) is not null)
        {
            problems.Add(AccountCodes.Problem(AccountCodes.UserNameTaken));
        }

        if (form.AgencyId is { } agency && !(await staff.AdministeredAgencyIdsAsync(ct)).Contains(agency))
        {
            problems.Add(AccountCodes.Problem(AccountCodes.AgencyOutOfScope));
        }

        if (!string.IsNullOrEmpty(form.Role) && !Roles.All.Contains(form.Role))
        {
            problems.Add(AccountCodes.Problem(AccountCodes.UnknownRole));
        }

        return problems;
    }

    /// <summary>Creates the account with one role and a generated password; returns the new id and that password (to be shown once), or the first refusal of <see cref="CheckNewAsync"/> or Identity (nothing saved).</summary>
    public async Task<Result<CreatedAccount>> CreateAsync(NewAccountForm form, CancellationToken ct = default)
    {
        if ((await CheckNewAsync(form, ct)).FirstOrDefault() is { } refused)
        {
            return refused;
        }

        var password = PasswordGenerator.Generate(identity.Value.Password);
        var user = new GongkaiUser
        {
            UserName = form.UserName!.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            AgencyId = form.AgencyId,
            EmailConfirmed = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException x) when (x.IsLostRace())
        {
            // Another administrator created the same user name a moment earlier (the unique index answered).
            db.ChangeTracker.Clear();
            return AccountCodes.Problem(AccountCodes.UserNameTaken);
        }

        if (!created.Succeeded)
        {
            return IdentityCodes.ProblemOf(created);
        }

        var added = await users.AddToRoleAsync(user, form.Role!);
        if (!added.Succeeded)
        {
            return IdentityCodes.ProblemOf(added);
        }

        audit.Record(AuditCodes.UserCreate, AuditEntities.User, user.Id, user.AgencyId, $"{user.UserName} {user.DisplayName} {Roles.Label(form.Role!)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedAccount(user.Id, new IssuedPassword(user.UserName, password));
    }

    /// <summary>Gives the account exactly <paramref name="role"/>. An administrator cannot change their own role.</summary>
    public async Task<Problem?> ChangeRoleAsync(StaffAccount account, string? role, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(role) || !Roles.All.Contains(role))
        {
            return AccountCodes.Problem(AccountCodes.UnknownRole);
        }

        if (IsSelf(account.Id))
        {
            return AccountCodes.Problem(AccountCodes.OwnRole);
        }

        if (account.Role == role)
        {
            return null;
        }

        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("The account disappeared.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return IdentityCodes.ProblemOf(removed);
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return IdentityCodes.ProblemOf(added);
        }

        audit.Record(AuditCodes.UserRole, AuditEntities.User, user.Id, user.AgencyId, $"{user.UserName} {account.RolesZh} → {Roles.Label(role)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Disables sign-in until enabled again and ends the account's sessions. An administrator cannot disable their own account.</summary>
    public async Task<Problem?> DisableAsync(StaffAccount account, CancellationToken ct = default)
    {
        if (IsSelf(account.Id))
        {
            return AccountCodes.Problem(AccountCodes.OwnDisable);
        }

        if (account.Status == AccountStatus.Disabled)
        {
            return null;
        }

        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("The account disappeared.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in new Func<Task<IdentityResult>>[]
        {
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DisabledUntil),
            () => users.UpdateSecurityStampAsync(user),
        })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return IdentityCodes.ProblemOf(result);
            }
        }

        audit.Record(AuditCodes.UserDisable, AuditEntities.User, user.Id, user.AgencyId, $"{user.UserName} 停用（禁止登录，现有会话失效）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Enables a disabled account, or ends a lockout after failed sign-ins.</summary>
    public async Task<Problem?> EnableAsync(StaffAccount account, CancellationToken ct = default)
    {
        if (account.Status == AccountStatus.Active)
        {
            return null;
        }

        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("The account disappeared.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await users.SetLockoutEndDateAsync(user, null);
        if (!ended.Succeeded)
        {
            return IdentityCodes.ProblemOf(ended);
        }

        var reset = await users.ResetAccessFailedCountAsync(user);
        if (!reset.Succeeded)
        {
            return IdentityCodes.ProblemOf(reset);
        }

        audit.Record(AuditCodes.UserEnable, AuditEntities.User, user.Id, user.AgencyId, $"{user.UserName} {(account.Status == AccountStatus.Disabled ? "启用" : "解除锁定")}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Replaces the password with a generated one (returned once, to be shown) and a new security
    /// stamp, so the account's existing sessions end. Not for one's own account.
    /// </summary>
    public async Task<Result<IssuedPassword>> ResetPasswordAsync(StaffAccount account, CancellationToken ct = default)
    {
        if (IsSelf(account.Id))
        {
            return AccountCodes.Problem(AccountCodes.OwnReset);
        }

        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("The account disappeared.");
        var password = PasswordGenerator.Generate(identity.Value.Password);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // Resetting the password also gives the account a new security stamp.
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return IdentityCodes.ProblemOf(result);
        }

        audit.Record(AuditCodes.UserResetPassword, AuditEntities.User, user.Id, user.AgencyId, $"{user.UserName} 重置密码（现有会话失效）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new IssuedPassword(account.UserName, password);
    }

    private async Task<List<StaffAccount>> ToAccountsAsync(List<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var lastIds = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditEntities.User && a.EntityId != null && ids.Contains(a.EntityId))
            .GroupBy(a => a.EntityId)
            .Select(g => g.Max(a => a.Id))
            .ToListAsync(ct);
        var last = await db.AuditEntries.AsNoTracking().Where(a => lastIds.Contains(a.Id))
            .Select(a => new { a.EntityId, a.At, a.UserName }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r =>
        {
            var change = last.FirstOrDefault(a => a.EntityId == r.Id);
            return new StaffAccount(
                r.Id,
                r.UserName,
                r.DisplayName ?? r.UserName,
                r.AgencyId,
                r.AgencyName,
                [.. roles.Where(x => x.UserId == r.Id && x.Name is not null).Select(x => x.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n))],
                StatusOf(r.LockoutEnabled, r.LockoutEnd, now),
                change?.At,
                change?.UserName);
        })];
    }

    private static AccountStatus StatusOf(bool lockoutEnabled, DateTimeOffset? end, DateTimeOffset now) =>
        !lockoutEnabled || end is not { } e || e <= now ? AccountStatus.Active
        : e.Year >= DisabledUntil.Year ? AccountStatus.Disabled
        : AccountStatus.LockedOut;

    private sealed record Row(string Id, string UserName, string? DisplayName, int AgencyId, string AgencyName, bool LockoutEnabled, DateTimeOffset? LockoutEnd);
}

/// <summary>A generated password, for the one page that shows it.</summary>
public sealed record IssuedPassword(string UserName, string Password);

/// <summary>A new account: its id and its first password (to be shown once).</summary>
public sealed record CreatedAccount(string Id, IssuedPassword Issued);
