using System.Collections.Immutable;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.AnnualReports;

/// <summary>Whether the reporting body is a people's government or a department (Art. 49: the deadlines differ).</summary>
public enum AgencyKind
{
    /// <summary>县级以上人民政府部门: submits and publishes by 31 January of the following year.</summary>
    Department,

    /// <summary>人民政府: its 办公厅(室) publishes the government's own report by 31 March of the following year.</summary>
    Government,
}

/// <summary>Where the draft's tables came from.</summary>
public enum TablesOrigin
{
    /// <summary>Compiled from the agency's casework (<c>AnnualStatistics.Compile</c>).</summary>
    Compiled,

    /// <summary>Imported from a published file (e.g. last year's report of a body without casework).</summary>
    Imported,

    /// <summary>Typed in by hand.</summary>
    Typed,
}

/// <summary>
/// A table figure changed by hand, and why. <see cref="Old"/> is the figure of the tables the draft
/// was made from (compiled, imported or typed); <see cref="New"/> the figure the report states.
/// </summary>
public sealed record CellOverride(CellRef Cell, Cell Old, decimal New, string Reason, string By, DateTimeOffset At);

/// <summary>
/// An explanation attached to an error finding (<see cref="FindingKey"/>: code and cell), shown to
/// the supervisor with the finding. An explained error does not block submission.
/// </summary>
public sealed record FindingExplanation(string FindingKey, string Text, string By, DateTimeOffset At);

/// <summary>
/// Figures the narrative may quote that the tables do not hold. Each is null when unknown; a quoted
/// figure is then not checked.
/// </summary>
/// <param name="ProactiveItemsPublished">Items published proactively in the year (主动公开政府信息…条).</param>
/// <param name="InformationFeesYuan">Information-processing fees (信息处理费) collected in the year, in 元.</param>
public sealed record SupplementaryFigures(int? ProactiveItemsPublished = null, decimal? InformationFeesYuan = null)
{
    public static SupplementaryFigures None { get; } = new();

    /// <summary>The information-processing fees paid in <paramref name="year"/> (缴费 events dated in the year), in 元.</summary>
    public static decimal FeesPaidIn(IEnumerable<Casework.ApplicationCase> cases, int year) =>
        cases.SelectMany(c => c.Events).OfType<Casework.FeePaid>().Where(p => p.OccurredOn.Year == year).Sum(p => p.Amount);
}

/// <summary>
/// The working copy of an agency's annual report for a year: the tables (read-only unless
/// overridden, each override with its reason), the narrative of the written sections (一, 五, 六),
/// and the explanations attached to error findings. Immutable: every edit returns a new draft.
/// </summary>
public sealed record ReportDraft
{
    /// <summary>The sections written as text; 二 to 四 are the tables.</summary>
    public static ImmutableArray<int> WrittenSections { get; } = [1, 5, 6];

    public required string Agency { get; init; }

    public required AgencyKind Kind { get; init; }

    /// <summary>The reporting year (the statistics cover 1 January – 31 December of it).</summary>
    public required int Year { get; init; }

    /// <summary>The tables as compiled, imported or typed, before any override.</summary>
    public required Report Tables { get; init; }

    public TablesOrigin Origin { get; init; }

    /// <summary>Section number (1, 5, 6) → text.</summary>
    public ImmutableSortedDictionary<int, string> Narrative { get; init; } = ImmutableSortedDictionary<int, string>.Empty;

    public ImmutableDictionary<CellRef, CellOverride> Overrides { get; init; } = ImmutableDictionary<CellRef, CellOverride>.Empty;

    /// <summary>Finding key → explanation.</summary>
    public ImmutableSortedDictionary<string, FindingExplanation> Explanations { get; init; } =
        ImmutableSortedDictionary<string, FindingExplanation>.Empty.WithComparers(StringComparer.Ordinal);

    public SupplementaryFigures Figures { get; init; } = SupplementaryFigures.None;

    /// <summary>Starts a draft from tables (compiled, imported or typed).</summary>
    public static ReportDraft Start(string agency, AgencyKind kind, int year, Report tables, TablesOrigin origin) =>
        new() { Agency = agency, Kind = kind, Year = year, Tables = Normalise(tables, agency, year), Origin = origin };

