using System.Collections.Immutable;
using System.Diagnostics;
using Gongkai.Import.Flattened;

namespace Gongkai.Import.Tests.Flattened;

public sealed class FlattenedTableSolverTests
{
    private static readonly RowShape s_table3Row = RowShape.WithTotal(7);

    private static decimal?[] Values(RowReading reading) => [.. reading.Cells.Select(c => c.Value)];

    [Fact]
    public void SplitRow_RowTotalSettlesTheDigits_OneReading()
    {
        var split = FlattenedTableSolver.SplitRow(["123000015"], s_table3Row);

        var reading = Assert.Single(split.Readings);
        Assert.Equal([12m, 3m, 0m, 0m, 0m, 0m, 15m], Values(reading));
        Assert.Equal(0, split.Violations);
    }

    [Fact]
    public void SplitRow_TwoReadingsKeepTheRowTotal_BothProposed()
    {
        var split = FlattenedTableSolver.SplitRow(["110000011"], s_table3Row);

        Assert.Equal(2, split.Readings.Length);
        Assert.Equal<decimal?>([1m, 11m], split.ValuesOf(0));
        Assert.Equal<decimal?>([0m, 10m], split.ValuesOf(1));
        Assert.Equal(11m, split.Agreed(6));
        Assert.Null(split.Agreed(0));
    }

    [Fact]
    public void SplitRow_LeadingZeros_NotACell()
    {
        var split = FlattenedTableSolver.SplitRow(["0012"], new RowShape(3));

        Assert.Equal([0m, 0m, 12m], Values(Assert.Single(split.Readings)));
    }

    [Fact]
    public void SplitRow_TwoPdfNumbersTouching_SplitAtTheOnlyPlaceTheTotalAllows()
    {
        // 100 and 5 printed so close that the words merged; the total 105 stands apart.
        var split = FlattenedTableSolver.SplitRow(["1005", "105"], RowShape.WithTotal(3));

        var reading = Assert.Single(split.Readings);
        Assert.Equal([100m, 5m, 105m], Values(reading));
        Assert.Equal([0, 3, 4], reading.Cells.Select(c => c.Offset));
    }

    [Fact]
    public void SplitRow_MarkdownRowMissingACell_TotalInferred()
    {
        var split = FlattenedTableSolver.SplitRow(["3", "4", "0", "0", "0", "0"], s_table3Row with { AllowMissingCell = true });

        var reading = Assert.Single(split.Readings);
        Assert.Equal([3m, 4m, 0m, 0m, 0m, 0m, 7m], Values(reading));
        Assert.True(reading.Cells[6].IsInferred);
    }

    [Fact]
    public void SplitRow_NoReadingKeepsTheRule_FewestViolationsThenFewestMultiDigitCells()
    {
        // 1+2≠34, 1+23≠4, 12+3≠4: every reading breaks the total once; 1,2,34 / 1,23,4 / 12,3,4 have one multi-digit cell each.
        var split = FlattenedTableSolver.SplitRow(["1234"], RowShape.WithTotal(3));

        Assert.Equal(1, split.Violations);
        Assert.Equal(3, split.Readings.Length);

        // 11111 in three cells: every reading breaks the total; 1,1,111 / 1,111,1 / 111,1,1 have one
        // multi-digit cell, 1,11,11 / 11,1,11 / 11,11,1 two, so only the first three are proposed.
        var natural = FlattenedTableSolver.SplitRow(["11111"], RowShape.WithTotal(3));
        Assert.Equal(3, natural.Readings.Length);
        Assert.All(natural.Readings, r => Assert.Equal(1, r.MultiDigitCells));
    }

