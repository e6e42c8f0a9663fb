using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Flattened;

/// <summary>
/// The flattened normaliser, the pipeline's second: the layout-free reading of the document
/// (<see cref="FlattenedTableReader.ReadStream"/>: tables found by the sequence of their row
/// labels in the token stream, whatever the line breaks, numbers assigned by the table's grammar
/// and arithmetic). It replaces a reading that found no table row (keeping its title, agency and
/// year), and completes one that found fewer than three rows or left cells missing (digits run
/// together by a scraper, a page collapsed into one line, labels apart from their numbers);
/// a complete reading is left as it is.
/// </summary>
public sealed class FlattenedNormaliser : INormaliser
{
    private FlattenedNormaliser()
    {
    }

    /// <summary>The normaliser (it holds no state).</summary>
    public static FlattenedNormaliser Instance { get; } = new();

    /// <inheritdoc/>
    public NormalisedReading? Normalise(NormaliseInput input, NormalisedReading? before)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cat = input.Catalogue;
        if (before is not null && before.RowsFound >= 3 && MissingCells(before.Report, cat) == 0)
        {
            return before;
        }

        var flat = FlattenedTableReader.ReadStream(input.Document, input.PreviousYear, cat);
        if (flat is null)
        {
            return before;
        }

        if (before is null)
        {
            return new NormalisedReading(flat with { SourceName = input.Document.Name }, 0, []);
        }

        if (before.RowsFound == 0)
        {
            var found = before.Report;
            return before with { Report = flat with { Agency = found.Agency, Year = found.Year, Title = found.Title, SourceName = input.Document.Name } };
        }

        return before with { Report = Merge(before.Report, flat, cat, before.RowsLeftUnread) };
    }

    private static int MissingCells(Report report, FormatCatalogue cat) =>
        report.TableLayouts(cat).SelectMany(l => l.Cells()).Count(c => report[c].State == CellState.Missing);

    /// <summary>
    /// <paramref name="report"/> (the structured reading) improved by <paramref name="flat"/> (this
    /// normaliser's): the whole flattened reading when it misses fewer cells in other layouts, else
    /// row by row, each row the structured reading left incomplete taken from the flattened one when
    /// that has all of it (a row broken over lines, labels apart from their numbers), except the rows
    /// left unread on purpose (<paramref name="shortRows"/>).
    /// </summary>
    private static Report Merge(Report report, Report flat, FormatCatalogue cat, ImmutableHashSet<string> shortRows)
    {

        if (MissingCells(flat, cat) < MissingCells(report, cat) && (flat.Format != report.Format || !SameLayouts(flat, report)))
        {
            return report with
            {
                Format = flat.Format,
                Layouts = flat.Layouts,
                Cells = flat.Cells,
                Diagnostics = report.Diagnostics.Where(d => d.Code != DiagnosticCodes.SourceNotReport).Concat(flat.Diagnostics).ToImmutableArray(),
            };
        }

        if (!SameLayouts(flat, report))
        {
            return report;
        }

        // Row by row: a row the line reading left incomplete is taken from the stream reading when
        // that reading has all of it (a row broken over lines, labels apart from their numbers) and
        // it holds its own equations: one that does not was cut from other rows' numbers more often
        // than printed wrong (pdfminer's order: 22368 / 75 read as 2 2 3 6 8 7 5).
        var cells = report.Cells.ToBuilder();
        var taken = new List<string>();
        foreach (var layout in report.TableLayouts(cat))
        {
            foreach (var row in layout.Rows)
            {
                var refs = Enumerable.Range(0, row.Columns.Length).Select(c => new CellRef(layout.Table, row.Key, c)).ToArray();
                if (refs.Any(r => report[r].State == CellState.Missing) && refs.All(r => flat[r].State != CellState.Missing)
                    && !shortRows.Contains($"{layout.Table}/{row.Key}") && RuleEngine.RowHolds(flat, layout, row, cat))
                {
                    foreach (var r in refs)
                    {
                        cells[r] = flat[r];
                    }

                    taken.Add(row.Key);
                }
            }
        }

        if (taken.Count == 0)
        {
            return report;
        }

        var rows = taken.ToHashSet(StringComparer.Ordinal);
        var diagnostics = report.Diagnostics
            .Where(d => d.Code != DiagnosticCodes.SourceNotReport && !(d.Code == DiagnosticCodes.CellMissing && d.Cells.Any(c => rows.Contains(c.Row))))
            .Concat(flat.Diagnostics.Where(d => d.Cells.IsDefaultOrEmpty || d.Cells.Any(c => rows.Contains(c.Row))));
        return report with { Cells = cells.ToImmutable(), Diagnostics = [.. diagnostics] };
    }

    private static bool SameLayouts(Report a, Report b) =>
        a.Layouts.Count == b.Layouts.Count && a.Layouts.All(kv => b.Layouts.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
