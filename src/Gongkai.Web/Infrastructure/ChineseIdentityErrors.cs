using System.Globalization;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Identity's refusals worded from <see cref="IdentityCodes"/> (the default describer speaks English),
/// so that a password or user name the policy refuses is explained beside the field. Each error's
/// code is the stable <see cref="IdentityCodes"/> code.
/// </summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => IdentityCodes.Error(IdentityCodes.PasswordMismatch);

    public override IdentityError PasswordTooShort(int length) => IdentityCodes.Error(IdentityCodes.PasswordTooShort, length.ToString(CultureInfo.InvariantCulture));

    public override IdentityError PasswordRequiresNonAlphanumeric() => IdentityCodes.Error(IdentityCodes.PasswordRequiresNonAlphanumeric);

    public override IdentityError PasswordRequiresDigit() => IdentityCodes.Error(IdentityCodes.PasswordRequiresDigit);

    public override IdentityError PasswordRequiresLower() => IdentityCodes.Error(IdentityCodes.PasswordRequiresLower);

    public override IdentityError PasswordRequiresUpper() => IdentityCodes.Error(IdentityCodes.PasswordRequiresUpper);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => IdentityCodes.Error(IdentityCodes.PasswordRequiresUniqueChars, uniqueChars.ToString(CultureInfo.InvariantCulture));

    /// <summary>The password is common, or a common one in disguise (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError PasswordTooCommon() => IdentityCodes.Error(IdentityCodes.PasswordTooCommon);

    /// <summary>The password contains the user name (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError PasswordContainsUserName() => IdentityCodes.Error(IdentityCodes.PasswordContainsUserName);

    public override IdentityError DuplicateUserName(string userName) => IdentityCodes.Error(IdentityCodes.DuplicateUserName);

    public override IdentityError InvalidUserName(string? userName) => IdentityCodes.Error(IdentityCodes.InvalidUserName);

    public override IdentityError ConcurrencyFailure() => IdentityCodes.Error(IdentityCodes.ConcurrencyFailure);

    public override IdentityError UserAlreadyInRole(string role) => IdentityCodes.Error(IdentityCodes.RoleChanged);

    public override IdentityError UserNotInRole(string role) => IdentityCodes.Error(IdentityCodes.RoleChanged);

    public override IdentityError InvalidToken() => IdentityCodes.Error(IdentityCodes.InvalidToken);

    public override IdentityError RecoveryCodeRedemptionFailed() => IdentityCodes.Error(IdentityCodes.InvalidToken);

    public override IdentityError LoginAlreadyAssociated() => IdentityCodes.Error(IdentityCodes.Other);

    public override IdentityError InvalidEmail(string? email) => IdentityCodes.Error(IdentityCodes.InvalidEmail);

    public override IdentityError DuplicateEmail(string email) => IdentityCodes.Error(IdentityCodes.DuplicateEmail);

    public override IdentityError InvalidRoleName(string? role) => IdentityCodes.Error(IdentityCodes.RoleChanged);

    public override IdentityError DuplicateRoleName(string role) => IdentityCodes.Error(IdentityCodes.Other);

    public override IdentityError UserAlreadyHasPassword() => IdentityCodes.Error(IdentityCodes.Other);

    public override IdentityError UserLockoutNotEnabled() => IdentityCodes.Error(IdentityCodes.Other);

    public override IdentityError DefaultError() => IdentityCodes.Error(IdentityCodes.Other);
}
