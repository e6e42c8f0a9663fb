using System.Collections.Frozen;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Results;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The action codes of the audit trail, with their Chinese descriptions: the one catalogue of what the
/// audit table records (<see cref="AuditTrail.Record"/> refuses any other code) and of what the audit
/// pages show. Codes are stored and never change; people read <see cref="ActionZh"/>. A step of a case
/// takes its code from its event type (<c>CaseService.AuditCodeOf</c>), whoever records it.
/// </summary>
public static class AuditCodes
{
    // 依申请公开 (a case; entity "case").
    public const string CaseRegister = "case.register";
    public const string CaseConfirm = "case.confirm";
    public const string CaseSupplement = "case.supplement";
    public const string CaseSupplementReceived = "case.supplement-received";
    public const string CaseConsultation = "case.consultation";
    public const string CaseConsultationEnded = "case.consultation-ended";
    public const string CaseExtend = "case.extend";
    public const string CaseFeeNotice = "case.fee-notice";
    public const string CaseFeePaid = "case.fee-paid";
    public const string CaseAbandon = "case.abandon";
    public const string CaseDecide = "case.decide";
    public const string CaseClose = "case.close";
    public const string CaseAssign = "case.assign";
    public const string CaseTransfer = "case.transfer";
    public const string CaseLetterNumber = "case.letter-number";
    public const string CaseAccessCode = "case.access-code";
    public const string PortalApply = "portal.apply";

    // 复议诉讼, 登记簿, 放假安排.
    public const string ReviewAdd = "review.add";
    public const string ReviewDecide = "review.decide";
    public const string RegisterDocument = "register.document";
    public const string RegisterMonthly = "register.monthly";
    public const string CalendarLoadNotice = "calendar.load-notice";

    // 机关设置.
    public const string AgencyCreate = "agency.create";
    public const string AgencyRename = "agency.rename";
    public const string AgencyContacts = "agency.contacts";
    public const string AgencyGuide = "agency.guide";
    public const string AgencyLetters = "agency.letters";

    // 账号管理.
    public const string UserCreate = "user.create";
    public const string UserRole = "user.role";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserResetPassword = "user.reset-password";
    public const string UserChangePassword = "user.change-password";

    // 年度报告编制工作台.
    public const string ReportCreate = "report.workspace.create";
    public const string ReportImportPublished = "report.workspace.import-published";
    public const string ReportImport = "report.workspace.import";
    public const string ReportCompile = "report.workspace.compile";
    public const string ReportCell = "report.workspace.cell";
    public const string ReportNarrative = "report.workspace.narrative";
    public const string ReportExplain = "report.workspace.explain";
    public const string ReportSubmit = "report.workspace.submit";
    public const string ReportReturn = "report.workspace.return";
    public const string ReportAccept = "report.workspace.accept";
    public const string ReportPublish = "report.workspace.publish";
    public const string ReportCorrect = "report.workspace.correct";
    public const string ReportEditDraft = "report.workspace.edit";

    // 主动公开 (one per DisclosureWorkflow step).
    public const string DisclosureCreated = "disclosure.created";
    public const string DisclosureEdited = "disclosure.edited";
    public const string DisclosureSubmitted = "disclosure.submitted";
    public const string DisclosureSecrecyPassed = "disclosure.secrecy-passed";
    public const string DisclosureLegalityPassed = "disclosure.legality-passed";
    public const string DisclosureReturned = "disclosure.returned";
    public const string DisclosureFindingAccepted = "disclosure.finding-accepted";
    public const string DisclosurePublished = "disclosure.published";
    public const string DisclosureCorrected = "disclosure.corrected";
    public const string DisclosureWithdrawn = "disclosure.withdrawn";

