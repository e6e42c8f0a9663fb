using System.Globalization;
using Gongkai.Domain.Results;
using Microsoft.Extensions.Localization;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The messages of the forms: a field left empty, too long, in the wrong shape; a form refused as a
/// whole. One catalogue keyed by stable codes. Validation attributes name the code
/// (<c>[Required(ErrorMessage = FormCodes.TitleRequired)]</c>) and <see cref="Localizer"/> words it
/// (registered as the data-annotation localizer); page code writes <see cref="Zh"/>. Pages never
/// write a message themselves (<c>PageNoticeTests</c>).
/// </summary>
public static class FormCodes
{
    public const string UserNameRequired = "form.account.user-name-required";
    public const string UserNameLength = "form.account.user-name-length";
    public const string UserNameCharacters = "form.account.user-name-characters";
    public const string DisplayNameRequired = "form.account.display-name-required";
    public const string DisplayNameLength = "form.account.display-name-length";
    public const string AccountAgencyRequired = "form.account.agency-required";
    public const string RoleRequired = "form.account.role-required";
    public const string AgencyNameRequired = "form.agency.name-required";
    public const string AgencyNameLength = "form.agency.name-length";
    public const string ReceivingOfficeLength = "form.agency.receiving-office-length";
    public const string OfficeAddressLength = "form.agency.address-length";
    public const string OfficeHoursLength = "form.agency.office-hours-length";
    public const string AgencyPhoneLength = "form.agency.phone-length";
    public const string AgencyPhoneCharacters = "form.agency.phone-characters";
    public const string EmailLength = "form.email-length";
    public const string AgencyEmailInvalid = "form.agency.email-invalid";
    public const string ParentRequired = "form.agency.parent-required";
    public const string AgencyCodeRequired = "form.agency.code-required";
    public const string AgencyCodeFormat = "form.agency.code-format";
    public const string CreditCodeRequired = "form.agency.credit-code-required";
    public const string ApplicantNameRequired = "form.application.applicant-name-required";
    public const string ApplicantNameLength = "form.application.applicant-name-length";
    public const string IdNumberRequired = "form.application.id-number-required";
    public const string IdNumberLength = "form.application.id-number-length";
    public const string ApplicantPhoneLength = "form.application.phone-length";
    public const string ApplicantPhoneFormat = "form.application.phone-format";
    public const string ApplicantEmailInvalid = "form.application.email-invalid";
    public const string PostalAddressLength = "form.application.address-length";
    public const string DescriptionRequired = "form.application.description-required";
    public const string DescriptionLength = "form.application.description-length";
    public const string PurposeLength = "form.application.purpose-length";
    public const string SubmittedOnRequired = "form.application.submitted-on-required";
    public const string RequestsRange = "form.application.requests-range";
    public const string ContactRequired = "form.application.contact-required";
    public const string ApplicantKindRequired = "form.application.applicant-kind-required";
    public const string IdKindRequired = "form.application.id-kind-required";
    public const string DeliveryFormRequired = "form.application.delivery-form-required";
    public const string ChannelRequired = "form.application.channel-required";
    public const string ReceivingAgencyRequired = "form.application.agency-required";
    public const string DateInFuture = "form.date-in-future";
    public const string LoginUserNameRequired = "form.login.user-name-required";
    public const string LoginPasswordRequired = "form.login.password-required";
    public const string CurrentPasswordRequired = "form.password.current-required";
    public const string NewPasswordRequired = "form.password.new-required";
    public const string ConfirmPasswordRequired = "form.password.confirm-required";
    public const string ConfirmPasswordMismatch = "form.password.confirm-mismatch";
    public const string NewPasswordSame = "form.password.new-same";
    public const string TitleRequired = "form.disclosure.title-required";
    public const string PublisherRequired = "form.disclosure.publisher-required";
    public const string WrittenOnRequired = "form.disclosure.written-on-required";
    public const string ConfirmDateRequired = "form.case.confirm-date-required";
    public const string SupplementDateRequired = "form.case.supplement-date-required";
    public const string SupplementItemsRequired = "form.case.supplement-items-required";
    public const string SupplementReceivedDateRequired = "form.case.supplement-received-date-required";
    public const string DateRequired = "form.date-required";
    public const string ConsultDateRequired = "form.case.consult-date-required";
    public const string ConsultPartyRequired = "form.case.consult-party-required";
    public const string ExtendDateRequired = "form.case.extend-date-required";
    public const string ExtendReasonRequired = "form.case.extend-reason-required";
    public const string ExtendDaysRange = "form.case.extend-days-range";
    public const string FeeDateRequired = "form.case.fee-date-required";
    public const string FeeUnitsRange = "form.case.fee-units-range";
    public const string FeePriorNegative = "form.case.fee-prior-negative";
    public const string FeePaidDateRequired = "form.case.fee-paid-date-required";
    public const string FeePaidAmountRequired = "form.case.fee-paid-amount-required";
    public const string DecideDateRequired = "form.case.decide-date-required";
    public const string DecideOutcomeRequired = "form.case.decide-outcome-required";
    public const string DecideGroundMismatch = "form.case.decide-ground-mismatch";
    public const string DecideReasonsRequired = "form.case.decide-reasons-required";
    public const string HandlerRequired = "form.case.handler-required";
    public const string TransferAgencyRequired = "form.case.transfer-agency-required";
    public const string TransferReasonRequired = "form.case.transfer-reason-required";
    public const string CloseDateRequired = "form.case.close-date-required";
    public const string FormHasErrors = "form.has-errors";
    public const string ReviewFiledOnRequired = "form.review.filed-on-required";
    public const string ReviewBodyRequired = "form.review.body-required";
    public const string ReviewCaseNumberLength = "form.review.case-number-length";
    public const string ReviewRouteRequired = "form.review.route-required";
    public const string ReviewDecidedOnRange = "form.review.decided-on-range";
    public const string ReportFileRequired = "form.upload.file-required";
    public const string ReportYearUnknown = "form.upload.year-unknown";
    public const string DeadlineDaysRange = "form.deadline.days-range";
    public const string DeadlineDateRange = "form.deadline.date-range";
    public const string TrackThrottled = "form.track.throttled";
    public const string TrackNotFound = "form.track.not-found";
    public const string LoginRefused = "form.login.refused";
    public const string TooLong = "form.too-long";
    public const string AttachmentRefused = "form.attachment-refused";
    public const string ValueInvalid = "form.value-invalid";
    public const string NumberRequired = "form.number-required";
    public const string ValueRequired = "form.value-required";
    public const string UnknownValueInvalid = "form.unknown-value-invalid";
    public const string BodyRequired = "form.body-required";
    public const string FileUnreadable = "form.upload.file-unreadable";
    public const string NotSaved = "form.upload.not-saved";

