using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Flattened;

/// <summary>
/// Reads tables 2-4 from text in which a scraper flattened every table row into one run of
/// characters with no separator between cells (<c>一、本年新收政府信息公开申请数量1230000015</c>).
/// Rows are found by the catalogue's <see cref="RowDef.Match"/> phrases, in table order, in the
/// label-normalised text; the digits between one row's label and the next are the row's cells, and
/// are split by <see cref="FlattenedTableSolver"/> using every rule the tables obey. A cell the rules
/// cannot settle is <see cref="Cell.Ambiguous"/> with its readings, never a guess.
/// </summary>
public static partial class FlattenedTableReader
{
    /// <summary>How far (label characters other than digits) the next row's label may lie from the previous one.</summary>
    public const int MaxRowDistance = 400;

    /// <summary>How many label characters may stand between a row's match phrase and its numbers.</summary>
    public const int MaxLabelTail = 48;

    /// <summary>How many header characters may stand between table 4's last group name and its numbers.</summary>
    public const int MaxTable4Header = 80;

    /// <summary>
    /// The report read from <paramref name="text"/> when it holds flattened tables, else null (no
    /// table rows found, or every row's numbers are already separated: the normal reader's job).
    /// Every cell's <see cref="Cell.Source"/> is <c>SourceLocation(name, line)</c>. The report's
    /// agency, year and sections are left to the caller; rules are not evaluated here (call
    /// <see cref="RuleEngine.Validate"/>), but the diagnostics say how the tables were split.
    /// <paramref name="previousYear"/>, when given, settles table 2 (现行有效 = last year's + 本年制发 − 本年废止)
    /// and table 3's 上年结转 (= last year's 结转下年度继续办理) where the digits allow those readings.
    /// </summary>
    public static Report? TryRead(string text, string name, Report? previousYear = null, FormatCatalogue? catalogue = null) =>
        string.IsNullOrEmpty(text) ? null : Read(text, name, line => new SourceLocation(name, line), previousYear, catalogue);

    /// <summary>
    /// As <see cref="TryRead(string, string, Report?, FormatCatalogue?)"/> for a document a reader
    /// already produced: its lines are joined, and every cell's source is the location the reader gave
    /// the line it stands on (a text line, an HTML table row, a PDF page), so line numbers survive
    /// the blank lines a reader drops.
    /// </summary>
    public static Report? TryRead(SourceDocument document, Report? previousYear = null, FormatCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Lines.IsEmpty)
        {
            return null;
        }

        var text = string.Join('\n', document.Lines.Select(l => l.Text.Replace('\n', ' ')));
        var locations = document.Lines.Select(l => l.Cells.IsDefaultOrEmpty ? new SourceLocation(document.Name) : l.Cells[0].Location).ToArray();
        return Read(text, document.Name, line => locations[Math.Clamp(line - 1, 0, locations.Length - 1)], previousYear, catalogue);
    }

    /// <summary>
    /// The layout-free reading of <paramref name="document"/>: tables found by the sequence of their
    /// row labels in the document's token stream, whatever its line breaks, and each row's numbers
    /// assigned by the table's grammar and arithmetic, whether or not the cells were flattened (a
    /// page collapsed into one line, one cell per line, rows broken over lines). Null when no table
    /// row is found.
    /// </summary>
    public static Report? ReadStream(SourceDocument document, Report? previousYear = null, FormatCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Lines.IsEmpty)
        {
            return null;
        }

        var text = string.Join('\n', document.Lines.Select(l => l.Text.Replace('\n', ' ')));
        var locations = document.Lines.Select(l => l.Cells.IsDefaultOrEmpty ? new SourceLocation(document.Name) : l.Cells[0].Location).ToArray();
        return Read(text, document.Name, line => locations[Math.Clamp(line - 1, 0, locations.Length - 1)], previousYear, catalogue, requireFlattened: false);
    }

    private static Report? Read(string text, string name, Func<int, SourceLocation> locate, Report? previousYear, FormatCatalogue? catalogue, bool requireFlattened = true)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var diagnostics = new List<Diagnostic>();
        if (text.Length > FlattenedLimits.MaxTextChars)
        {
            diagnostics.Add(FlattenedDiagnostics.LimitReached("全文", nameof(FlattenedLimits.MaxTextChars), FlattenedLimits.MaxTextChars, new SourceLocation(name)));
            text = text[..FlattenedLimits.MaxTextChars];
        }

        var flat = FlatText.Build(text, FlatText.LabelWordsAfterPlaceholders(cat));
        ImportBudget.ThrowIfOutOfTime();
        var reader = new FlatStreamReader(flat, name, cat, locate);
        var t2 = reader.LocateTable2();
        var t3 = reader.LocateTable3(t2?.EndLabel ?? 0);
        var t4 = reader.LocateTable4(t3?.EndLabel ?? t2?.EndLabel ?? 0);
        if (requireFlattened ? !new[] { t2, t3, t4 }.Any(t => t is not null && t.IsFlattened) : t2 is null && t3 is null && t4 is null)
        {
            return null;
        }

        var format = t2?.Layout.Format ?? t3?.Layout.Format ?? "2021";
        var builder = new ReportBuilder(format, cat) { SourceName = name };
        foreach (var t in new[] { t2, t3 })
        {
            if (t is not null)
            {
                builder.UseLayout(t.Layout.Id);
            }
        }

        if (t2 is not null)
        {
            reader.ReadTable2(t2, builder, previousYear);
        }

        if (t3 is not null)
        {
            reader.ReadGrid(t3, builder, previousYear);
        }

        if (t4 is not null)
        {
            reader.ReadTable4(t4, builder);
        }

        foreach (var d in diagnostics.Concat(reader.Diagnostics))
        {
            builder.Add(d);
        }

        return builder.Build();
    }

    [GeneratedRegex(@"(\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalPattern();

    /// <summary>The digit ordinal a row's label starts its own part with (<c>2.其他法律…</c> → 2), if any.</summary>
    internal static string? Ordinal(RowDef row) =>
        OrdinalPattern().Matches(row.Label) is { Count: > 0 } m ? m[^1].Groups[1].Value : null;

    /// <summary>A run of numeric characters in the stream, cut into fragments at separators and placeholders.</summary>
    internal sealed record Run(int Start, int End, ImmutableArray<(int Start, int End)> Fragments);

    /// <summary>Where a row's match phrase was found (label view) and the numbers after it.</summary>
    internal sealed record Located(RowDef Row, int MatchStart, int MatchEnd, bool PhraseHasOrdinal, Run? Run);

    internal sealed record LocatedTable(TableLayout Layout, ImmutableArray<Located?> Rows, int EndLabel, bool IsFlattened);
}
