using System.Collections.Frozen;
using Gongkai.Domain.Results;

namespace Gongkai.Web.Accounts;

/// <summary>
/// Stable codes of 账号管理's refusals (<see cref="StaffAccounts"/>), with their Chinese messages: the
/// catalogue of the area. Each code belongs to one field of the account forms (<see cref="FieldOf"/>),
/// so the pages put the message beside it. Identity's own refusals are problems of
/// <see cref="IdentityCodes"/> (their fields from there too).
/// </summary>
public static class AccountCodes
{
    public const string UserNameTaken = "account.user-name-taken";
    public const string AgencyOutOfScope = "account.agency-out-of-scope";
    public const string UnknownRole = "account.unknown-role";
    public const string OwnRole = "account.own-role";
    public const string OwnDisable = "account.own-disable";
    public const string OwnReset = "account.own-reset";

    // Notices: what a person is told after a step succeeded (Notice, never written in pages).
    public const string DoneRoleChanged = "done.account.role-changed";
    public const string DoneDisabled = "done.account.disabled";
    public const string DoneEnabled = "done.account.enabled";

    public static readonly MessageCatalogue Messages = new("account", new Dictionary<string, (string, string?)>
    {
        [UserNameTaken] = ("该用户名已被使用，请换一个", "the user name is taken"),
        [AgencyOutOfScope] = ("只能选择本机关或下级机关", "the agency is outside the administrator's scope"),
        [UnknownRole] = ("请选择经办人员、审批人员、监督人员或系统管理员之一", "unknown role"),
        [OwnRole] = ("不能更改自己的角色，请由其他系统管理员操作", "administrators cannot change their own role"),
        [OwnDisable] = ("不能停用自己的账号", "administrators cannot disable their own account"),
        [OwnReset] = ("不能重置自己的密码，请由其他系统管理员操作", "administrators cannot reset their own password"),
        [DoneRoleChanged] = ("已将 {0} 的角色改为{1}。", null),
        [DoneDisabled] = ("已停用 {0}，该账号不能再登录。", null),
        [DoneEnabled] = ("已启用 {0}。", null),
    });

    private static readonly FrozenDictionary<string, string> s_fields = new Dictionary<string, string>
    {
        [UserNameTaken] = nameof(NewAccountForm.UserName),
        [AgencyOutOfScope] = nameof(NewAccountForm.AgencyId),
        [UnknownRole] = nameof(NewAccountForm.Role),
        [OwnRole] = nameof(NewAccountForm.Role),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>An account problem for <paramref name="code"/> with the arguments of its template.</summary>
    public static Problem Problem(string code, params string[] args) => Messages.Problem(code, args);

    /// <summary>The form field <paramref name="code"/> belongs to (<c>UserName</c>, <c>AgencyId</c>, <c>Role</c>), or empty for the whole form.</summary>
    public static string FieldOf(string code) => s_fields.GetValueOrDefault(code) ?? IdentityCodes.FieldOf(code);
}
