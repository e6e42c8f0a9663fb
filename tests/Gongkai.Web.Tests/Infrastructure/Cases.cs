using System.Net;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>Registers applications through the office form, as a person would.</summary>
public static class Cases
{
    public static Dictionary<string, string> ValidForm(string name = "张三", string? date = null) => new()
    {
        ["Form.Channel"] = "InPerson",
        ["Form.SubmittedOn"] = date ?? TestDates.TodayText,
        ["Form.Requests"] = "1",
        ["Form.ApplicantKind"] = "NaturalPerson",
        ["Form.ApplicantName"] = name,
        ["Form.IdKind"] = "ResidentIdentityCard",
        ["Form.IdNumber"] = "371324199001011231",
        ["Form.Phone"] = "13900001111",
        ["Form.Description"] = "2025年度县级公立医院财政补助资金使用情况",
        ["Form.DeliveryForm"] = "Paper",
    };

    /// <summary>Registers an application as <paramref name="client"/> and returns its id.</summary>
    public static async Task<Guid> RegisterAsync(StaffClient client, Dictionary<string, string>? form = null)
    {
        var response = await client.PostFormAsync("/Office/Register", form ?? ValidForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Office/Case/", location);
        return Guid.Parse(location["/Office/Case/".Length..]);
    }
}
