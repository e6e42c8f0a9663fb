using System.Collections.Frozen;
using Gongkai.Domain.Results;

namespace Gongkai.Web.Agencies;

/// <summary>
/// Stable codes of 机关设置's refusals (<see cref="AgencyAdmin"/>), with their Chinese messages: the
/// catalogue of the area. Each code belongs to one field of the agency forms (<see cref="FieldOf"/>).
/// </summary>
public static class AgencyCodes
{
    public const string ParentOutOfScope = "agency.parent-out-of-scope";
    public const string CreditCodeInvalid = "agency.credit-code-invalid";
    public const string CreditCodeTaken = "agency.credit-code-taken";
    public const string CodeTaken = "agency.code-taken";
    public const string NameTaken = "agency.name-taken";
    public const string NotFound = "agency.not-found";
    public const string GuideTooLong = "agency.guide-too-long";

    // Notices: what a person is told after a step succeeded (Notice, never written in pages).
    public const string DoneAdded = "done.agency.added";
    public const string DoneSaved = "done.agency.saved";
    public const string DoneGuideSaved = "done.agency.guide-saved";
    public const string DoneLettersSaved = "done.agency.letters-saved";

    public static readonly MessageCatalogue Messages = new("agency", new Dictionary<string, (string, string?)>
    {
        [ParentOutOfScope] = ("请选择您管理的机关作为上级机关", "the parent must be an agency the administrator manages"),
        [CreditCodeInvalid] = ("统一社会信用代码应为18位，且校验码正确", "invalid unified social credit code"),
        [CreditCodeTaken] = ("已有机关使用该统一社会信用代码", "another agency has this credit code"),
        [CodeTaken] = ("已有机关使用该机关代码", "another agency has this code"),
        [NameTaken] = ("已有同名机关", "another agency has this name"),
        [NotFound] = ("未找到该机关", "no such agency in the administrator's tree"),
        [GuideTooLong] = ("指南正文不超过{0}个字", "the guide text is longer than {0} characters"),
        [DoneAdded] = ("已新增{0}。", null),
        [DoneSaved] = ("已保存名称和联系方式。", null),
        [DoneGuideSaved] = ("已保存公开指南，门户网站即时显示。", null),
        [DoneLettersSaved] = ("已保存文书设置。", null),
    });

    private static readonly FrozenDictionary<string, string> s_fields = new Dictionary<string, string>
    {
        [ParentOutOfScope] = nameof(NewAgencyForm.ParentId),
        [CreditCodeInvalid] = nameof(NewAgencyForm.CreditCode),
        [CreditCodeTaken] = nameof(NewAgencyForm.CreditCode),
        [CodeTaken] = nameof(NewAgencyForm.Code),
        [NameTaken] = nameof(NewAgencyForm.Name),
        [GuideTooLong] = nameof(Gongkai.Data.Entities.Agency.GuideText),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>An agency problem for <paramref name="code"/> with the arguments of its template.</summary>
    public static Problem Problem(string code, params string[] args) => Messages.Problem(code, args);

    /// <summary>The form field <paramref name="code"/> belongs to (<c>ParentId</c>, <c>Name</c>, <c>Code</c>, <c>CreditCode</c>, <c>GuideText</c>), or empty for the whole form.</summary>
    public static string FieldOf(string code) => s_fields.GetValueOrDefault(code, string.Empty);
}
