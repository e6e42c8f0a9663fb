namespace Gongkai.Domain.Casework;

/// <summary>
/// The Chinese words of casework: the one catalogue of what staff and applicants read about an application —
/// states, steps, channels, applicant and document kinds, delivery forms, Table 3 outcomes, consultation replies,
/// reconsideration and litigation. Pages, letters, deadline explanations and audit descriptions take their words
/// from here; enum names and event kinds stay the codes of APIs, logs and JSON.
/// </summary>
public static class CaseworkText
{
    /// <summary>The state's name, as shown to staff and applicants.</summary>
    public static string Of(ApplicationState state) => state switch
    {
        ApplicationState.Open => "办理中",
        ApplicationState.AwaitingSupplement => "待补正",
        ApplicationState.Consulting => "征求意见中",
        ApplicationState.AwaitingFee => "待缴费",
        ApplicationState.Decided => "已答复",
        ApplicationState.Closed => "已办结",
        _ => "未知状态",
    };

    /// <summary>A stored state (null before the office confirmed a portal application).</summary>
    public static string Of(ApplicationState? state, bool awaitingConfirmation = false) =>
        awaitingConfirmation ? "待确认受理" : state is { } s ? Of(s) : "—";

    /// <summary>The name of a casework step, e.g. 延长答复期限.</summary>
    public static string NameOf(ApplicationEvent e) => e switch
    {
        Registered => "登记",
        SupplementRequested => "要求补正",
        SupplementReceived => "收到补正",
        ConsultationStarted => "征求意见",
        ConsultationEnded => "结束征求意见",
        Extended => "延长答复期限",
        FeeNotified => "发出收费通知",
        FeePaid => "缴费",
        Abandoned => "视为放弃申请",
        Decided => "答复",
        Closed => "办结归档",
        Assigned => "指派承办人",
        Transferred => "转办",
        _ => "其他步骤",
    };

    /// <summary>What happened in a step, in a sentence for the case's history.</summary>
    public static string Describe(ApplicationEvent e) => e switch
    {
        Registered => "登记收到申请",
        SupplementRequested s => $"一次性告知补正：{s.Items}",
        SupplementReceived => "收到补正",
        ConsultationStarted c => $"征求{Of(c.Party)}（{c.PartyName}）意见",
        ConsultationEnded c => $"征求意见结束（{Of(c.Reply)}）",
        Extended x => $"经{x.ApprovedBy}批准延长答复期限{x.WorkingDays}个工作日：{x.Reason}",
        FeeNotified f => $"发出收费通知，{f.Amount:0.##}元",
        FeePaid p => $"缴费{p.Amount:0.##}元",
        Abandoned a => $"{Of(a.Reason)}，视为放弃申请",
        Decided d => $"答复：{Of(d.Outcome)}" + (DecisionGrounds.Find(d.Ground) is { } g ? $"（{g.Name}，{g.Article.Replace(DecisionGrounds.Regulation, "条例", StringComparison.Ordinal)}）" : string.Empty),
        Closed => "办结归档",
        Assigned a => $"指派承办人：{a.HandlerName}",
        Transferred t => $"由{t.FromAgency}转办至{t.ToAgency}：{t.Reason}",
        _ => NameOf(e),
    };

    /// <summary>What happened in a step, as the applicant reads it on the portal (no staff names, no third party's name).</summary>
    public static string ForApplicant(ApplicationEvent e) => e switch
    {
        Registered => "收到申请并登记",
        SupplementRequested s => $"{NameOf(e)}：{s.Items}" + (s.SupplyBy is { } by ? $"（请于{by:yyyy-MM-dd}前补正）" : string.Empty),
        ConsultationStarted c => $"征求{(c.Party == ConsultationParty.ThirdParty ? "第三方" : "其他行政机关")}意见（所需时间不计入答复期限）",
        Extended x => $"{NameOf(e)}{x.WorkingDays}个工作日：{x.Reason}",
        FeeNotified f => $"{NameOf(e)}：信息处理费{f.Amount:0.##}元",
        FeePaid p => $"{NameOf(e)}{p.Amount:0.##}元",
        Abandoned a => a.Reason == AbandonmentReason.NoSupplement ? "逾期未补正，视为放弃申请" : "逾期未缴纳信息处理费，视为放弃申请",
        Decided d => $"{NameOf(e)}：{Of(d.Outcome)}",
        Transferred t => $"转至{t.ToAgency}办理（答复期限不变）",
        _ => NameOf(e),
    };

    public static string Of(ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "当面提交",
        ReceiptChannel.Post => "邮寄",
        ReceiptChannel.Online => "网络",
        ReceiptChannel.Fax => "传真",
        ReceiptChannel.Oral => "口头",
        _ => "其他方式",
    };

