using Gongkai.Domain.Results;

namespace Gongkai.Domain.Casework;

/// <summary>
/// Stable codes of casework refusals (依申请公开: receipt, registration, the steps of a case, review cases,
/// and the desk's own refusals), with their Chinese messages: the one catalogue of the area, keyed by
/// code. Codes stay in APIs, JSON and audit; tests assert codes, not prose. Templates take <c>{0}</c>,
/// <c>{1}</c> … from <see cref="CatalogueMessage.Args"/>.
/// </summary>
public static class CaseworkCodes
{
    // Receipt (Art. 31) and registration.
    public const string ReceiptMissingDate = "receipt.missing-date";
    public const string ReceiptBeforeSubmission = "receipt.before-submission";
    public const string RegisterReceiptDate = "register.receipt-date";
    public const string RegisterRequests = "register.requests";
    public const string BadIdNumber = "applicant.id-number-invalid";
    public const string BadCreditCode = "applicant.credit-code-invalid";

    // Events in general.
    public const string FirstNotRegistered = "event.first-not-registered";
    public const string NoEvents = "event.none";
    public const string AlreadyRegistered = "event.already-registered";
    public const string OutOfOrder = "event.out-of-order";
    public const string NoActor = "event.no-actor";
    public const string CaseClosed = "event.closed";
    public const string CaseDecided = "event.decided";
    public const string InvalidTransition = "event.invalid-transition";
    public const string UnknownEvent = "event.unknown";

    // 承办人 and 转办.
    public const string NoHandler = "assign.no-handler";
    public const string SameHandler = "assign.same";
    public const string UnknownHandler = "assign.unknown-handler";
    public const string TransferAgency = "transfer.agency";
    public const string TransferNoReason = "transfer.no-reason";
    public const string TransferNotApprover = "transfer.not-approver";

    // 补正 (Art. 30) and 视为放弃.
    public const string SupplementOnce = "supplement.once";
    public const string SupplementState = "supplement.state";
    public const string SupplementTooLate = "supplement.too-late";
    public const string SupplementLimitBeforeNotice = "supplement.limit-before-notice";
    public const string SupplementLimitOpen = "abandon.supplement-limit-open";
    public const string FeeLimitOpen = "abandon.fee-limit-open";
    public const string AbandonReason = "abandon.reason";

    // 征求意见 (Arts. 32, 34) and 延期 (Art. 33).
    public const string ConsultationNoParty = "consultation.no-party";
    public const string ConsultationNoReplyEarly = "consultation.no-reply-early";
    public const string ExtensionNoApprover = "extension.no-approver";
    public const string ExtensionDays = "extension.days";
    public const string ExtensionTooLong = "extension.too-long";
    public const string ExtensionAfterDue = "extension.after-due";

    // 信息处理费 (国办函〔2020〕109号).
    public const string FeeOneMethod = "fee.one-method";
    public const string FeeOnce = "fee.once";
    public const string FeeUnits = "fee.units";
    public const string FeeFree = "fee.free";
    public const string FeeAmountMismatch = "fee.amount-mismatch";
    public const string FeeAfterDue = "fee.after-due";
    public const string FeePaidLate = "fee.paid-late";

    // 答复.
    public const string DecisionUseAbandoned = "decision.use-abandoned";
    public const string DecisionNoSupplement = "decision.no-supplement";
    public const string DecisionOutcome = "decision.outcome";
    public const string DecisionGroundOutcome = "decision.ground-outcome";
    public const string DecisionNoGround = "decision.no-ground";

    // 行政复议 and 行政诉讼.
    public const string ReviewDecidedBeforeFiled = "review.decided-before-filed";

    // The desk (Web): a stale or lost step, a portal application not yet confirmed or already registered.
    public const string Conflict = "case.conflict";
    public const string Unconfirmed = "case.unconfirmed";
    public const string PortalNotPending = "portal.not-pending";
    public const string ReviewConflict = "review.conflict";

    // Notices: what a person is told after a step succeeded (Notice, never written in pages).
    public const string DoneTransferred = "done.case.transferred";
    public const string DoneSaved = "done.case.saved";
    public const string DoneRegistered = "done.case.registered";
    public const string DoneAlreadyRegistered = "done.case.already-registered";
    public const string DoneReviewRecorded = "done.case.review-recorded";

