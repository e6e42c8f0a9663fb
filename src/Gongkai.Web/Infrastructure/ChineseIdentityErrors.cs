using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Identity's refusals in Chinese, so that a password or user name the policy refuses is explained
/// to the user beside the field (the default describer speaks English). Codes are unchanged.
/// </summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要 {length} 个字符" };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码须包含至少一个符号（如 ! @ # %）" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含至少一个数字" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含至少一个小写字母" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含至少一个大写字母" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码须包含至少 {uniqueChars} 个不同的字符" };

    /// <summary>The password is common, or a common one in disguise (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError PasswordTooCommon() => new() { Code = CommonPasswordValidator.Code, Description = "该密码过于常见，容易被猜中（如 Password1!），请换一个" };

    /// <summary>The password contains the user name (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError PasswordContainsUserName() => new() { Code = "PasswordContainsUserName", Description = "密码不能包含用户名" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "该用户名已被使用，请换一个" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含英文字母、数字和点（.）" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "该账号刚被他人修改，请刷新页面后重试" };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作未成功，未作任何修改，请稍后重试" };
}
