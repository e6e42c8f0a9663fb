using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Gongkai.Domain.Disclosure;

/// <summary>One of the 15 items of Art. 20 of the Regulation (条例第二十条第（n）项).</summary>
/// <param name="Number">1 to 15, the item number (第（n）项).</param>
/// <param name="Title">The item's wording in the Regulation.</param>
public sealed record Art20Category(int Number, string Title)
{
    /// <summary>The caption used in the annual report, e.g. <c>第二十条第（一）项</c>.</summary>
    public string Caption => $"第二十条第（{ChineseNumerals.Of(Number)}）项";
}

/// <summary>The 15 Art. 20 categories, as data (ogi-domain.md D.1).</summary>
public static class Art20Categories
{
    /// <summary>All 15, in order.</summary>
    public static ImmutableArray<Art20Category> All { get; } =
    [
        new(1, "行政法规、规章和规范性文件"),
        new(2, "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
        new(3, "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
        new(4, "国民经济和社会发展统计信息"),
        new(5, "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
        new(6, "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"),
        new(7, "财政预算、决算信息"),
        new(8, "行政事业性收费项目及其依据、标准"),
        new(9, "政府集中采购项目的目录、标准及实施情况"),
        new(10, "重大建设项目的批准和实施情况"),
        new(11, "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
        new(12, "突发公共事件的应急预案、预警信息及应对情况"),
        new(13, "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
        new(14, "公务员招考的职位、名额、报考条件等事项以及录用结果"),
        new(15, "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
    ];

    private static readonly FrozenDictionary<int, Art20Category> s_byNumber = All.ToFrozenDictionary(c => c.Number);

    /// <summary>The category with item number <paramref name="number"/> (1-15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not 1-15.</exception>
    public static Art20Category Get(int number) =>
        s_byNumber.TryGetValue(number, out var c) ? c : throw new ArgumentOutOfRangeException(nameof(number), number, "Art. 20 has items 1 to 15.");

    public static bool IsValid(int number) => s_byNumber.ContainsKey(number);
}

/// <summary>
/// A node of the agency's own 政府信息公开目录 (its column tree), e.g. <c>fgwj</c> 法规文件 →
/// <c>fgwj/gfxwj</c> 规范性文件. Each node may map to the Art. 20 item its items count under.
/// </summary>
/// <param name="Code">Stable code, unique in the tree; the URL segment of the column.</param>
/// <param name="Name">Display name (栏目名称).</param>
/// <param name="Art20Number">The Art. 20 item the node's items fall under, or null to inherit from the parent.</param>
/// <param name="Children">Sub-columns.</param>
public sealed record CatalogueNode(string Code, string Name, int? Art20Number, ImmutableArray<CatalogueNode> Children)
{
    public CatalogueNode(string code, string name, int? art20Number = null)
        : this(code, name, art20Number, [])
    {
    }
}

/// <summary>The agency's 目录 tree, validated: codes unique, Art. 20 numbers in range.</summary>
public sealed class AgencyCatalogue
{
    private readonly FrozenDictionary<string, (CatalogueNode Node, ImmutableArray<CatalogueNode> Path)> _byCode;

    public AgencyCatalogue(IEnumerable<CatalogueNode> roots)
    {
        Roots = [.. roots];
        var map = new Dictionary<string, (CatalogueNode, ImmutableArray<CatalogueNode>)>(StringComparer.Ordinal);
        void Walk(CatalogueNode node, ImmutableArray<CatalogueNode> parents)
        {
            if (node.Art20Number is { } n && !Art20Categories.IsValid(n))
            {
                throw new ArgumentException($"目录 node '{node.Code}' maps to Art. 20 item {n}, which does not exist.", nameof(roots));
            }

            var path = parents.Add(node);
            if (!map.TryAdd(node.Code, (node, path)))
            {
                throw new ArgumentException($"目录 code '{node.Code}' is used twice.", nameof(roots));
            }

            foreach (var child in node.Children)
            {
                Walk(child, path);
            }
        }

        foreach (var root in Roots)
        {
            Walk(root, []);
        }

        _byCode = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ImmutableArray<CatalogueNode> Roots { get; }

    /// <summary>Every node, depth first.</summary>
    public IEnumerable<CatalogueNode> Nodes => _byCode.Values.Select(v => v.Node);

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public CatalogueNode? Find(string code) => _byCode.TryGetValue(code, out var v) ? v.Node : null;

    /// <summary>The node and its ancestors, root first (for breadcrumbs).</summary>
    public ImmutableArray<CatalogueNode> PathTo(string code) => _byCode.TryGetValue(code, out var v) ? v.Path : [];

    /// <summary>The Art. 20 item an item filed under <paramref name="code"/> counts under: the nearest mapped ancestor.</summary>
    public int? Art20NumberOf(string code)
    {
        var path = PathTo(code);
        for (var i = path.Length - 1; i >= 0; i--)
        {
            if (path[i].Art20Number is { } n)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>
    /// A default tree: one column per Art. 20 item (codes <c>art20-01</c> … <c>art20-15</c>), with the
    /// usual sub-columns for item 1. Agencies replace it with their own.
    /// </summary>
    public static AgencyCatalogue Default { get; } = new(
        Art20Categories.All.Select(c => c.Number == 1
            ? new CatalogueNode($"art20-{c.Number:00}", c.Title, c.Number,
            [
                new CatalogueNode("art20-01/gz", "规章"),
                new CatalogueNode("art20-01/gfxwj", "行政规范性文件"),
                new CatalogueNode("art20-01/qtwj", "其他文件"),
            ])
            : new CatalogueNode($"art20-{c.Number:00}", c.Title, c.Number)));
}

/// <summary>Chinese numerals for item captions (一 … 十五).</summary>
internal static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Of(int n) => n switch
    {
        < 0 or > 99 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
    };
}
