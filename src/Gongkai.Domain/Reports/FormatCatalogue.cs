using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Domain.Reports;

/// <summary>A column of a table layout: its key (internal, stable) and its official label.</summary>
public sealed record ColumnDef(string Key, string Label, bool AllowNegative);

/// <summary>
/// A data row of a table layout: its canonical key (report-json.md), the official label, a short
/// label for messages, the phrases that identify it in a normalised source label, and its cells.
/// </summary>
public sealed record RowDef(
    string Key,
    string Label,
    string ShortLabel,
    ImmutableArray<string> Match,
    ImmutableArray<string> Exclude,
    bool Exact,
    ImmutableArray<ColumnDef> Columns,
    bool IsDecimal,
    string? Unit,
    bool IsOutcome)
{
    /// <summary>A row of one cell, written in JSON as a number rather than an object or array.</summary>
    public bool IsScalar => Columns.Length == 1 && Columns[0].Key.Length == 0;
}

/// <summary>One national layout of one table (e.g. table 3 of the 2021 format).</summary>
public sealed record TableLayout(
    string Id,
    string Table,
    string Format,
    string Title,
    ImmutableArray<string> Signals,
    ImmutableArray<ColumnDef> Columns,
    ImmutableArray<RowDef> Rows)
{
    /// <summary>
    /// Header words (normalised) that tell where the table's numbers start when its rows cannot:
    /// table 3's applicant header, table 4's 行政复议 / 结果维持 (its rows have no labels on the row
    /// the numbers stand on). Empty when the rows' labels suffice.
    /// </summary>
    public ImmutableArray<string> Anchors { get; init; } = [];

    /// <summary>Whether rows are written as arrays of the layout's columns (tables 3 and 4).</summary>
    public bool IsGrid => !Columns.IsDefaultOrEmpty;

    public RowDef? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);

    /// <summary>All cells of the layout in reading order.</summary>
    public IEnumerable<CellRef> Cells()
    {
        foreach (var row in Rows)
        {
            for (var c = 0; c < row.Columns.Length; c++)
            {
                yield return new CellRef(Table, row.Key, c);
            }
        }
    }
}

/// <summary>A national report format: which layout each table follows and the years it applies to.</summary>
public sealed record ReportFormat(string Id, string Name, int FirstYear, int? LastYear, ImmutableArray<string> LayoutIds);

/// <summary>One of the six sections of the report.</summary>
public sealed record SectionDef(int Number, string Key, string Heading, ImmutableArray<string> Match);

/// <summary>
/// A regular consistency rule: for each column (or row) of a table, the sum of the <c>Left</c> cells
/// equals the sum of the <c>Right</c> cells. <c>@outcome</c> stands for every outcome row of the layout.
/// </summary>
public sealed record EquationRule(string Id, string Table, RuleScope Over, ImmutableArray<string> Left, ImmutableArray<string> Right);

/// <summary>Whether an equation is instantiated once per column (summing rows) or once per row (summing columns).</summary>
public enum RuleScope
{
    Columns,
    Rows,
}

/// <summary>The format catalogue, loaded once from the embedded <c>format-catalogue.json</c>.</summary>
public sealed class FormatCatalogue
{
    private static readonly Lazy<FormatCatalogue> s_default = new(() => Load(OpenEmbedded("format-catalogue.json")));

    private readonly FrozenDictionary<string, TableLayout> _layouts;

    private FormatCatalogue(
        ImmutableArray<ReportFormat> formats,
        FrozenDictionary<string, TableLayout> layouts,
        ImmutableArray<SectionDef> sections,
        ImmutableArray<EquationRule> rules)
    {
        Formats = formats;
        _layouts = layouts;
        Sections = sections;
        Rules = rules;
    }

    /// <summary>The catalogue shipped with Gongkai.</summary>
    public static FormatCatalogue Default => s_default.Value;

    public ImmutableArray<ReportFormat> Formats { get; }

    public ImmutableArray<SectionDef> Sections { get; }

    public ImmutableArray<EquationRule> Rules { get; }

    public IEnumerable<TableLayout> Layouts => _layouts.Values;

    public TableLayout Layout(string id) =>
        _layouts.TryGetValue(id, out var layout) ? layout : throw new KeyNotFoundException($"No table layout '{id}'.");

    public ReportFormat Format(string id) =>
        Formats.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException($"No report format '{id}'.");

    /// <summary>The layout of <paramref name="table"/> in format <paramref name="formatId"/>.</summary>
    public TableLayout LayoutFor(string formatId, string table) =>
        Format(formatId).LayoutIds.Select(Layout).First(l => l.Table == table);

