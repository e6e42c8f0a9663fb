using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// What one of the six sections asks for (ogi-domain.md A.2), from the embedded
/// <c>annual-report-guidance.json</c>: a summary, the items for every body, the items only for
/// governments, and the words a government's text should contain.
/// </summary>
public sealed record SectionGuidance(
    int Number,
    string Heading,
    bool Written,
    string Summary,
    ImmutableArray<string> Asks,
    ImmutableArray<string> GovernmentAsks,
    ImmutableArray<string> GovernmentKeywords)
{
    private static readonly Lazy<ImmutableArray<SectionGuidance>> s_all = new(() => Load(FormatCatalogue.OpenEmbedded("annual-report-guidance.json")));

    /// <summary>The guidance of the six sections, in order.</summary>
    public static ImmutableArray<SectionGuidance> All => s_all.Value;

    public static SectionGuidance For(int number) => All.First(s => s.Number == number);

    /// <summary>The items that apply to a body of <paramref name="kind"/>.</summary>
    public IEnumerable<string> ItemsFor(AgencyKind kind) => kind == AgencyKind.Government ? Asks.Concat(GovernmentAsks) : Asks;

    /// <summary>Loads guidance from JSON; headings come from the format catalogue.</summary>
    public static ImmutableArray<SectionGuidance> Load(Stream json, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var root = JsonNode.Parse(json) ?? throw new InvalidDataException("Empty guidance file.");
        return root["sections"]!.AsArray()
            .Select(s =>
            {
                var number = (int)s!["number"]!;
                return new SectionGuidance(
                    number,
                    cat.Sections.First(d => d.Number == number).Heading,
                    (bool)s["written"]!,
                    (string)s["summary"]!,
                    Strings(s["asks"]),
                    Strings(s["governments"]),
                    Strings(s["keywords"]));
            })
            .OrderBy(s => s.Number)
            .ToImmutableArray();
    }

    private static ImmutableArray<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => (string)x!).ToImmutableArray() : [];
}
