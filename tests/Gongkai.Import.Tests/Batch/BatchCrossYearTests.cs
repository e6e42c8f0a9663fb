using Gongkai.Domain.Reports;
using Gongkai.Import.Batch;
using Gongkai.Import.Flattened;
using Gongkai.Render;

namespace Gongkai.Import.Tests.Batch;

/// <summary>
/// A batch holding the same agency's reports for consecutive years reads each against the year
/// before: ambiguous cells settled by last year's figures (and named), carry-over checked.
/// </summary>
public sealed class BatchCrossYearTests : IDisposable
{
    private static readonly CellRef s_inForce = new("table2", "normative_documents", 2);

    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-crossyear-").FullName;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "flattened", "synthetic-2021-previous-year");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The 2022 report (flattened: its 现行有效 digits allow several readings) and, when given, 2021 as a DOCX.</summary>
    private string Batch(Report? previous)
    {
        File.Copy(Path.Combine(Fixture, "input.txt"), Path.Combine(_dir, "2022.txt"));
        if (previous is not null)
        {
            File.WriteAllBytes(Path.Combine(_dir, "2021.docx"), ReportRenderers.Render(previous, "docx"));
        }

        return _dir;
    }

    private static Report Previous() => ReportJson.Parse(File.ReadAllText(Path.Combine(Fixture, "previous.json")));

    [Fact]
    public async Task ImportAsync_PreviousYearInBatch_SettlesAmbiguousCellsAndSaysWhich()
    {
        var batch = await BatchImporter.ImportAsync(Batch(Previous()));

        var current = batch.Files.Single(f => f.File == "2022.txt");
        Assert.Equal("2021.docx", current.PreviousFile);
        Assert.Equal(45m, current.Report[s_inForce].Value);
        var note = Assert.Single(current.Report.Diagnostics, d => d.Code == FlattenedDiagnostics.SettledByPrevious && d.Cells.Contains(s_inForce));
        Assert.Contains("上一年度", note.Message, StringComparison.Ordinal);
        Assert.Null(batch.Files.Single(f => f.File == "2021.docx").PreviousFile);
    }

    [Fact]
    public async Task ImportAsync_NoPreviousYearInBatch_LeavesTheCellAmbiguous()
    {
        var batch = await BatchImporter.ImportAsync(Batch(previous: null));

        var current = Assert.Single(batch.Files);
        Assert.Null(current.PreviousFile);
        Assert.Equal(CellState.Ambiguous, current.Report[s_inForce].State);
        Assert.DoesNotContain(current.Report.Diagnostics, d => d.Code == FlattenedDiagnostics.SettledByPrevious);
    }

    [Fact]
    public async Task ImportAsync_PreviousYearCarriedForwardDiffers_ReportsCarryOver()
    {
        var previous = Previous();
        var carried = new CellRef("table3", "carried_forward", 6);
        var changed = previous with { Cells = previous.Cells.SetItem(carried, Cell.Of((previous[carried].Value ?? 0) + 7)) };

        var batch = await BatchImporter.ImportAsync(Batch(changed));

        var current = batch.Files.Single(f => f.File == "2022.txt");
        Assert.Contains(current.Report.Diagnostics, d => d.Code == DiagnosticCodes.CrossCarryOver && d.Cells.Contains(new CellRef("table3", "carried_over", 6)));
    }

    [Fact]
    public async Task ImportAsync_OtherAgencyPreviousYear_IsNotUsed()
    {
        var other = Previous() with { Agency = "另一县市场监督管理局" };

        var batch = await BatchImporter.ImportAsync(Batch(other));

        var current = batch.Files.Single(f => f.File == "2022.txt");
        Assert.Null(current.PreviousFile);
        Assert.Equal(CellState.Ambiguous, current.Report[s_inForce].State);
    }
}