    public static readonly MessageCatalogue Messages = new("form", new Dictionary<string, (string, string?)>
    {
        [UserNameRequired] = ("请填写用户名", null),
        [UserNameLength] = ("用户名应为3至50个字符", null),
        [UserNameCharacters] = ("用户名只能包含英文字母、数字和点（.）", null),
        [DisplayNameRequired] = ("请填写姓名", null),
        [DisplayNameLength] = ("姓名不超过50个字", null),
        [AccountAgencyRequired] = ("请选择所属机关", null),
        [RoleRequired] = ("请选择角色", null),
        [AgencyNameRequired] = ("请填写机关名称", null),
        [AgencyNameLength] = ("机关名称应为2至100个字", null),
        [ReceivingOfficeLength] = ("受理机构不超过100个字", null),
        [OfficeAddressLength] = ("办公地址不超过200个字", null),
        [OfficeHoursLength] = ("办公时间不超过100个字", null),
        [AgencyPhoneLength] = ("联系电话不超过50个字符", null),
        [AgencyPhoneCharacters] = ("联系电话只能包含数字、横线、括号和空格", null),
        [EmailLength] = ("电子邮箱不超过100个字符", null),
        [AgencyEmailInvalid] = ("请填写有效的电子邮箱", null),
        [ParentRequired] = ("请选择上级机关", null),
        [AgencyCodeRequired] = ("请填写机关代码", null),
        [AgencyCodeFormat] = ("机关代码为2至16位英文字母或数字，以字母开头（用作查询编号的前缀）", null),
        [CreditCodeRequired] = ("请填写统一社会信用代码", null),
        [ApplicantNameRequired] = ("请填写申请人姓名或名称", null),
        [ApplicantNameLength] = ("申请人姓名或名称不超过100个字", null),
        [IdNumberRequired] = ("请填写身份证明号码（条例第二十九条）", null),
        [IdNumberLength] = ("证件号码不超过50个字符", null),
        [ApplicantPhoneLength] = ("联系电话不超过30个字符", null),
        [ApplicantPhoneFormat] = ("联系电话格式不正确", null),
        [ApplicantEmailInvalid] = ("电子邮箱格式不正确", null),
        [PostalAddressLength] = ("通信地址不超过200个字", null),
        [DescriptionRequired] = ("请描述所需政府信息的名称、文号或者便于查询的其他特征性描述", null),
        [DescriptionLength] = ("所需信息描述应为4至2000个字", null),
        [PurposeLength] = ("用途不超过500个字", null),
        [SubmittedOnRequired] = ("请填写提交日期", null),
        [RequestsRange] = ("申请件数应为1至100", null),
        [ContactRequired] = ("请至少填写一种联系方式（电话、电子邮箱或通信地址）", null),
        [ApplicantKindRequired] = ("请选择申请人类型", null),
        [IdKindRequired] = ("请选择证件类型", null),
        [DeliveryFormRequired] = ("请选择获取信息的方式", null),
        [ChannelRequired] = ("请选择申请方式", null),
        [ReceivingAgencyRequired] = ("请选择受理机关", null),
        [DateInFuture] = ("日期不能晚于今天", null),
        [LoginUserNameRequired] = ("请输入用户名", null),
        [LoginPasswordRequired] = ("请输入密码", null),
        [CurrentPasswordRequired] = ("请输入当前密码", null),
        [NewPasswordRequired] = ("请输入新密码", null),
        [ConfirmPasswordRequired] = ("请再次输入新密码", null),
        [ConfirmPasswordMismatch] = ("两次输入的新密码不一致", null),
        [NewPasswordSame] = ("新密码不能与当前密码相同", null),
        [TitleRequired] = ("请填写标题。", null),
        [PublisherRequired] = ("请填写发布机构。", null),
        [WrittenOnRequired] = ("请填写成文日期。", null),
        [ConfirmDateRequired] = ("请填写确认日期", null),
        [SupplementDateRequired] = ("请填写告知日期", null),
        [SupplementItemsRequired] = ("请写明需要补正的事项", null),
        [SupplementReceivedDateRequired] = ("请填写收到补正的日期", null),
        [DateRequired] = ("请填写日期", null),
        [ConsultDateRequired] = ("请填写发出征求意见函的日期", null),
        [ConsultPartyRequired] = ("请填写征求意见对象", null),
        [ExtendDateRequired] = ("请填写延期日期", null),
        [ExtendReasonRequired] = ("请写明延期理由", null),
        [ExtendDaysRange] = ("延长天数应为1至20个工作日", null),
        [FeeDateRequired] = ("请填写通知日期", null),
        [FeeUnitsRange] = ("件数或页数应为正整数", null),
        [FeePriorNegative] = ("本月已申请件数不能为负数", null),
        [FeePaidDateRequired] = ("请填写缴费日期", null),
        [FeePaidAmountRequired] = ("请填写缴费金额", null),
        [DecideDateRequired] = ("请填写答复日期", null),
        [DecideOutcomeRequired] = ("请选择办理结果", null),
        [DecideGroundMismatch] = ("所选理由不适用于该办理结果，请重新选择", null),
        [DecideReasonsRequired] = ("请写明事实和理由（将写入答复书）", null),
        [HandlerRequired] = ("请选择承办人", null),
        [TransferAgencyRequired] = ("请选择转办机关", null),
        [TransferReasonRequired] = ("请写明转办理由", null),
        [CloseDateRequired] = ("请填写归档日期", null),
        [FormHasErrors] = ("提交的内容有误，未保存，请按提示修改。", null),
        [ReviewFiledOnRequired] = ("请填写不晚于今天的立案（受理）日期", null),
        [ReviewBodyRequired] = ("请填写复议机关或法院名称（不超过200字）", null),
        [ReviewCaseNumberLength] = ("案号不超过100个字符", null),
        [ReviewRouteRequired] = ("请选择类型", null),
        [ReviewDecidedOnRange] = ("审结日期应不早于立案日期、不晚于今天", null),
        [ReportFileRequired] = ("请选择要上传的报告文件。", null),
        [ReportYearUnknown] = ("未能识别报告年度，不能保存。", null),
        [DeadlineDaysRange] = ("工作日数应为1至200", null),
        [DeadlineDateRange] = ("日期超出可计算范围", null),
        [TrackThrottled] = ("查询码错误次数过多，请15分钟后再试。", null),
        [TrackNotFound] = ("查询编号或查询码不正确，请核对后重新输入。", null),
        [LoginRefused] = ("用户名或密码错误，或账号已被锁定、停用。多次失败后须等待15分钟再试；如仍不能登录，请联系系统管理员。", null),
        [TooLong] = ("不超过{0}个字", null),
        [AttachmentRefused] = ("“{0}”：{1}。未保存，请重新选择文件。", null),
        [ValueInvalid] = ("“{0}”不是有效的值", null),
        [NumberRequired] = ("请填写数字", null),
        [ValueRequired] = ("此项必须填写", null),
        [UnknownValueInvalid] = ("填写的值无效", null),
        [BodyRequired] = ("请求内容不能为空", null),
        [FileUnreadable] = ("无法读取该文件：{0}", null),
        [NotSaved] = ("未保存：{0}", null),
    });

