using System.ComponentModel.DataAnnotations;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Agencies;

/// <summary>An agency's name and the contacts the 指南 shows. Messages are Chinese and appear beside each field.</summary>
public sealed class AgencyDetailsForm
{
    [Required(ErrorMessage = FormCodes.AgencyNameRequired)]
    [StringLength(100, MinimumLength = 2, ErrorMessage = FormCodes.AgencyNameLength)]
    [Display(Name = "机关名称")]
    public string? Name { get; set; }

    [StringLength(100, ErrorMessage = FormCodes.ReceivingOfficeLength)]
    [Display(Name = "受理机构")]
    public string? ReceivingOffice { get; set; }

    [StringLength(200, ErrorMessage = FormCodes.OfficeAddressLength)]
    [Display(Name = "办公地址")]
    public string? Address { get; set; }

    [StringLength(100, ErrorMessage = FormCodes.OfficeHoursLength)]
    [Display(Name = "办公时间")]
    public string? OfficeHours { get; set; }

    [StringLength(50, ErrorMessage = FormCodes.AgencyPhoneLength)]
    [RegularExpression(@"^[0-9０-９+\-－（）() 、,，转]*$", ErrorMessage = FormCodes.AgencyPhoneCharacters)]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessage = FormCodes.EmailLength)]
    [EmailAddress(ErrorMessage = FormCodes.AgencyEmailInvalid)]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }
}

/// <summary>A new department below an agency of the administrator's tree.</summary>
public sealed class NewAgencyForm
{
    [Required(ErrorMessage = FormCodes.ParentRequired)]
    [Display(Name = "上级机关")]
    public int? ParentId { get; set; }

    [Required(ErrorMessage = FormCodes.AgencyNameRequired)]
    [StringLength(100, MinimumLength = 2, ErrorMessage = FormCodes.AgencyNameLength)]
    [Display(Name = "机关名称")]
    public string? Name { get; set; }

    [Required(ErrorMessage = FormCodes.AgencyCodeRequired)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{1,15}$", ErrorMessage = FormCodes.AgencyCodeFormat)]
    [Display(Name = "机关代码")]
    public string? Code { get; set; }

    [Required(ErrorMessage = FormCodes.CreditCodeRequired)]
    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }
}
