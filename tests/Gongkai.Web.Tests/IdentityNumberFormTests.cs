using System.Net;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

public sealed class IdentityNumberFormTests
{
    [Theory]
    [InlineData("ResidentIdentityCard", "371324199001011234", "居民身份证号码有误：出生日期或末位校验码不符")]
    [InlineData("UnifiedSocialCreditCode", "91371324MA3C000123", "统一社会信用代码有误")]
    public async Task Register_IdNumberWithWrongCheckCharacter_SaysSoBesideTheField_AndSavesNothing(string kind, string number, string message)
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = Cases.ValidForm();
        form["Form.IdKind"] = kind;
        form["Form.IdNumber"] = number;
        var response = await officer.PostFormAsync("/Office/Register", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"id=\"Form_IdNumber-error\">{message}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }
}

/// <summary>The portal's form checks the same check characters as the office's, with the same Chinese message beside the field.</summary>
public sealed class PortalIdentityNumberFormTests
{
    [Theory]
    [InlineData("ResidentIdentityCard", "371324199001011234", "居民身份证号码有误：出生日期或末位校验码不符")]
    [InlineData("ResidentIdentityCard", "37132419900101123", "居民身份证号码应为18位（现为17位）")]
    [InlineData("UnifiedSocialCreditCode", "91371324MA3C000123", "统一社会信用代码有误")]
    public async Task Apply_IdNumberWithWrongCheckCharacter_SaysWhichFieldAndWhy_AndSavesNothing(string kind, string number, string message)
    {
        await using var app = new GongkaiApp();
        var citizen = StaffClient.Anonymous(app);
        var form = Cases.ValidForm();
        form.Remove("Form.Channel");
        form.Remove("Form.SubmittedOn");
        form["Form.IdKind"] = kind;
        form["Form.IdNumber"] = number;
        form["AgencyId"] = (await app.WithDbAsync(d => Task.FromResult(d.Agencies.First().Id))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await citizen.PostFormAsync("/Portal/Apply", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"id=\"Form_IdNumber-error\">{System.Text.RegularExpressions.Regex.Escape(message)}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }
}
