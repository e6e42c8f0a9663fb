using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Cells known only as a set of values, settled by the table's own arithmetic.</summary>
internal sealed partial class StructuredNormaliser
{
    /// <summary>More values than this in one set are left unsettled (their orders grow as n!).</summary>
    private const int MaxOneOfValues = 6;

    /// <summary>
    /// A row's cells whose values are known but not which is where (<see cref="Fragment.OneOf"/>):
    /// <paramref name="Cells"/> in the row's order, <paramref name="Values"/> as printed, in no order.
    /// </summary>
    private sealed record OneOfCells(CellRef[] Cells, decimal[] Values, Fragment[] Sources);

    /// <summary>
    /// Each set of cells known only by their values (<see cref="OneOfCells"/>) given the one order
    /// under which the report's column rules (T3.balance, T3.outcome-total) hold for their columns;
    /// left missing when no order or more than one does (the column's other cells unread, or the
    /// report's own arithmetic wrong). Sets are tried again while one settles, as a settled set may
    /// complete another's columns.
    /// </summary>
    private static Report SettleByArithmetic(Report report, List<OneOfCells> sets, FormatCatalogue cat)
    {
        var open = sets.Where(s => s.Values.Length <= MaxOneOfValues).ToList();
        for (var progress = true; progress && open.Count > 0;)
        {
            progress = false;
            foreach (var set in open.ToList())
            {
                decimal[]? settled = null;
                var fits = 0;
                foreach (var order in Orders(set.Values))
                {
                    var candidate = With(report, set, order);
                    if (!RuleEngine.Check(candidate, cat).Any(d => IsEquation(d.Code) && !d.Cells.IsDefaultOrEmpty && d.Cells.Any(c => set.Cells.Any(s => s.Table == c.Table && s.Column == c.Column))))
                    {
                        settled = order;
                        fits++;
                    }
                }

                if (fits == 1 && !Unevaluated(report, set, cat))
                {
                    report = With(report, set, settled!);
                    open.Remove(set);
                    progress = true;
                }
            }
        }

        return report;
    }

    private static bool IsEquation(string code) =>
        code is DiagnosticCodes.T3Balance or DiagnosticCodes.T3OutcomeTotal or DiagnosticCodes.T3RowTotal or DiagnosticCodes.T4Total;

    /// <summary>Whether a column of the set holds a cell that is not a number (its rules are then not evaluated, so they settle nothing).</summary>
    private static bool Unevaluated(Report report, OneOfCells set, FormatCatalogue cat)
    {
        var layout = report.LayoutOf(set.Cells[0].Table, cat);
        return set.Cells.Any(s => layout.Rows.Any(r => !set.Cells.Contains(new CellRef(s.Table, r.Key, s.Column)) && report[s.Table, r.Key, s.Column].Value is null));
    }

    private static Report With(Report report, OneOfCells set, decimal[] order)
    {
        for (var i = 0; i < set.Cells.Length; i++)
        {
            var source = set.Sources[Array.IndexOf(set.Values, order[i])];
            report = report.WithCell(set.Cells[i], Cell.Of(order[i], source.Location, source.Text.Trim()));
        }

        return report;
    }

    /// <summary>The distinct orders of <paramref name="values"/>.</summary>
    private static IEnumerable<decimal[]> Orders(decimal[] values)
    {
        var sorted = values.Order().ToArray();
        while (true)
        {
            yield return [.. sorted];

            // The next permutation in lexicographic order (repeated values give each order once).
            var i = sorted.Length - 2;
            while (i >= 0 && sorted[i] >= sorted[i + 1])
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            var j = sorted.Length - 1;
            while (sorted[j] <= sorted[i])
            {
                j--;
            }

            (sorted[i], sorted[j]) = (sorted[j], sorted[i]);
            Array.Reverse(sorted, i + 1, sorted.Length - i - 1);
        }
    }
}
