using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;

namespace Gongkai.Web.Casework;

/// <summary>
/// The applicant's part of an application form (Art. 29): who, 身份证明, contact, what information, in
/// which form. Shared by the office's registration form and the public portal. Messages are Chinese
/// and appear beside each field.
/// </summary>
public class ApplicantForm : IValidatableObject
{
    [Display(Name = "申请人类型")]
    public ApplicantKind ApplicantKind { get; set; }

    [Required(ErrorMessage = "请填写申请人姓名或名称")]
    [StringLength(100, ErrorMessage = "申请人姓名或名称不超过100个字")]
    [Display(Name = "申请人姓名/名称")]
    public string? ApplicantName { get; set; }

    [Display(Name = "证件类型")]
    public IdentityDocumentKind IdKind { get; set; }

    [Required(ErrorMessage = "请填写身份证明号码（条例第二十九条）")]
    [StringLength(50, ErrorMessage = "证件号码不超过50个字符")]
    [Display(Name = "证件号码")]
    public string? IdNumber { get; set; }

    [StringLength(30, ErrorMessage = "联系电话不超过30个字符")]
    [RegularExpression(@"^[0-9+\-() ]{5,30}$", ErrorMessage = "联系电话格式不正确")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessage = "电子邮箱不超过100个字符")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确")]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "通信地址不超过200个字")]
    [Display(Name = "通信地址")]
    public string? Address { get; set; }

    [Required(ErrorMessage = "请描述所需政府信息的名称、文号或者便于查询的其他特征性描述")]
    [StringLength(2000, MinimumLength = 4, ErrorMessage = "所需信息描述应为4至2000个字")]
    [Display(Name = "所需政府信息")]
    public string? Description { get; set; }

    [Display(Name = "获取信息的方式")]
    public DeliveryForm DeliveryForm { get; set; }

    [StringLength(500, ErrorMessage = "用途不超过500个字")]
    [Display(Name = "用途（选填）")]
    public string? Purpose { get; set; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Address))
        {
            yield return new ValidationResult("请至少填写一种联系方式（电话、电子邮箱或通信地址）", [nameof(Phone)]);
        }

        if (!Enum.IsDefined(ApplicantKind))
        {
            yield return new ValidationResult("请选择申请人类型", [nameof(ApplicantKind)]);
        }

        if (!Enum.IsDefined(IdKind))
        {
            yield return new ValidationResult("请选择证件类型", [nameof(IdKind)]);
        }
        else if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            // The date of birth may not be after today in China; without a clock (AddObjectErrors) only the form and check character are checked.
            var today = validationContext.GetService(typeof(TimeProvider)) is TimeProvider clock ? ChinaTime.Today(clock) : DateOnly.MaxValue;
            if (IdentityCheck.Check(new IdentityDocument(IdKind, IdNumber), today) is { } bad)
            {
                yield return new ValidationResult(bad.MessageZh, [nameof(IdNumber)]);
            }
        }

        if (!Enum.IsDefined(DeliveryForm))
        {
            yield return new ValidationResult("请选择获取信息的方式", [nameof(DeliveryForm)]);
        }
    }

    /// <summary>
    /// MVC runs <see cref="IValidatableObject.Validate"/> only when every property is valid; this adds its
    /// messages too, so a person sees every problem at once.
    /// </summary>
    public void AddObjectErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        if (state.IsValid)
        {
            return;
        }

        foreach (var result in Validate(new ValidationContext(this)))
        {
            foreach (var member in result.MemberNames)
            {
                var key = $"{prefix}.{member}";
                if (!state.TryGetValue(key, out var entry) || entry.Errors.All(e => e.ErrorMessage != result.ErrorMessage))
                {
                    state.AddModelError(key, result.ErrorMessage!);
                }
            }
        }
    }

    public Applicant ToApplicant() => new(
        ApplicantKind,
        ApplicantName!.Trim(),
        new IdentityDocument(IdKind, IdNumber!.Trim()),
        new Contact(Blank(Phone), Blank(Email), Blank(Address)));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The office's registration form: the applicant's form plus how and when it arrived (Art. 31).</summary>
public sealed class RegistrationForm : ApplicantForm
{
    [Display(Name = "申请方式")]
    public ReceiptChannel Channel { get; set; }

    [Required(ErrorMessage = "请填写提交日期")]
    [Display(Name = "提交（寄出）日期")]
    public DateOnly? SubmittedOn { get; set; }

