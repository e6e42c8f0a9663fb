using Gongkai.Domain.Casework;

namespace Gongkai.Web.Casework;

/// <summary>
/// A 回执 (acknowledgement) as shown and printed: the tracking number, the 查询码 (in clear only right after it was
/// made, otherwise its hint), the date of receipt as Art. 31 counts it for the channel, and the answer deadline.
/// </summary>
public sealed record AccessCodeReceipt(
    string TrackingNumber,
    string AgencyName,
    ReceiptChannel Channel,
    DateOnly SubmittedOn,
    DateOnly? ReceivedOn,
    DateOnly? DueOn,
    bool DueIsProvisional,
    string? AccessCode,
    string? AccessCodeHint)
{
    /// <summary>The TempData key that carries a new 查询码 from the form that made it to the page that shows it once.</summary>
    public const string TempDataKey = "AccessCode";

    /// <summary>The TempData value that carries <paramref name="code"/> for the case <paramref name="trackingNumber"/>.</summary>
    public static string Carry(string trackingNumber, string code) => $"{trackingNumber}|{code}";

    /// <summary>The code carried by <paramref name="value"/> if it was made for <paramref name="trackingNumber"/>, else null.</summary>
    public static string? Take(object? value, string trackingNumber) =>
        value is string s && s.Split('|') is [var no, var code] && no == trackingNumber ? code : null;

    public static AccessCodeReceipt From(LoadedCase loaded, string agencyName, CaseRules rules, string? accessCode)
    {
        var r = loaded.Record;
        var deadline = loaded.Case?.Deadline(rules);
        return new AccessCodeReceipt(
            r.TrackingNumber, agencyName, r.Channel, r.SubmittedOn, r.ReceivedOn,
            loaded.Case?.ConcludedOn is null ? deadline?.DueOn : null, deadline?.IsProvisional == true,
            accessCode is null ? null : AccessCodes.Display(accessCode), r.AccessCodeHint);
    }

    /// <summary>Art. 31's rule for this channel, in words.</summary>
    public string ReceiptRuleText => ReceiptRule.ExplainZh(Channel);
}
