using System.Collections.Frozen;

namespace Gongkai.Domain.Casework;

/// <summary>
/// How an application ended: exactly one table 3 outcome row of the 2021 format (report-json.md). The numeric
/// order follows the table. <see cref="Outcomes.RowKey"/> gives the canonical row key (<c>granted</c> …).
/// </summary>
public enum ApplicationOutcome
{
    /// <summary>（一）予以公开.</summary>
    Granted,

    /// <summary>（二）部分公开.</summary>
    PartiallyGranted,

    /// <summary>（三）1 属于国家秘密.</summary>
    WithheldStateSecret,

    /// <summary>（三）2 其他法律行政法规禁止公开.</summary>
    WithheldProhibitedByLaw,

    /// <summary>（三）3 危及“三安全一稳定”.</summary>
    WithheldSecurityStability,

    /// <summary>（三）4 保护第三方合法权益.</summary>
    WithheldThirdParty,

    /// <summary>（三）5 属于三类内部事务信息.</summary>
    WithheldInternalAffairs,

    /// <summary>（三）6 属于四类过程性信息.</summary>
    WithheldProcessInformation,

    /// <summary>（三）7 属于行政执法案卷.</summary>
    WithheldEnforcementFile,

    /// <summary>（三）8 属于行政查询事项.</summary>
    WithheldAdministrativeQuery,

    /// <summary>（四）1 本机关不掌握相关政府信息.</summary>
    UnableNotHeld,

    /// <summary>（四）2 没有现成信息需要另行制作.</summary>
    UnableNeedsCreation,

    /// <summary>（四）3 补正后申请内容仍不明确.</summary>
    UnableUnclearAfterSupplement,

    /// <summary>（五）1 信访举报投诉类申请.</summary>
    NotProcessedPetition,

    /// <summary>（五）2 重复申请.</summary>
    NotProcessedRepeated,

    /// <summary>（五）3 要求提供公开出版物.</summary>
    NotProcessedPublication,

    /// <summary>（五）4 无正当理由大量反复申请.</summary>
    NotProcessedExcessive,

    /// <summary>（五）5 要求行政机关确认或重新出具已获取信息.</summary>
    NotProcessedReconfirmation,

    /// <summary>（六）1 申请人无正当理由逾期不补正 (reached by <see cref="Abandoned"/>).</summary>
    OtherNoSupplement,

    /// <summary>（六）2 申请人逾期未按收费通知要求缴纳费用 (reached by <see cref="Abandoned"/>).</summary>
    OtherFeeUnpaid,

    /// <summary>（六）3 其他 (e.g. withdrawn).</summary>
    OtherOther,
}

/// <summary>Row keys of <see cref="ApplicationOutcome"/>.</summary>
public static class Outcomes
{
    private static readonly FrozenDictionary<ApplicationOutcome, string> s_keys = new Dictionary<ApplicationOutcome, string>
    {
        [ApplicationOutcome.Granted] = "granted",
        [ApplicationOutcome.PartiallyGranted] = "partially_granted",
        [ApplicationOutcome.WithheldStateSecret] = "withheld_state_secret",
        [ApplicationOutcome.WithheldProhibitedByLaw] = "withheld_prohibited_by_law",
        [ApplicationOutcome.WithheldSecurityStability] = "withheld_security_stability",
        [ApplicationOutcome.WithheldThirdParty] = "withheld_third_party",
        [ApplicationOutcome.WithheldInternalAffairs] = "withheld_internal_affairs",
        [ApplicationOutcome.WithheldProcessInformation] = "withheld_process_information",
        [ApplicationOutcome.WithheldEnforcementFile] = "withheld_enforcement_file",
        [ApplicationOutcome.WithheldAdministrativeQuery] = "withheld_administrative_query",
        [ApplicationOutcome.UnableNotHeld] = "unable_not_held",
        [ApplicationOutcome.UnableNeedsCreation] = "unable_needs_creation",
        [ApplicationOutcome.UnableUnclearAfterSupplement] = "unable_unclear_after_supplement",
        [ApplicationOutcome.NotProcessedPetition] = "not_processed_petition",
        [ApplicationOutcome.NotProcessedRepeated] = "not_processed_repeated",
        [ApplicationOutcome.NotProcessedPublication] = "not_processed_publication",
        [ApplicationOutcome.NotProcessedExcessive] = "not_processed_excessive",
        [ApplicationOutcome.NotProcessedReconfirmation] = "not_processed_reconfirmation",
        [ApplicationOutcome.OtherNoSupplement] = "other_no_supplement",
        [ApplicationOutcome.OtherFeeUnpaid] = "other_fee_unpaid",
        [ApplicationOutcome.OtherOther] = "other_other",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ApplicationOutcome> s_byKey = s_keys.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>Every outcome in table order.</summary>
    public static IReadOnlyList<ApplicationOutcome> All { get; } = Enum.GetValues<ApplicationOutcome>();

    /// <summary>The table 3 row key, e.g. <c>withheld_third_party</c>.</summary>
    public static string RowKey(this ApplicationOutcome outcome) => s_keys[outcome];

    public static bool TryParse(string rowKey, out ApplicationOutcome outcome) => s_byKey.TryGetValue(rowKey, out outcome);
}