    public static string Of(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.CommercialEnterprise => "商业企业",
        ApplicantKind.ResearchInstitution => "科研机构",
        ApplicantKind.PublicWelfareOrganization => "社会公益组织",
        ApplicantKind.LegalServiceInstitution => "法律服务机构",
        ApplicantKind.OtherOrganization => "其他组织",
        _ => "其他",
    };

    public static string Of(IdentityDocumentKind kind) => kind switch
    {
        IdentityDocumentKind.ResidentIdentityCard => "居民身份证",
        IdentityDocumentKind.Passport => "护照",
        IdentityDocumentKind.UnifiedSocialCreditCode => "统一社会信用代码",
        _ => "其他证件",
    };

    public static string Of(DeliveryForm form) => form switch
    {
        DeliveryForm.Paper => "纸质",
        DeliveryForm.Email => "电子邮件",
        DeliveryForm.ElectronicMedia => "光盘、U盘等电子数据",
        DeliveryForm.Inspection => "当场查阅、抄录",
        _ => "其他",
    };

    public static string Of(ConsultationParty party) => party == ConsultationParty.ThirdParty ? "第三方" : "其他机关";

    public static string Of(ConsultationReply reply) => reply switch
    {
        ConsultationReply.Agreed => "同意公开",
        ConsultationReply.Objected => "不同意公开",
        _ => "逾期未提出意见",
    };

    public static string Of(AbandonmentReason reason) => reason == AbandonmentReason.NoSupplement ? "逾期不补正" : "逾期未缴费";

    public static string Of(FeeMethod method) => method == FeeMethod.PerRequest ? "按件" : "按量";

    /// <summary>The Table 3 label of an outcome, e.g. <c>（三）不予公开：4.保护第三方合法权益</c>.</summary>
    public static string Of(ApplicationOutcome o) => o switch
    {
        ApplicationOutcome.Granted => "（一）予以公开",
        ApplicationOutcome.PartiallyGranted => "（二）部分公开",
        ApplicationOutcome.WithheldStateSecret => "（三）不予公开：1.属于国家秘密",
        ApplicationOutcome.WithheldProhibitedByLaw => "（三）不予公开：2.其他法律行政法规禁止公开",
        ApplicationOutcome.WithheldSecurityStability => "（三）不予公开：3.危及“三安全一稳定”",
        ApplicationOutcome.WithheldThirdParty => "（三）不予公开：4.保护第三方合法权益",
        ApplicationOutcome.WithheldInternalAffairs => "（三）不予公开：5.属于三类内部事务信息",
        ApplicationOutcome.WithheldProcessInformation => "（三）不予公开：6.属于四类过程性信息",
        ApplicationOutcome.WithheldEnforcementFile => "（三）不予公开：7.属于行政执法案卷",
        ApplicationOutcome.WithheldAdministrativeQuery => "（三）不予公开：8.属于行政查询事项",
        ApplicationOutcome.UnableNotHeld => "（四）无法提供：1.本机关不掌握相关政府信息",
        ApplicationOutcome.UnableNeedsCreation => "（四）无法提供：2.没有现成信息需要另行制作",
        ApplicationOutcome.UnableUnclearAfterSupplement => "（四）无法提供：3.补正后申请内容仍不明确",
        ApplicationOutcome.NotProcessedPetition => "（五）不予处理：1.信访举报投诉类申请",
        ApplicationOutcome.NotProcessedRepeated => "（五）不予处理：2.重复申请",
        ApplicationOutcome.NotProcessedPublication => "（五）不予处理：3.要求提供公开出版物",
        ApplicationOutcome.NotProcessedExcessive => "（五）不予处理：4.无正当理由大量反复申请",
        ApplicationOutcome.NotProcessedReconfirmation => "（五）不予处理：5.要求行政机关确认或重新出具已获取信息",
        ApplicationOutcome.OtherNoSupplement => "（六）其他处理：1.逾期不补正",
        ApplicationOutcome.OtherFeeUnpaid => "（六）其他处理：2.逾期未缴费",
        ApplicationOutcome.OtherOther => "（六）其他处理：3.其他",
        _ => "（六）其他处理",
    };

    /// <summary>The label of a stored Table 3 row key (<c>granted</c> …), or a dash.</summary>
    public static string OutcomeOfKey(string? rowKey) =>
        rowKey is not null && Outcomes.TryParse(rowKey, out var o) ? Of(o) : "—";

    public static string Of(ReviewRoute route) => route switch
    {
        ReviewRoute.Reconsideration => "行政复议",
        ReviewRoute.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        ReviewRoute.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
        _ => "其他",
    };

    public static string Of(ReviewOutcome? outcome) => outcome switch
    {
        ReviewOutcome.Upheld => "结果维持",
        ReviewOutcome.Corrected => "结果纠正",
        ReviewOutcome.Other => "其他结果",
        _ => "尚未审结",
    };
}
