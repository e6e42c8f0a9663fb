using System.ComponentModel.DataAnnotations;

namespace Gongkai.Web.Agencies;

/// <summary>An agency's name and the contacts the 指南 shows. Messages are Chinese and appear beside each field.</summary>
public sealed class AgencyDetailsForm
{
    [Required(ErrorMessage = "请填写机关名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "机关名称应为2至100个字")]
    [Display(Name = "机关名称")]
    public string? Name { get; set; }

    [StringLength(100, ErrorMessage = "受理机构不超过100个字")]
    [Display(Name = "受理机构")]
    public string? ReceivingOffice { get; set; }

    [StringLength(200, ErrorMessage = "办公地址不超过200个字")]
    [Display(Name = "办公地址")]
    public string? Address { get; set; }

    [StringLength(100, ErrorMessage = "办公时间不超过100个字")]
    [Display(Name = "办公时间")]
    public string? OfficeHours { get; set; }

    [StringLength(50, ErrorMessage = "联系电话不超过50个字符")]
    [RegularExpression(@"^[0-9０-９+\-－（）() 、,，转]*$", ErrorMessage = "联系电话只能包含数字、横线、括号和空格")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessage = "电子邮箱不超过100个字符")]
    [EmailAddress(ErrorMessage = "请填写有效的电子邮箱")]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }
}

/// <summary>A new department below an agency of the administrator's tree.</summary>
public sealed class NewAgencyForm
{
    [Required(ErrorMessage = "请选择上级机关")]
    [Display(Name = "上级机关")]
    public int? ParentId { get; set; }

    [Required(ErrorMessage = "请填写机关名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "机关名称应为2至100个字")]
    [Display(Name = "机关名称")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "请填写机关代码")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{1,15}$", ErrorMessage = "机关代码为2至16位英文字母或数字，以字母开头（用作查询编号的前缀）")]
    [Display(Name = "机关代码")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "请填写统一社会信用代码")]
    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }
}
