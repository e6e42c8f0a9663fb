using System.Collections.Frozen;
using Gongkai.Domain.Results;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Accounts;

/// <summary>
/// ASP.NET Identity's refusals (password policy, user names, concurrency) as stable codes with their
/// Chinese: the one place their words live. <see cref="Infrastructure.ChineseIdentityErrors"/> makes Identity describe
/// its errors from here, and <see cref="ProblemOf(IdentityError)"/> turns an error Identity returns into a
/// <see cref="Problem"/> of this catalogue, so account pages show it like any other refusal.
/// </summary>
public static class IdentityCodes
{
    public const string PasswordMismatch = "identity.password-mismatch";
    public const string PasswordTooShort = "identity.password-too-short";
    public const string PasswordRequiresNonAlphanumeric = "identity.password-requires-symbol";
    public const string PasswordRequiresDigit = "identity.password-requires-digit";
    public const string PasswordRequiresLower = "identity.password-requires-lower";
    public const string PasswordRequiresUpper = "identity.password-requires-upper";
    public const string PasswordRequiresUniqueChars = "identity.password-requires-unique-chars";
    public const string PasswordTooCommon = "identity.password-too-common";
    public const string PasswordContainsUserName = "identity.password-contains-user-name";
    public const string DuplicateUserName = "identity.duplicate-user-name";
    public const string InvalidUserName = "identity.invalid-user-name";
    public const string ConcurrencyFailure = "identity.concurrency-failure";
    public const string InvalidEmail = "identity.invalid-email";
    public const string DuplicateEmail = "identity.duplicate-email";
    public const string RoleChanged = "identity.role-changed";
    public const string InvalidToken = "identity.invalid-token";
    public const string Other = "identity.other";

    public static readonly MessageCatalogue Messages = new("identity", new Dictionary<string, (string, string?)>
    {
        [PasswordMismatch] = ("当前密码不正确", "the current password is wrong"),
        [PasswordTooShort] = ("密码至少需要 {0} 个字符", "the password needs at least {0} characters"),
        [PasswordRequiresNonAlphanumeric] = ("密码须包含至少一个符号（如 ! @ # %）", "the password needs a symbol"),
        [PasswordRequiresDigit] = ("密码须包含至少一个数字", "the password needs a digit"),
        [PasswordRequiresLower] = ("密码须包含至少一个小写字母", "the password needs a lower-case letter"),
        [PasswordRequiresUpper] = ("密码须包含至少一个大写字母", "the password needs an upper-case letter"),
        [PasswordRequiresUniqueChars] = ("密码须包含至少 {0} 个不同的字符", "the password needs {0} different characters"),
        [PasswordTooCommon] = ("该密码过于常见，容易被猜中（如 Password1!），请换一个", "the password is common"),
        [PasswordContainsUserName] = ("密码不能包含用户名", "the password contains the user name"),
        [DuplicateUserName] = ("该用户名已被使用，请换一个", "the user name is taken"),
        [InvalidUserName] = ("用户名只能包含英文字母、数字和点（.）", "the user name has characters not allowed"),
        [ConcurrencyFailure] = ("该账号刚被他人修改，请刷新页面后重试", "the account changed meanwhile"),
        [InvalidEmail] = ("电子邮箱格式不正确", "invalid e-mail address"),
        [DuplicateEmail] = ("该电子邮箱已被其他账号使用", "the e-mail address is taken"),
        [RoleChanged] = ("该账号的角色刚被他人修改，请刷新页面后重试", "the account's roles changed meanwhile"),
        [InvalidToken] = ("重置凭据已失效，请重新操作", "the token is invalid"),
        [Other] = ("操作未成功，未作任何修改，请稍后重试", "Identity refused the change"),
    });

    private static readonly FrozenDictionary<string, string> s_fields = new Dictionary<string, string>
    {
        [DuplicateUserName] = nameof(NewAccountForm.UserName),
        [InvalidUserName] = nameof(NewAccountForm.UserName),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>An Identity error worded from this catalogue; its <see cref="IdentityError.Code"/> is the stable code.</summary>
    public static IdentityError Error(string code, params string[] args) =>
        new CodedIdentityError(Messages.Problem(code, args));

    /// <summary>The problem an error Identity returned stands for (<see cref="Other"/> for one not made by <see cref="Error"/>).</summary>
    public static Problem ProblemOf(IdentityError error) =>
        error is CodedIdentityError coded ? coded.Problem : Messages.Problem(Other);

    /// <summary>The first of Identity's refusals in <paramref name="result"/> as a problem.</summary>
    public static Problem ProblemOf(IdentityResult result) =>
        result.Errors.FirstOrDefault() is { } first ? ProblemOf(first) : Messages.Problem(Other);

    /// <summary>The account form field an Identity code belongs to, or empty.</summary>
    public static string FieldOf(string code) => s_fields.GetValueOrDefault(code, string.Empty);

    private sealed class CodedIdentityError : IdentityError
    {
        public CodedIdentityError(Problem problem)
        {
            Problem = problem;
            Code = problem.Code;
            Description = problem.MessageZh;
        }

        public Problem Problem { get; }
    }
}