    [Display(Name = "签收日期（邮寄）")]
    public DateOnly? SignedForOn { get; set; }

    [Display(Name = "确认日期（网络、传真、平常信函）")]
    public DateOnly? ConfirmedOn { get; set; }

    [Range(1, 100, ErrorMessage = "申请件数应为1至100")]
    [Display(Name = "按一事一申请计的件数")]
    public int Requests { get; set; } = 1;

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var r in base.Validate(validationContext))
        {
            yield return r;
        }

        if (!Enum.IsDefined(Channel))
        {
            yield return new ValidationResult("请选择申请方式", [nameof(Channel)]);
        }
    }

    /// <summary>The application, or the domain's reason (e.g. Art. 31 needs a date the form lacks).</summary>
    public CaseworkResult<Application> ToApplication(Guid id, string trackingNumber)
    {
        try
        {
            return new(Application.Create(
                id, trackingNumber, ToApplicant(), Description!.Trim(), DeliveryForm, Channel,
                new ReceiptEvidence(SubmittedOn!.Value, SignedForOn, ConfirmedOn),
                string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim(), Requests), null);
        }
        catch (CaseworkException e)
        {
            return new(null!, e.Error);
        }
    }
}

/// <summary>What a citizen submitted on the portal, kept as JSON until the office confirms receipt.</summary>
public sealed record PortalSubmission(
    ApplicantKind ApplicantKind,
    string ApplicantName,
    IdentityDocumentKind IdKind,
    string IdNumber,
    string? Phone,
    string? Email,
    string? Address,
    string Description,
    DeliveryForm DeliveryForm,
    string? Purpose)
{
    public static PortalSubmission From(ApplicantForm f) => new(
        f.ApplicantKind, f.ApplicantName!.Trim(), f.IdKind, f.IdNumber!.Trim(), f.Phone, f.Email, f.Address, f.Description!.Trim(), f.DeliveryForm, f.Purpose);

    public string ToJson() => JsonSerializer.Serialize(this, ApplicationEventJson.Options);

    public static PortalSubmission FromJson(string json) =>
        JsonSerializer.Deserialize<PortalSubmission>(json, ApplicationEventJson.Options) ?? throw new JsonException("empty submission");

    public CaseworkResult<Application> ToApplication(Guid id, string trackingNumber, DateOnly submittedOn, DateOnly confirmedOn)
    {
        var form = new ApplicantForm
        {
            ApplicantKind = ApplicantKind,
            ApplicantName = ApplicantName,
            IdKind = IdKind,
            IdNumber = IdNumber,
            Phone = Phone,
            Email = Email,
            Address = Address,
        };
        try
        {
            return new(Application.Create(
                id, trackingNumber, form.ToApplicant(), Description, DeliveryForm, ReceiptChannel.Online,
                new ReceiptEvidence(submittedOn, ConfirmedOn: confirmedOn), string.IsNullOrWhiteSpace(Purpose) ? null : Purpose), null);
        }
        catch (CaseworkException e)
        {
            return new(null!, e.Error);
        }
    }
}