    private static readonly Dictionary<string, (string, string?)> s_written = new()
    {
        [CaseRegister] = ("登记申请", null),
        [CaseConfirm] = ("确认受理网上申请", null),
        [CaseSupplement] = ("要求补正", null),
        [CaseSupplementReceived] = ("收到补正", null),
        [CaseConsultation] = ("征求第三方意见", null),
        [CaseConsultationEnded] = ("结束征求意见", null),
        [CaseExtend] = ("延长答复期限", null),
        [CaseFeeNotice] = ("发出收费通知", null),
        [CaseFeePaid] = ("登记缴费", null),
        [CaseAbandon] = ("视为放弃申请", null),
        [CaseDecide] = ("作出答复", null),
        [CaseClose] = ("办结归档", null),
        [CaseAssign] = ("指派承办人", null),
        [CaseTransfer] = ("转办", null),
        [CaseLetterNumber] = ("编发文书文号", null),
        [CaseAccessCode] = ("重新生成查询码", null),
        [PortalApply] = ("网上提交申请", null),
        [ReviewAdd] = ("登记复议诉讼", null),
        [ReviewDecide] = ("登记复议诉讼结果", null),
        [RegisterDocument] = ("登记规章或规范性文件", null),
        [RegisterMonthly] = ("填写月度统计", null),
        [CalendarLoadNotice] = ("载入放假安排", null),
        [AgencyCreate] = ("新增下属部门", null),
        [AgencyRename] = ("修改机关名称", null),
        [AgencyContacts] = ("修改联系方式", null),
        [AgencyGuide] = ("修改公开指南", null),
        [AgencyLetters] = ("修改文书设置", null),
        [UserCreate] = ("新建账号", null),
        [UserRole] = ("变更角色", null),
        [UserDisable] = ("停用账号", null),
        [UserEnable] = ("启用账号", null),
        [UserResetPassword] = ("重置密码", null),
        [UserChangePassword] = ("修改本人密码", null),
        [ReportCreate] = ("新建年度报告", null),
        [ReportImportPublished] = ("导入已公开的年度报告", null),
        [ReportImport] = ("导入年度报告表格", null),
        [ReportCompile] = ("重新统计年度报告表格", null),
        [ReportCell] = ("修改年度报告数据", null),
        [ReportNarrative] = ("修改年度报告正文", null),
        [ReportExplain] = ("说明年度报告检查问题", null),
        [ReportSubmit] = ("报送年度报告", null),
        [ReportReturn] = ("退回年度报告", null),
        [ReportAccept] = ("审核通过年度报告", null),
        [ReportPublish] = ("公开年度报告", null),
        [ReportCorrect] = ("更正年度报告", null),
        [ReportEditDraft] = ("修改年度报告", null),
        [DisclosureCreated] = ("起草主动公开信息", null),
        [DisclosureEdited] = ("修改主动公开信息", null),
        [DisclosureSubmitted] = ("提交主动公开信息审查", null),
        [DisclosureSecrecyPassed] = ("保密审查通过", null),
        [DisclosureLegalityPassed] = ("合法性审查通过", null),
        [DisclosureReturned] = ("退回主动公开信息", null),
        [DisclosureFindingAccepted] = ("说明理由后接受检查问题", null),
        [DisclosurePublished] = ("发布主动公开信息", null),
        [DisclosureCorrected] = ("更正主动公开信息", null),
        [DisclosureWithdrawn] = ("撤回主动公开信息", null),
    };

    /// <summary>
    /// Codes no longer written, kept so that older entries still read in Chinese: the case API's
    /// <c>case.{event kind}</c> codes (before a step had one code whoever recorded it) and the
    /// annual-report upload's codes (before the workspace was the one writer of reports).
    /// </summary>
    private static readonly Dictionary<string, (string, string?)> s_retired = new()
    {
        ["case.supplement_requested"] = ("要求补正", null),
        ["case.supplement_received"] = ("收到补正", null),
        ["case.consultation_started"] = ("征求第三方意见", null),
        ["case.consultation_ended"] = ("结束征求意见", null),
        ["case.extended"] = ("延长答复期限", null),
        ["case.fee_notified"] = ("发出收费通知", null),
        ["case.fee_paid"] = ("登记缴费", null),
        ["case.abandoned"] = ("视为放弃申请", null),
        ["case.decided"] = ("作出答复", null),
        ["case.closed"] = ("办结归档", null),
        ["report.save"] = ("保存年度报告", null),
        ["report.submitted"] = ("提交年度报告", null),
        ["report.returned"] = ("退回年度报告", null),
        ["report.accepted"] = ("审核通过年度报告", null),
        ["report.published"] = ("公开年度报告", null),
    };

    /// <summary>Every action code the audit trail may record.</summary>
    public static FrozenSet<string> Written { get; } = s_written.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Codes older entries carry that nothing writes any more (worded for the audit pages).</summary>
    public static FrozenSet<string> Retired { get; } = s_retired.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The Chinese descriptions of <see cref="Written"/> and <see cref="Retired"/> codes.</summary>
    public static readonly MessageCatalogue Messages = new("audit", s_written.Concat(s_retired));

    /// <summary>
    /// The code of an annual report's workflow step, from the step itself: its action, and for an
    /// edit what it changed (<see cref="ReportEdit"/>). The store records it; pages never choose it.
    /// </summary>
    public static string OfReportStep(ReportHistoryEntry step) => step.Action switch
    {
        ReportAction.Created => ReportCreate,
        ReportAction.Submitted => ReportSubmit,
        ReportAction.Returned => ReportReturn,
        ReportAction.Accepted => ReportAccept,
        ReportAction.Published => ReportPublish,
        ReportAction.CorrectionStarted => ReportCorrect,
        ReportAction.Edited => step.Edit switch
        {
            ReportEdit.Import => ReportImport,
            ReportEdit.Compile => ReportCompile,
            ReportEdit.Cell => ReportCell,
            ReportEdit.Narrative => ReportNarrative,
            ReportEdit.Explanation => ReportExplain,
            _ => ReportEditDraft,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Action, "unknown report action"),
    };

    /// <summary>What was done, e.g. <c>case.decide</c> → 作出答复; an unknown code by its area (申请办理操作), never the raw code.</summary>
    public static string ActionZh(string code) =>
        Messages.Contains(code) ? Messages.Zh(code)
        : AuditEntities.Names.Contains(code.Split('.')[0]) ? AuditEntities.Zh(code.Split('.')[0]) + "操作"
        : "其他操作";
}
