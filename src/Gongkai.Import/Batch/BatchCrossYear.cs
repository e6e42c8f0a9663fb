using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Batch;

/// <summary>
/// Reads a batch's reports of the same agency for consecutive years against each other, the way
/// <c>gongkai import --previous</c> reads one file: for each report whose agency has the year before
/// in the batch (exactly one file for each of the two years), the file is read again with that report
/// as the previous year's (<see cref="ReportImportPipeline.Import(string, Report?, CancellationToken)"/>) when it
/// has ambiguous cells, so they are settled where last year's figures allow one reading (each with a
/// <see cref="Flattened.FlattenedDiagnostics.SettledByPrevious"/> note naming the cell); otherwise
/// only the cross-year checks (<see cref="RuleEngine.CheckAgainstPrevious"/>) are added. Years are
/// taken in order, so a report settled by its previous year settles the next one in turn.
/// </summary>
public static class BatchCrossYear
{
    /// <summary>
    /// <paramref name="files"/> with each report read against its previous year where the batch has it;
    /// <paramref name="reimport"/> reads a file again with a previous year's report.
    /// </summary>
    public static ImmutableArray<BatchFileResult> Apply(ImmutableArray<BatchFileResult> files, Func<string, Report, BatchFileResult> reimport)
    {
        ArgumentNullException.ThrowIfNull(reimport);
        var result = files.ToBuilder();
        var agencies = Enumerable.Range(0, files.Length)
            .Where(i => files[i].Outcome != BatchOutcome.Failed && files[i].Report.Agency is { Length: > 0 } && files[i].Report.Year is not null)
            .GroupBy(i => AgencyKey(files[i].Report.Agency!), StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            var byYear = agency.GroupBy(i => files[i].Report.Year!.Value).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
            foreach (var year in byYear.Keys.Order())
            {
                if (!byYear.TryGetValue(year - 1, out var before))
                {
                    continue;
                }

                var i = byYear[year];
                var previous = result[before];
                var current = result[i];
                var read = current.Report.Cells.Values.Any(c => c.State == CellState.Ambiguous)
                    ? reimport(current.File, previous.Report)
                    : BatchImporter.Finish(current.File, current.Report.WithDiagnostics(RuleEngine.CheckAgainstPrevious(current.Report, previous.Report)));
                result[i] = read with { Kind = current.Kind, PreviousFile = previous.File };
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>The agency as compared across years: width folded, spaces dropped.</summary>
    private static string AgencyKey(string agency) =>
        string.Concat(LabelText.FoldWidth(agency).Where(c => !char.IsWhiteSpace(c)));
}
