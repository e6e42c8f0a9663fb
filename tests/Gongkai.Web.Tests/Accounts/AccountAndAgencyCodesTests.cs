using System.Reflection;
using Gongkai.Domain.Results;
using Gongkai.Web.Accounts;
using Gongkai.Web.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Tests.Accounts;

/// <summary>
/// The refusals of 账号管理 and 机关设置 as codes with their catalogues: each code keeps the Chinese the
/// pages showed before the codes existed, and belongs to one form field.
/// </summary>
public sealed class AccountAndAgencyCodesTests
{
    public static TheoryData<string, string, string> Refusals => new()
    {
        { AccountCodes.UserNameTaken, "该用户名已被使用，请换一个", "UserName" },
        { AccountCodes.AgencyOutOfScope, "只能选择本机关或下级机关", "AgencyId" },
        { AccountCodes.UnknownRole, "请选择经办人员、审批人员、监督人员或系统管理员之一", "Role" },
        { AccountCodes.OwnRole, "不能更改自己的角色，请由其他系统管理员操作", "Role" },
        { AccountCodes.OwnDisable, "不能停用自己的账号", "" },
        { AccountCodes.OwnReset, "不能重置自己的密码，请由其他系统管理员操作", "" },
        { AgencyCodes.ParentOutOfScope, "请选择您管理的机关作为上级机关", "ParentId" },
        { AgencyCodes.CreditCodeInvalid, "统一社会信用代码应为18位，且校验码正确", "CreditCode" },
        { AgencyCodes.CreditCodeTaken, "已有机关使用该统一社会信用代码", "CreditCode" },
        { AgencyCodes.CodeTaken, "已有机关使用该机关代码", "Code" },
        { AgencyCodes.NameTaken, "已有同名机关", "Name" },
        { AgencyCodes.NotFound, "未找到该机关", "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Code_KeepsItsChineseMessage_AndField(string code, string zh, string field)
    {
        var (catalogue, fieldOf) = Area(code);
        var problem = catalogue.Problem(code);
        Assert.Equal((code, zh, field), (problem.Code, problem.MessageZh, fieldOf(code)));
    }

    [Fact]
    public void IdentityRefusal_IsAProblemOfTheIdentityCatalogue_ForItsField()
    {
        var describer = new ChineseIdentityErrors();
        var tooShort = IdentityCodes.ProblemOf(IdentityResult.Failed(describer.PasswordTooShort(12), describer.PasswordRequiresDigit()));
        Assert.Equal((IdentityCodes.PasswordTooShort, "密码至少需要 12 个字符"), (tooShort.Code, tooShort.MessageZh));
        Assert.Equal(IdentityCodes.PasswordTooShort, describer.PasswordTooShort(12).Code);
        Assert.Equal("UserName", AccountCodes.FieldOf(IdentityCodes.DuplicateUserName));
        Assert.Equal("UserName", AccountCodes.FieldOf(IdentityCodes.InvalidUserName));

        // An error Identity made without the describer reads as the catalogue's general refusal, never in English.
        var foreign = IdentityCodes.ProblemOf(new IdentityError { Code = "Whatever", Description = "Something went wrong." });
        Assert.Equal((IdentityCodes.Other, "操作未成功，未作任何修改，请稍后重试"), (foreign.Code, foreign.MessageZh));
        Assert.Equal("指南正文不超过5000个字", AgencyCodes.Problem(AgencyCodes.GuideTooLong, "5000").MessageZh);
        Assert.Equal("GuideText", AgencyCodes.FieldOf(AgencyCodes.GuideTooLong));
    }

    /// <summary>Every error Identity can describe is worded in Chinese from <see cref="IdentityCodes"/>: none falls back to the English default.</summary>
    [Fact]
    public void EveryIdentityError_IsWordedFromTheCatalogue()
    {
        var describer = new ChineseIdentityErrors();
        var methods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError)).ToList();
        Assert.True(methods.Count >= 20, $"only {methods.Count} describer methods");
        foreach (var m in methods)
        {
            var args = m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "someone").ToArray();
            var error = (IdentityError)m.Invoke(describer, args)!;
            var problem = IdentityCodes.ProblemOf(error);
            Assert.True(IdentityCodes.Messages.Contains(error.Code), $"{m.Name}: code {error.Code}");
            Assert.Equal(problem.MessageZh, error.Description);
            Assert.DoesNotMatch("[A-Za-z]{3,}", error.Description.Replace("Password1", string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryCode_IsWorded_AndHasAField()
    {
        foreach (var code in AccountCodes.Messages.Codes.Concat(AgencyCodes.Messages.Codes))
        {
            var (catalogue, fieldOf) = Area(code);
            Assert.NotEqual(code, catalogue.Zh(code, ["x"]));
            Assert.NotNull(fieldOf(code));
        }
    }

    private static (MessageCatalogue Catalogue, Func<string, string> FieldOf) Area(string code) =>
        code.StartsWith("account.", StringComparison.Ordinal) || code.StartsWith("done.account.", StringComparison.Ordinal) ? (AccountCodes.Messages, AccountCodes.FieldOf) : (AgencyCodes.Messages, AgencyCodes.FieldOf);
}
