using Gongkai.Domain.AnnualReports;

namespace Gongkai.Data.Entities;

/// <summary>
/// An administrative agency (行政机关) that handles applications and publishes an annual report.
/// Agencies form a tree: a government and its departments; a supervisor sees the subtree of theirs.
/// </summary>
public sealed class Agency
{
    public int Id { get; set; }

    /// <summary>Full name, e.g. 兰陵县卫生健康局.</summary>
    public required string Name { get; set; }

    /// <summary>统一社会信用代码 (18 characters).</summary>
    public required string CreditCode { get; set; }

    public AgencyKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Agency? Parent { get; set; }

    public List<Agency> Children { get; } = [];

    /// <summary>The 政府信息公开工作机构's address, for the 指南 and letters.</summary>
    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? OfficeHours { get; set; }

    /// <summary>The 政府信息公开工作机构's e-mail address, for the 指南.</summary>
    public string? Email { get; set; }

    /// <summary>受理机构: the office that receives applications, e.g. 县政府办公室政务公开科.</summary>
    public string? ReceivingOffice { get; set; }

    /// <summary>The 政府信息公开指南's text as the administrator wrote it: plain paragraphs (see <c>GuideText</c>); null for the default text.</summary>
    public string? GuideText { get; set; }

    /// <summary>Short prefix of the agency's tracking numbers (e.g. <c>LLWJ</c>).</summary>
    public required string Code { get; set; }

    /// <summary>
    /// The pattern of its letters' 文号, e.g. <c>兰卫公开〔{年}〕{序号}号</c> (<c>{year}</c> and <c>{n}</c> also work);
    /// null for the default, the agency's name followed by 依申请公开〔年〕序号号.
    /// </summary>
    public string? LetterNumberPattern { get; set; }

    /// <summary>The 行政复议机关 named in the 救济途径 of its adverse letters, e.g. 兰陵县人民政府.</summary>
    public string? ReviewBody { get; set; }

    /// <summary>The court named for 行政诉讼 in its adverse letters, e.g. 兰陵县人民法院.</summary>
    public string? Court { get; set; }
}