    /// <summary>The format whose years include <paramref name="year"/>, 2021 for later or unknown years.</summary>
    public ReportFormat FormatForYear(int? year) =>
        Formats.FirstOrDefault(f => year is { } y && y >= f.FirstYear && (f.LastYear is null || y <= f.LastYear))
        ?? Format("2021");

    internal static Stream OpenEmbedded(string name) =>
        typeof(FormatCatalogue).Assembly.GetManifestResourceStream("Gongkai.Domain.Data." + name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");

    /// <summary>Loads a catalogue from JSON (the embedded one, or another for tests and extensions).</summary>
    public static FormatCatalogue Load(Stream json)
    {
        var root = JsonNode.Parse(json) ?? throw new InvalidDataException("Empty format catalogue.");
        var sections = root["sections"]!.AsArray()
            .Select(s => new SectionDef((int)s!["number"]!, (string)s["key"]!, (string)s["heading"]!, Strings(s["match"], normalise: true)))
            .ToImmutableArray();
        var formats = root["formats"]!.AsArray()
            .Select(f => new ReportFormat((string)f!["id"]!, (string)f["name"]!, (int)f["firstYear"]!, (int?)f["lastYear"], Strings(f["layouts"], normalise: false)))
            .ToImmutableArray();

        var raw = root["layouts"]!.AsArray().ToDictionary(l => (string)l!["id"]!, l => l!.AsObject());
        var layouts = new Dictionary<string, TableLayout>();
        foreach (var (id, node) in raw)
        {
            layouts[id] = ReadLayout(node, raw);
        }

        var rules = root["rules"]!.AsArray()
            .Select(r => new EquationRule(
                (string)r!["id"]!,
                (string)r["table"]!,
                (string)r["over"]! == "rows" ? RuleScope.Rows : RuleScope.Columns,
                Strings(r["left"], normalise: false),
                Strings(r["right"], normalise: false)))
            .ToImmutableArray();
        return new FormatCatalogue(formats, layouts.ToFrozenDictionary(), sections, rules);
    }

    private static TableLayout ReadLayout(JsonObject node, Dictionary<string, JsonObject> all)
    {
        var baseNode = node["inherits"] is { } inherits ? all[(string)inherits!]! : node;
        var columns = baseNode["columns"] is JsonArray cols ? cols.Select(ReadColumn).ToImmutableArray() : [];
        var rowNodes = baseNode["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        if (node["replace"] is JsonObject replace)
        {
            var replaced = new List<JsonObject>();
            foreach (var row in rowNodes)
            {
                var key = (string)row["key"]!;
                if (!replace.TryGetPropertyValue(key, out var substitute))
                {
                    replaced.Add(row);
                }
                else if (substitute is JsonObject s)
                {
                    replaced.Add(s);
                }
            }

            rowNodes = replaced;
        }

        var rows = rowNodes.Select(r => ReadRow(r, columns)).ToImmutableArray();
        return new TableLayout(
            (string)node["id"]!,
            (string)(node["table"] ?? baseNode["table"])!,
            (string)(node["format"] ?? baseNode["format"])!,
            (string)(node["title"] ?? baseNode["title"])!,
            Strings(node["signals"] ?? baseNode["signals"], normalise: true),
            columns,
            rows)
        {
            Anchors = Strings(node["anchors"] ?? baseNode["anchors"], normalise: true),
        };
    }

    private static ColumnDef ReadColumn(JsonNode? c) =>
        new((string)c!["key"]!, (string)c["label"]!, (bool?)c["allowNegative"] ?? false);

    private static RowDef ReadRow(JsonObject r, ImmutableArray<ColumnDef> layoutColumns)
    {
        var columns = r["columns"] is JsonArray own ? own.Select(ReadColumn).ToImmutableArray() : layoutColumns;
        var label = (string)r["label"]!;
        return new RowDef(
            (string)r["key"]!,
            label,
            (string?)r["short"] ?? label,
            Strings(r["match"], normalise: true),
            Strings(r["exclude"], normalise: true),
            (bool?)r["exact"] ?? false,
            columns,
            (bool?)r["decimal"] ?? false,
            (string?)r["unit"],
            (bool?)r["outcome"] ?? false);
    }

    private static ImmutableArray<string> Strings(JsonNode? node, bool normalise) =>
        node is JsonArray a
            ? a.Select(x => normalise ? LabelText.Normalize((string)x!) : (string)x!).ToImmutableArray()
            : [];

    internal static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };
}
