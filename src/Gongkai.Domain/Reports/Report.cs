using System.Collections.Immutable;

namespace Gongkai.Domain.Reports;

/// <summary>A narrative section of the report (一 … 六), kept as text.</summary>
public sealed record ReportSection(int Number, string Heading, string Text, SourceLocation? Source = null);

/// <summary>
/// An annual report in the canonical model (report-json.md): the format, the reporting body and
/// year, every cell of tables 2-4 with where it came from, the six sections' text and the findings.
/// Immutable; use the <c>With…</c> methods or <see cref="ReportBuilder"/> to derive a changed copy.
/// </summary>
public sealed record Report
{
    public required string Format { get; init; }

    public string? Agency { get; init; }

    public int? Year { get; init; }

    public string? Title { get; init; }

    /// <summary>The file or name the report was read from, if any.</summary>
    public string? SourceName { get; init; }

    /// <summary>For each table (<c>table2</c>, <c>table3</c>, <c>table4</c>), the id of the layout it follows.</summary>
    public required ImmutableDictionary<string, string> Layouts { get; init; }

    public required ImmutableDictionary<CellRef, Cell> Cells { get; init; }

    public ImmutableArray<ReportSection> Sections { get; init; } = [];

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    public Cell this[CellRef cell] => Cells.TryGetValue(cell, out var c) ? c : Cell.Missing;

    public Cell this[string table, string row, int column = 0] => this[new CellRef(table, row, column)];

    public TableLayout LayoutOf(string table, FormatCatalogue? catalogue = null) =>
        (catalogue ?? FormatCatalogue.Default).Layout(Layouts[table]);

    private static readonly string[] TableIds = ["table2", "table3", "table4"];

    /// <summary>The layouts of all three tables, in order.</summary>
    public IEnumerable<TableLayout> TableLayouts(FormatCatalogue? catalogue = null) =>
        TableIds.Where(Layouts.ContainsKey).Select(t => LayoutOf(t, catalogue));

    /// <summary>An empty report of <paramref name="formatId"/>: every cell missing.</summary>
    public static Report Empty(string formatId, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var layouts = cat.Format(formatId).LayoutIds.Select(cat.Layout).ToImmutableDictionary(l => l.Table, l => l.Id);
        return new Report { Format = formatId, Layouts = layouts, Cells = ImmutableDictionary<CellRef, Cell>.Empty };
    }

    public Report WithCell(CellRef cell, Cell value) => this with { Cells = Cells.SetItem(cell, value) };

    public Report WithDiagnostics(IEnumerable<Diagnostic> more) => this with { Diagnostics = Diagnostics.AddRange(more) };

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Builds a <see cref="Report"/> cell by cell (used by importers and the statistics compiler).</summary>
public sealed class ReportBuilder
{
    private readonly ImmutableDictionary<CellRef, Cell>.Builder _cells = ImmutableDictionary.CreateBuilder<CellRef, Cell>();
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private readonly ImmutableArray<ReportSection>.Builder _sections = ImmutableArray.CreateBuilder<ReportSection>();
    private readonly Dictionary<string, string> _layouts = [];

    public ReportBuilder(string formatId, FormatCatalogue? catalogue = null)
    {
        Catalogue = catalogue ?? FormatCatalogue.Default;
        Format = formatId;
        foreach (var layout in Catalogue.Format(formatId).LayoutIds.Select(Catalogue.Layout))
        {
            _layouts[layout.Table] = layout.Id;
        }
    }

    public FormatCatalogue Catalogue { get; }

    public string Format { get; set; }

    public string? Agency { get; set; }

    public int? Year { get; set; }

    public string? Title { get; set; }

    public string? SourceName { get; set; }

    /// <summary>Sets which layout a table follows (e.g. a 2021 report whose table 3 uses the 2019 rows).</summary>
    public ReportBuilder UseLayout(string layoutId)
    {
        var layout = Catalogue.Layout(layoutId);
        _layouts[layout.Table] = layout.Id;
        return this;
    }

    public TableLayout LayoutOf(string table) => Catalogue.Layout(_layouts[table]);

    public ReportBuilder Set(CellRef cell, Cell value)
    {
        _cells[cell] = value;
        return this;
    }

    public ReportBuilder Set(string table, string row, int column, decimal value, SourceLocation? source = null) =>
        Set(new CellRef(table, row, column), Cell.Of(value, source));

    public ReportBuilder Add(Diagnostic diagnostic)
    {
        _diagnostics.Add(diagnostic);
        return this;
    }

    public ReportBuilder AddSection(ReportSection section)
    {
        _sections.Add(section);
        return this;
    }

    public Report Build() => new()
    {
        Format = Format,
        Agency = Agency,
        Year = Year,
        Title = Title,
        SourceName = SourceName,
        Layouts = _layouts.ToImmutableDictionary(),
        Cells = _cells.ToImmutable(),
        Sections = _sections.ToImmutable(),
        Diagnostics = _diagnostics.ToImmutable(),
    };
}
