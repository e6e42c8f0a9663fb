using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;

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

    [Required(ErrorMessage = FormCodes.ApplicantNameRequired)]
    [StringLength(100, ErrorMessage = FormCodes.ApplicantNameLength)]
    [Display(Name = "申请人姓名/名称")]
    public string? ApplicantName { get; set; }

    [Display(Name = "证件类型")]
    public IdentityDocumentKind IdKind { get; set; }

    [Required(ErrorMessage = FormCodes.IdNumberRequired)]
    [StringLength(50, ErrorMessage = FormCodes.IdNumberLength)]
    [Display(Name = "证件号码")]
    public string? IdNumber { get; set; }

    [StringLength(30, ErrorMessage = FormCodes.ApplicantPhoneLength)]
    [RegularExpression(@"^[0-9+\-() ]{5,30}$", ErrorMessage = FormCodes.ApplicantPhoneFormat)]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessage = FormCodes.EmailLength)]
    [EmailAddress(ErrorMessage = FormCodes.ApplicantEmailInvalid)]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = FormCodes.PostalAddressLength)]
    [Display(Name = "通信地址")]
    public string? Address { get; set; }

    [Required(ErrorMessage = FormCodes.DescriptionRequired)]
    [StringLength(2000, MinimumLength = 4, ErrorMessage = FormCodes.DescriptionLength)]
    [Display(Name = "所需政府信息")]
    public string? Description { get; set; }

    [Display(Name = "获取信息的方式")]
    public DeliveryForm DeliveryForm { get; set; }

    [StringLength(500, ErrorMessage = FormCodes.PurposeLength)]
    [Display(Name = "用途（选填）")]
    public string? Purpose { get; set; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Address))
        {
            yield return new ValidationResult(FormCodes.Zh(FormCodes.ContactRequired), [nameof(Phone)]);
        }

        if (!Enum.IsDefined(ApplicantKind))
        {
            yield return new ValidationResult(FormCodes.Zh(FormCodes.ApplicantKindRequired), [nameof(ApplicantKind)]);
        }

        if (!Enum.IsDefined(IdKind))
        {
            yield return new ValidationResult(FormCodes.Zh(FormCodes.IdKindRequired), [nameof(IdKind)]);
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
            yield return new ValidationResult(FormCodes.Zh(FormCodes.DeliveryFormRequired), [nameof(DeliveryForm)]);
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

    [Required(ErrorMessage = FormCodes.SubmittedOnRequired)]
    [Display(Name = "提交（寄出）日期")]
    public DateOnly? SubmittedOn { get; set; }

    [Display(Name = "签收日期（邮寄）")]
    public DateOnly? SignedForOn { get; set; }

    [Display(Name = "确认日期（网络、传真、平常信函）")]
    public DateOnly? ConfirmedOn { get; set; }

    [Range(1, 100, ErrorMessage = FormCodes.RequestsRange)]
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
            yield return new ValidationResult(FormCodes.Zh(FormCodes.ChannelRequired), [nameof(Channel)]);
        }
    }

    /// <summary>The application, or the domain's reason (e.g. Art. 31 needs a date the form lacks).</summary>
    public Result<Application> ToApplication(Guid id, string trackingNumber) =>
        Application.TryCreate(
            id, trackingNumber, ToApplicant(), Description!.Trim(), DeliveryForm, Channel,
            new ReceiptEvidence(SubmittedOn!.Value, SignedForOn, ConfirmedOn),
            string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim(), Requests);
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

    public Result<Application> ToApplication(Guid id, string trackingNumber, DateOnly submittedOn, DateOnly confirmedOn)
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
        return Application.TryCreate(
            id, trackingNumber, form.ToApplicant(), Description, DeliveryForm, ReceiptChannel.Online,
            new ReceiptEvidence(submittedOn, ConfirmedOn: confirmedOn), string.IsNullOrWhiteSpace(Purpose) ? null : Purpose);
    }
}
