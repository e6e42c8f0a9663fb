using System.Text.RegularExpressions;

namespace Gongkai.Web.Agencies;

/// <summary>One block of the 指南 as shown: a heading or a paragraph.</summary>
public sealed record GuideBlock(bool IsHeading, string Text);

/// <summary>
/// The 政府信息公开指南's text (Art. 12), as an administrator writes it: plain text, paragraphs
/// separated by line breaks; a line that starts with a Chinese ordinal and 、 (一、 二、 …) is a
/// heading. No markup is interpreted, so what is typed is what is shown (HTML-encoded).
/// </summary>
public static partial class GuideText
{
    /// <summary>The longest text accepted (the column's length).</summary>
    public const int MaxLength = 20_000;

    /// <summary>The blocks of <paramref name="text"/>; the default text's when it is empty.</summary>
    public static IReadOnlyList<GuideBlock> Blocks(string? text) =>
        [.. (string.IsNullOrWhiteSpace(text) ? Default : text).ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => new GuideBlock(Heading().IsMatch(l), l))];

    /// <summary>The text an agency's 指南 shows until an administrator writes its own: the statute's rules in the usual order.</summary>
    public const string Default = """
        一、主动公开
        本机关依照《中华人民共和国政府信息公开条例》第十九条、第二十条等规定，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，并自信息形成或者变更之日起20个工作日内予以公开。主动公开的政府信息可在本网站“目录”栏目查阅和检索。
        二、依申请公开
        公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息，无需说明用途。
        申请应当采用书面形式（包括数据电文形式）：可以在本网站“依申请公开”栏目在线提交，也可以当面提交或者邮寄；书面形式确有困难的，可以口头提出，由本机关代为填写申请。
        申请内容：申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式、途径。
        收到日期：当面提交的，以提交之日为收到日期；邮寄的，以签收之日为收到日期；通过网络提交的，以双方确认之日为收到日期。
        申请内容不明确的，本机关在收到申请之日起7个工作日内一次性告知补正；答复期限自收到补正的申请之日起计算。
        能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在期限内。
        提供政府信息不收取费用。申请数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费。
        三、监督和救济
        公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
        本机关每年1月31日前公布上一年度政府信息公开工作年度报告。
        """;

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex Heading();
}
