using System.Collections.Frozen;

namespace Gongkai.Render.Letters;

/// <summary>The letters an office sends in a case (one per step, the 答复 may add the Art. 32 notice).</summary>
public enum LetterKind
{
    /// <summary>受理回执: the acknowledgement with the date of receipt (Art. 31) and the answer date (Art. 33).</summary>
    Receipt,

    /// <summary>补正告知书 (Art. 30).</summary>
    SupplementNotice,

    /// <summary>征求意见函 to a third party (Art. 32) or another agency (Art. 34).</summary>
    ConsultationLetter,

    /// <summary>延期答复告知书 (Art. 33¶2).</summary>
    ExtensionNotice,

    /// <summary>收费通知 (国办函〔2020〕109号).</summary>
    FeeNotice,

    /// <summary>答复书 for every outcome (Arts. 36-39), or the notice that the application is deemed abandoned.</summary>
    Reply,

    /// <summary>The written notice to a third party who objected that the office still discloses (Art. 32).</summary>
    ThirdPartyNotice,
}

/// <summary>Codes (in URLs and storage) and titles (on screen and in the letter) of <see cref="LetterKind"/>.</summary>
public static class LetterKinds
{
    private static readonly FrozenDictionary<LetterKind, string> s_codes = new Dictionary<LetterKind, string>
    {
        [LetterKind.Receipt] = "receipt",
        [LetterKind.SupplementNotice] = "supplement",
        [LetterKind.ConsultationLetter] = "consultation",
        [LetterKind.ExtensionNotice] = "extension",
        [LetterKind.FeeNotice] = "fee",
        [LetterKind.Reply] = "reply",
        [LetterKind.ThirdPartyNotice] = "third-party-notice",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LetterKind> s_byCode = s_codes.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>The stable code, e.g. <c>reply</c>.</summary>
    public static string Code(this LetterKind kind) => s_codes[kind];

    public static bool TryParse(string? code, out LetterKind kind)
    {
        kind = default;
        return code is not null && s_byCode.TryGetValue(code, out kind);
    }

    /// <summary>The letter's title, e.g. 政府信息公开申请答复书.</summary>
    public static string Title(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "政府信息公开申请受理回执",
        LetterKind.SupplementNotice => "政府信息公开申请补正告知书",
        LetterKind.ConsultationLetter => "政府信息公开征求意见函",
        LetterKind.ExtensionNotice => "政府信息公开延期答复告知书",
        LetterKind.FeeNotice => "政府信息公开信息处理费收费通知",
        LetterKind.Reply => "政府信息公开申请答复书",
        LetterKind.ThirdPartyNotice => "政府信息公开决定告知书",
        _ => kind.ToString(),
    };

    /// <summary>Whether the letter is addressed to the applicant (not the 征求意见函 nor the Art. 32 notice, which go to the third party).</summary>
    public static bool IsToApplicant(this LetterKind kind) => kind is not (LetterKind.ConsultationLetter or LetterKind.ThirdPartyNotice);

    /// <summary>A short name for links, e.g. 答复书.</summary>
    public static string ShortName(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "受理回执",
        LetterKind.SupplementNotice => "补正告知书",
        LetterKind.ConsultationLetter => "征求意见函",
        LetterKind.ExtensionNotice => "延期答复告知书",
        LetterKind.FeeNotice => "收费通知",
        LetterKind.Reply => "答复书",
        LetterKind.ThirdPartyNotice => "第三方告知书",
        _ => kind.ToString(),
    };
}
