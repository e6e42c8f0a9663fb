using Gongkai.Domain.Reports;
using Gongkai.Import.Flattened;

namespace Gongkai.Import.Tests;

/// <summary>Import with the previous year's report: ambiguous cells settled by it, and said so.</summary>
public sealed class CrossYearTests
{
    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "flattened", "synthetic-2021-previous-year");

    [Fact]
    public void Import_WithPreviousYear_SettlesAmbiguousCellsAndNamesThem()
    {
        var previous = ReportJson.Parse(File.ReadAllText(Path.Combine(Dir, "previous.json")));
        var input = Path.Combine(Dir, "input.txt");

        var alone = ReportImporter.Import(input);
        var settled = ReportImporter.Import(input, previous);

        var inForce = new CellRef("table2", "normative_documents", 2);
        Assert.Equal(CellState.Ambiguous, alone[inForce].State);
        Assert.Equal(45m, settled[inForce].Value);
        Assert.Contains(settled.Diagnostics, d => d.Code == FlattenedDiagnostics.SettledByPrevious && d.Cells.Contains(inForce));
        Assert.DoesNotContain(alone.Diagnostics, d => d.Code == FlattenedDiagnostics.SettledByPrevious);
    }
}