    /// <summary>The text of section <paramref name="number"/>, empty when not written.</summary>
    public string TextOf(int number) => Narrative.TryGetValue(number, out var text) ? text : string.Empty;

    /// <summary>The tables as the report states them: the base tables with every override applied.</summary>
    public Report EffectiveTables()
    {
        var report = Tables;
        foreach (var o in Overrides.Values)
        {
            report = report.WithCell(o.Cell, Cell.Of(o.New, raw: AnnualReportCodes.Num(o.New)));
        }

        return report with { Diagnostics = [] };
    }

    /// <summary>
    /// The report as it would be published: the effective tables and the six sections (written text
    /// for 一, 五, 六; headings only for the tables' sections), with the catalogue's headings.
    /// </summary>
    public Report ToReport(FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var sections = cat.Sections.OrderBy(s => s.Number)
            .Select(s => new ReportSection(s.Number, s.Heading, TextOf(s.Number)))
            .ToImmutableArray();
        return EffectiveTables() with
        {
            Agency = Agency,
            Year = Year,
            Title = $"{Agency}{Year}年政府信息公开工作年度报告",
            Sections = sections,
        };
    }

    /// <summary>Replaces the base tables (e.g. recompiled from casework); overrides stay, their old values re-read.</summary>
    public ReportDraft WithTables(Report tables, TablesOrigin origin)
    {
        var normalised = Normalise(tables, Agency, Year);
        var overrides = Overrides.Values
            .Where(o => Exists(normalised, o.Cell))
            .ToImmutableDictionary(o => o.Cell, o => o with { Old = normalised[o.Cell] });
        return this with { Tables = normalised, Origin = origin, Overrides = overrides };
    }

    /// <summary>Changes one table figure, with the reason, who and when. The old value is the base tables' figure.</summary>
    public Result<ReportDraft> Override(CellRef cell, decimal value, string reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.ReasonRequired, cell.ToString());
        }

        if (!Exists(Tables, cell))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.UnknownCell, cell.ToString());
        }

        var o = new CellOverride(cell, Tables[cell], value, reason.Trim(), by, at);
        return this with { Overrides = Overrides.SetItem(cell, o) };
    }

    /// <summary>Removes the override of <paramref name="cell"/>: the base figure applies again.</summary>
    public ReportDraft RemoveOverride(CellRef cell) => this with { Overrides = Overrides.Remove(cell) };

    /// <summary>Sets the text of a written section (一, 五 or 六).</summary>
    public Result<ReportDraft> WithNarrative(int section, string text)
    {
        if (!WrittenSections.Contains(section))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.NotWrittenSection, section.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var clean = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return this with { Narrative = clean.Length == 0 ? Narrative.Remove(section) : Narrative.SetItem(section, clean) };
    }

    /// <summary>Attaches an explanation to the finding with <paramref name="findingKey"/> (see <see cref="ReportFinding.Key"/>).</summary>
    public Result<ReportDraft> Explain(string findingKey, string text, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.ExplanationRequired, findingKey);
        }

        return this with { Explanations = Explanations.SetItem(findingKey, new FindingExplanation(findingKey, text.Trim(), by, at)) };
    }

    public ReportDraft RemoveExplanation(string findingKey) => this with { Explanations = Explanations.Remove(findingKey) };

    public ReportDraft WithFigures(SupplementaryFigures figures) => this with { Figures = figures };

    /// <summary>The explanation of <paramref name="findingKey"/>, if any.</summary>
    public FindingExplanation? ExplanationOf(string findingKey) => Explanations.GetValueOrDefault(findingKey);

    private static bool Exists(Report tables, CellRef cell) =>
        tables.Layouts.TryGetValue(cell.Table, out var layoutId)
        && FormatCatalogue.Default.Layout(layoutId).Row(cell.Row) is { } row
        && cell.Column >= 0 && cell.Column < row.Columns.Length;

    private static Report Normalise(Report tables, string agency, int year) =>
        tables with { Agency = agency, Year = year, Sections = [] };
}