    /// <summary>The data-annotation localizer: a validation attribute's message code to its Chinese.</summary>
    public static IStringLocalizer Localizer { get; } = new CatalogueLocalizer(Messages);

    /// <summary>The Chinese message of <paramref name="code"/> with the arguments of its template.</summary>
    public static string Zh(string code, params string[] args)
    {
        if (!Messages.Contains(code))
        {
            throw new ArgumentException($"{code} is not a form code", nameof(code));
        }

        return Messages.Zh(code, [.. args]);
    }

    /// <summary>
    /// Words the attributes' codes from the catalogue; any other text (a display name) is returned as
    /// it is. The arguments MVC passes (display name, lengths) fill <c>{0}</c>… the way
    /// <see cref="string.Format(IFormatProvider, string, object[])"/> does, extra ones unused.
    /// </summary>
    private sealed class CatalogueLocalizer(MessageCatalogue catalogue) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            catalogue.TemplateZh(name) is { } zh ? new(name, zh) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            catalogue.TemplateZh(name) is { } zh
                ? new(name, string.Format(CultureInfo.InvariantCulture, zh, arguments))
                : new(name, string.Format(CultureInfo.InvariantCulture, name, arguments), resourceNotFound: true);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            catalogue.Codes.Select(code => this[code]);
    }
}