/// <summary>Chinese labels of the casework enums for forms and pages.</summary>
public static class Labels
{
    public static string Of(ApplicantKind k) => k switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.CommercialEnterprise => "商业企业",
        ApplicantKind.ResearchInstitution => "科研机构",
        ApplicantKind.PublicWelfareOrganization => "社会公益组织",
        ApplicantKind.LegalServiceInstitution => "法律服务机构",
        ApplicantKind.OtherOrganization => "其他组织",
        _ => k.ToString(),
    };

    public static string Of(IdentityDocumentKind k) => k switch
    {
        IdentityDocumentKind.ResidentIdentityCard => "居民身份证",
        IdentityDocumentKind.Passport => "护照",
        IdentityDocumentKind.UnifiedSocialCreditCode => "统一社会信用代码",
        IdentityDocumentKind.Other => "其他证件",
        _ => k.ToString(),
    };

    public static string Of(DeliveryForm k) => k switch
    {
        DeliveryForm.Paper => "纸质",
        DeliveryForm.Email => "电子邮件",
        DeliveryForm.ElectronicMedia => "光盘、U盘等电子数据",
        DeliveryForm.Inspection => "当场查阅、抄录",
        DeliveryForm.Other => "其他",
        _ => k.ToString(),
    };

    public static string Of(ReceiptChannel k) => ChannelText.Zh(k);

    public static string Of(ApplicationState? s, bool awaitingConfirmation = false) =>
        awaitingConfirmation ? "待确认受理" : s is { } state ? ApplicationCase.StateZh(state) : "—";

    public static string Of(ReviewRoute r) => r switch
    {
        ReviewRoute.Reconsideration => "行政复议",
        ReviewRoute.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        ReviewRoute.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
        _ => r.ToString(),
    };

    public static string Of(ReviewOutcome? o) => o switch
    {
        ReviewOutcome.Upheld => "结果维持",
        ReviewOutcome.Corrected => "结果纠正",
        ReviewOutcome.Other => "其他结果",
        _ => "尚未审结",
    };

    /// <summary>The Table 3 label of an outcome, e.g. <c>（三）4.保护第三方合法权益</c>.</summary>
    public static string Of(ApplicationOutcome o) => o.Zh();

    public static string OutcomeOfKey(string? rowKey) =>
        rowKey is not null && Outcomes.TryParse(rowKey, out var o) ? Of(o) : "—";

    /// <summary>
    /// A step as the applicant reads it on the portal: its name (<see cref="ApplicationCase.Zh(ApplicationEvent)"/>) and
    /// what concerns them, without the names of third parties or of staff.
    /// </summary>
    public static string ForApplicant(ApplicationEvent e) => e switch
    {
        Registered => "收到申请并登记",
        SupplementRequested s => $"{ApplicationCase.Zh(e)}：{s.Items}" + (s.SupplyBy is { } by ? $"（请于{by:yyyy-MM-dd}前补正）" : string.Empty),
        ConsultationStarted c => c.Party == ConsultationParty.ThirdParty ? "征求第三方意见（所需时间不计入答复期限）" : "征求其他行政机关意见（所需时间不计入答复期限）",
        Extended x => $"{ApplicationCase.Zh(e)}{x.WorkingDays}个工作日：{x.Reason}",
        FeeNotified f => $"{ApplicationCase.Zh(e)}：信息处理费{f.Amount:0.##}元",
        FeePaid p => $"{ApplicationCase.Zh(e)}{p.Amount:0.##}元",
        Abandoned a => a.Reason == AbandonmentReason.NoSupplement ? "逾期未补正，视为放弃申请" : "逾期未缴纳信息处理费，视为放弃申请",
        Decided d => $"{ApplicationCase.Zh(e)}：{Of(d.Outcome)}",
        _ => ApplicationCase.Zh(e),
    };

    /// <summary>The Chinese name of a notice kind (<see cref="Notices.NoticeKinds"/>).</summary>
    public static string OfNoticeKind(string kind) => kind switch
    {
        Notices.NoticeKinds.Received => "收到申请通知（申请人）",
        Notices.NoticeKinds.Supplement => "补正通知（申请人）",
        Notices.NoticeKinds.Fee => "收费通知（申请人）",
        Notices.NoticeKinds.Decision => "答复通知（申请人）",
        Notices.NoticeKinds.DueSoon => "即将到期提醒（工作人员）",
        Notices.NoticeKinds.Overdue => "逾期提醒（工作人员）",
        _ => "通知",
    };

    /// <summary>A notice's outcome in Chinese, with the reason of a failure.</summary>
    public static string Of(Gongkai.Data.Entities.CaseNotice n) => n.Status switch
    {
        Gongkai.Data.Entities.NoticeStatus.Pending => "待发送",
        Gongkai.Data.Entities.NoticeStatus.Sent => "已发送",
        Gongkai.Data.Entities.NoticeStatus.Retrying => $"发送失败（{OfNoticeError(n.ErrorCode)}），第{n.Attempts}次，将于{ChinaTime.Local(n.NextAttemptAt ?? n.CreatedAt):yyyy-MM-dd HH:mm}重试",
        Gongkai.Data.Entities.NoticeStatus.Failed => $"发送失败（{OfNoticeError(n.ErrorCode)}），已尝试{n.Attempts}次，不再重试",
        Gongkai.Data.Entities.NoticeStatus.Skipped => "未发送（未配置邮件服务器）",
        _ => "—",
    };

    public static string OfNoticeError(string? code) => code switch
    {
        "smtp.connect" => "无法连接邮件服务器",
        "smtp.auth" => "邮件服务器登录失败",
        "smtp.recipient" => "收件人地址被拒绝",
        "smtp.rejected" => "邮件服务器拒收",
        "smtp.timeout" => "连接超时",
        "smtp.address" => "邮箱地址格式有误",
        "smtp.not-configured" => "未配置邮件服务器",
        _ => "其他错误",
    };
}
