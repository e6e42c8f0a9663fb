using System.Collections.Frozen;

namespace Gongkai.Domain.Casework;

/// <summary>
/// A ground for a decision (答复理由): a stable code, the outcome(s) it serves, the article and item of the
/// 条例 (or other law) that applies, and the words of that provision as the letter quotes them.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>withheld.third-party</c>; stored on <see cref="Decided.Ground"/>.</param>
/// <param name="Outcomes">The Table 3 outcomes this ground may be chosen for.</param>
/// <param name="Name">Short Chinese name shown to staff, e.g. 涉及第三方合法权益.</param>
/// <param name="Article">The provision cited, e.g. 《中华人民共和国政府信息公开条例》第十五条.</param>
/// <param name="Provision">The provision's words (quoted in the letter).</param>
public sealed record DecisionGround(string Code, IReadOnlyList<ApplicationOutcome> Outcomes, string Name, string Article, string Provision)
{
    /// <summary>Whether a letter for this ground tells the applicant which agency holds the information (Art. 36(5)).</summary>
    public bool NamesHolder => Code is "unable.not-held" or "unable.not-responsible";
}

/// <summary>
/// The catalogue of decision grounds (one owner): staff pick one for the outcome they record, add their own
/// reasons, and the 答复书 cites the article and item. Abandonment (（六）1, 2) has its ground too, so that
/// its letter cites the rule.
/// </summary>
public static class DecisionGrounds
{
    /// <summary>The 条例 as cited in letters.</summary>
    public const string Regulation = "《中华人民共和国政府信息公开条例》";

    private const string FeeMeasures = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

    /// <summary>Every ground, in Table 3 order.</summary>
    public static IReadOnlyList<DecisionGround> All { get; } =
    [
        new("granted.provided", [ApplicationOutcome.Granted], "可以公开，予以提供", Regulation + "第三十六条第（二）项",
            "所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间。"),
        new("granted.already-public", [ApplicationOutcome.Granted], "已主动公开，告知获取途径", Regulation + "第三十六条第（一）项",
            "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径。"),
        new("partial.separable", [ApplicationOutcome.PartiallyGranted], "含不应公开内容，区分处理", Regulation + "第三十七条",
            "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。"),
        new("withheld.state-secret", [ApplicationOutcome.WithheldStateSecret, ApplicationOutcome.PartiallyGranted], "属于国家秘密", Regulation + "第十四条",
            "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。"),
        new("withheld.prohibited-by-law", [ApplicationOutcome.WithheldProhibitedByLaw, ApplicationOutcome.PartiallyGranted], "法律、行政法规禁止公开", Regulation + "第十四条",
            "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。"),
        new("withheld.security-stability", [ApplicationOutcome.WithheldSecurityStability, ApplicationOutcome.PartiallyGranted], "危及“三安全一稳定”", Regulation + "第十四条",
            "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。"),
        new("withheld.third-party", [ApplicationOutcome.WithheldThirdParty, ApplicationOutcome.PartiallyGranted], "涉及第三方合法权益", Regulation + "第十五条、第三十二条",
            "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。"),
        new("withheld.internal-affairs", [ApplicationOutcome.WithheldInternalAffairs, ApplicationOutcome.PartiallyGranted], "内部事务信息", Regulation + "第十六条第一款",
            "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。"),
        new("withheld.process", [ApplicationOutcome.WithheldProcessInformation, ApplicationOutcome.PartiallyGranted], "过程性信息", Regulation + "第十六条第二款",
            "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。"),
        new("withheld.enforcement-file", [ApplicationOutcome.WithheldEnforcementFile, ApplicationOutcome.PartiallyGranted], "行政执法案卷信息", Regulation + "第十六条第二款",
            "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。"),
        new("withheld.administrative-query", [ApplicationOutcome.WithheldAdministrativeQuery], "工商、不动产登记资料等特别规定", Regulation + "第三十六条第（七）项",
            "所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理。"),
        new("unable.not-held", [ApplicationOutcome.UnableNotHeld], "经检索没有所申请信息", Regulation + "第三十六条第（四）项",
            "经检索没有所申请公开信息的，告知申请人该政府信息不存在。"),
        new("unable.not-responsible", [ApplicationOutcome.UnableNotHeld], "不属于本机关负责公开", Regulation + "第三十六条第（五）项",
            "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式。"),
        new("unable.needs-creation", [ApplicationOutcome.UnableNeedsCreation], "需要另行制作或加工分析", Regulation + "第三十八条",
            "行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。除依照本条例第三十七条的规定能够作区分处理的外，需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供。"),
        new("unable.unclear", [ApplicationOutcome.UnableUnclearAfterSupplement], "补正后仍不明确", Regulation + "第三十条",
            "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。"),
        new("not-processed.petition", [ApplicationOutcome.NotProcessedPetition], "以申请形式信访、投诉、举报", Regulation + "第三十九条第一款",
            "申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息公开申请处理并可以告知通过相应渠道提出。"),
        new("not-processed.repeated", [ApplicationOutcome.NotProcessedRepeated], "重复申请", Regulation + "第三十六条第（六）项",
            "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理。"),
        new("not-processed.publication", [ApplicationOutcome.NotProcessedPublication], "要求提供公开出版物", Regulation + "第三十九条第二款",
            "申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的途径。"),
        new("not-processed.excessive", [ApplicationOutcome.NotProcessedExcessive], "数量、频次明显超过合理范围", Regulation + "第三十五条",
            "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理。"),
        new("not-processed.reconfirmation", [ApplicationOutcome.NotProcessedReconfirmation], "要求确认或重新出具已获取信息", Regulation + "第二条",
            "本条例所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。要求行政机关确认或者重新出具已获取的信息，不属于获取政府信息的申请。"),
        new("other.no-supplement", [ApplicationOutcome.OtherNoSupplement], "逾期不补正", Regulation + "第三十条",
            "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。"),
        new("other.fee-unpaid", [ApplicationOutcome.OtherFeeUnpaid], "逾期未缴纳信息处理费", FeeMeasures,
            "申请人应当自收到收费通知的次日起20个工作日内缴纳费用；逾期未缴纳的，视为放弃申请，行政机关不再处理该政府信息公开申请。"),
        new("other.withdrawn", [ApplicationOutcome.OtherOther], "申请人撤回申请等其他情形", Regulation + "第三十六条",
            "对政府信息公开申请，行政机关根据下列情况分别作出答复。"),
    ];

    private static readonly FrozenDictionary<string, DecisionGround> s_byCode = All.ToFrozenDictionary(g => g.Code);

    /// <summary>The ground with <paramref name="code"/>, or null.</summary>
    public static DecisionGround? Find(string? code) => code is not null && s_byCode.TryGetValue(code, out var g) ? g : null;

    /// <summary>The grounds staff may choose for <paramref name="outcome"/>, the usual one first.</summary>
    public static IEnumerable<DecisionGround> For(ApplicationOutcome outcome) => All.Where(g => g.Outcomes.Contains(outcome));

    /// <summary>The usual ground of <paramref name="outcome"/> (its first), used when none was recorded (events stored before grounds existed, abandonment).</summary>
    public static DecisionGround Default(ApplicationOutcome outcome) => For(outcome).First();

    /// <summary>Whether <paramref name="code"/> may be chosen for <paramref name="outcome"/>.</summary>
    public static bool IsValidFor(string code, ApplicationOutcome outcome) => Find(code)?.Outcomes.Contains(outcome) == true;
}