    public static readonly MessageCatalogue Messages = new("casework", new Dictionary<string, (string, string?)>
    {
        [DoneTransferred] = ("已转办至{0}，答复期限不变。", null),
        [DoneSaved] = ("已保存。", null),
        [DoneRegistered] = ("已登记，编号 {0}。", null),
        [DoneAlreadyRegistered] = ("该申请已经登记过，编号 {0}，未重复登记。", null),
        [DoneReviewRecorded] = ("已登记。", null),
        [ReceiptMissingDate] = ("{0}申请需提供{1}（条例第三十一条）", "a {0} application needs the date Art. 31 asks for"),
        [ReceiptBeforeSubmission] = ("收到日期 {0} 早于提交日期 {1}", "the date of receipt {0} is before the date of submission {1}"),
        [RegisterReceiptDate] = ("登记日期应为第三十一条规定的收到日期 {0}", "the registration date must be the Art. 31 date of receipt {0}"),
        [RegisterRequests] = ("申请件数至少为1", "an application counts as at least one request"),
        [BadIdNumber] = ("居民身份证号码{0}，请核对", "invalid resident identity card number"),
        [BadCreditCode] = ("统一社会信用代码有误：应为18位，末位校验码须与前17位相符，请核对", "invalid unified social credit code"),
        [FirstNotRegistered] = ("第一个事件必须是登记", "the first event must be Registered"),
        [NoEvents] = ("没有事件", "no events"),
        [AlreadyRegistered] = ("申请已登记，不能再次登记", "the application is already registered"),
        [OutOfOrder] = ("事件日期 {0} 早于上一事件 {1}", "the event on {0} is before the previous event ({1})"),
        [NoActor] = ("未记录操作人", "who recorded the event is missing"),
        [CaseClosed] = ("已办结，不能再追加事件", "the case is closed"),
        [CaseDecided] = ("已答复，只能办结归档，不能{0}", "the case is decided; only Closed may follow"),
        [InvalidTransition] = ("当前状态为“{0}”，不能{1}", "the step is not allowed in the current state"),
        [UnknownEvent] = ("未知事件", "unknown event"),
        [NoHandler] = ("未选择承办人", "the handler is missing"),
        [SameHandler] = ("该申请的承办人已是{0}", "{0} already handles the case"),
        [UnknownHandler] = ("承办人须为本机关在岗的经办或审批人员", "the handler must be an active desk member of the case's agency"),
        [TransferAgency] = ("请选择转办的另一机关（本级政府及其所属部门）", "the case must move to another agency of the same tree"),
        [TransferNoReason] = ("请写明转办理由", "the reason for the transfer is missing"),
        [TransferNotApprover] = ("转办须由审批人员决定", "only an approver may transfer a case"),
        [SupplementOnce] = ("补正应一次性告知，不能再次要求补正（条例第三十条）", "a supplement may be requested only once (Art. 30)"),
        [SupplementState] = ("当前状态（{0}）不能要求补正", "a supplement cannot be requested in the current state"),
        [SupplementTooLate] = ("补正告知应在收到申请之日起7个工作日内（至 {0}）作出", "the supplement notice is due within 7 working days of receipt (by {0})"),
        [SupplementLimitBeforeNotice] = ("补正期限早于告知日期", "the time limit for the supplement is before the notice"),
        [SupplementLimitOpen] = ("补正期限（{0}）尚未届满", "the time limit for the supplement ({0}) has not passed"),
        [FeeLimitOpen] = ("缴费期限（{0}）尚未届满", "the time limit for payment ({0}) has not passed"),
        [AbandonReason] = ("未知的放弃原因", "unknown abandonment reason"),
        [ConsultationNoParty] = ("未写明征求意见对象", "whose views are sought is missing"),
        [ConsultationNoReplyEarly] = ("征求意见的答复期限（{0}，15个工作日）尚未届满，不能按逾期未提出意见处理", "the 15 working days for a reply run until {0}; 'no reply' cannot be recorded before then"),
        [ExtensionNoApprover] = ("延长答复期限须经政府信息公开工作机构负责人同意，未记录批准人（条例第三十三条）", "an extension needs the approval of the head of the disclosure office (Art. 33); the approver is missing"),
        [ExtensionDays] = ("延长天数至少为1个工作日", "an extension is at least one working day"),
        [ExtensionTooLong] = ("延长的期限最长不得超过20个工作日（已延长{0}个，本次{1}个）", "extensions may not exceed 20 working days in all (already {0}, now {1})"),
        [ExtensionAfterDue] = ("答复期限已届满，不能再延长（期限 {0}）", "the answer period has already run out; it can no longer be extended (due {0})"),
        [FeeOneMethod] = ("同一申请只能选择按件或按量一种方式计收（国办函〔2020〕109号）", "one application is charged by one method only, per request or per page"),
        [FeeOnce] = ("已发出收费通知", "a fee has already been notified"),
        [FeeUnits] = ("计费件数或页数无效", "invalid number of requests or pages"),
        [FeeFree] = ("未超过免费额度，不应收费", "within the free allowance; no fee may be charged"),
        [FeeAmountMismatch] = ("{0}金额应为 {1} 元", "the amount must be {1} yuan"),
        [FeeAfterDue] = ("收费通知应在答复期限内发出（期限 {0}）", "the fee notice must be sent within the answer period (due {0})"),
        [FeePaidLate] = ("缴费期限已于 {0} 届满，应视为放弃申请", "the time limit for payment ended on {0}; the application is deemed abandoned"),
        [DecisionUseAbandoned] = ("逾期不补正或逾期未缴费应记录为“视为放弃申请”事件", "record failure to supplement or to pay with an Abandoned event"),
        [DecisionNoSupplement] = ("“补正后申请内容仍不明确”须先有补正", "'still unclear after supplement' needs a supplement first"),
        [DecisionOutcome] = ("未知的办理结果", "unknown outcome"),
        [DecisionGroundOutcome] = ("所选理由与办理结果不符", "the ground does not apply to the outcome"),
        [DecisionNoGround] = ("未写明法律依据", "the legal ground is missing"),
        [ReviewDecidedBeforeFiled] = ("审结日期早于立案日期", "decided before it was filed"),
        [ReviewConflict] = ("该记录已被他人修改，请核对后重新操作。", "the review record was changed by someone else since it was loaded"),
        [Conflict] = ("该申请已被他人修改，请按最新状态核对后重新操作。", "the case was changed by someone else since it was loaded"),
        [Unconfirmed] = ("网上申请尚未确认受理", "the portal application is not yet confirmed"),
        [PortalNotPending] = ("该申请已登记", "already registered"),
    });

    /// <summary>A casework problem for <paramref name="code"/> with the arguments of its template.</summary>
    public static Problem Problem(string code, params string[] args) => Messages.Problem(code, args);

    /// <summary>A date as the messages print it.</summary>
    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