    [Fact]
    public void SplitRow_NegativeChangeAndDecimal_SignStartsACell()
    {
        var shape = new RowShape(3) { AllowNegative = [false, true, false], Plausible = v => v[0] + v[1] >= 0 };

        var split = FlattenedTableSolver.SplitRow(["12", "-2105"], shape);

        Assert.Equal([12m, -2m, 105m], Values(Assert.Single(split.Readings)));
        var fees = FlattenedTableSolver.SplitRow(["7730.28"], new RowShape(1) { AllowDecimal = [true] });
        Assert.Equal(7730.28m, Assert.Single(fees.Readings)[0]);
    }

    [Fact]
    public void SplitRow_TooFewDigits_NoReading()
    {
        var split = FlattenedTableSolver.SplitRow(["00000"], s_table3Row);

        Assert.Empty(split.Readings);
        Assert.False(split.LimitReached);
    }

    [Fact]
    public void SplitRow_RunLongerThanTheLimit_LimitReachedQuickly()
    {
        var digits = new string('7', FlattenedLimits.MaxDigitsPerRow + 1);
        var clock = Stopwatch.StartNew();

        var split = FlattenedTableSolver.SplitRow([digits], s_table3Row);

        Assert.True(split.LimitReached);
        Assert.Empty(split.Readings);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void SplitRow_ManyReadings_StopsAtTheCandidateCap()
    {
        var shape = new RowShape(15);
        var clock = Stopwatch.StartNew();

        var split = FlattenedTableSolver.SplitRow([new string('1', 60)], shape);

        Assert.True(split.LimitReached);
        Assert.True(split.Readings.Length <= FlattenedLimits.MaxCandidatesPerRow);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SolveGrid_RowAmbiguousAloneSettledByTheColumns()
    {
        // row 0 = row 1 + row 2 per column; rows 1 and 2 both read 11011 (1,10,11 or 11,0,11).
        var solution = Grid("2 20 22", "11011", "11011");

        Assert.Equal(0, solution.Violations);
        Assert.Equal<decimal?>([1m], solution.Rows[1]!.Value[0].Values);
        Assert.Equal<decimal?>([10m], solution.Rows[2]!.Value[1].Values);
        Assert.Equal(0, solution.Ambiguous);
    }

    [Fact]
    public void SolveGrid_ReadingsSwapWithoutChangingAColumn_CellsAmbiguous()
    {
        var solution = Grid("121022", "11011", "11011");

        Assert.Equal<decimal?>([1m, 11m], solution.Rows[1]!.Value[0].Values);
        Assert.Equal<decimal?>([0m, 10m], solution.Rows[2]!.Value[1].Values);
        Assert.Equal<decimal?>([11m], solution.Rows[1]!.Value[2].Values);
        Assert.Equal(4, solution.Ambiguous);
    }

    [Fact]
    public void SolveGrid_PublishedNumbersWrong_FewestBrokenRulesWins()
    {
        // Column 0 and the total column do not add up (3 ≠ 1 + 1) in any reading: two broken
        // equations, and the cells stay as printed for the rules engine to report.
        var solution = Grid("303", "101", "101");

        Assert.Equal(2, solution.Violations);
        Assert.Equal<decimal?>([3m], solution.Rows[0]!.Value[0].Values);
        Assert.Equal(0, solution.Ambiguous);
    }

    [Fact]
    public void SolveGrid_ManyOpenRows_StaysWithinTheNodeLimit()
    {
        var rows = Enumerable.Range(0, 26).Select(_ => "2101122111111").ToArray();
        var clock = Stopwatch.StartNew();

        var solution = Grid(rows);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.NotNull(solution);
    }

    private static GridSolution Grid(params string[] rows)
    {
        var shape = RowShape.WithTotal(3);
        var inputs = rows.Select(r => new GridRowInput([[.. r.Split(' ')]], shape)).ToList();
        var rest = Enumerable.Range(1, rows.Length - 1).ToImmutableArray();
        var equation = new ColumnEquation("sum", [0, .. rest], [1, .. rest.Select(_ => -1)]);
        return FlattenedTableSolver.SolveGrid(inputs, [equation], 3);
    }
}
