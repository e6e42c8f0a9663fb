using CsCheck;
using Gongkai.Domain.Reports;
using Gongkai.Import.Flattened;

namespace Gongkai.Import.Tests.Flattened;

/// <summary>Laws of the splitter, checked on generated rows and reports.</summary>
public sealed class FlattenedPropertyTests
{
    /// <summary>A count as reports print them: mostly 0, often one digit, sometimes two or three.</summary>
    private static readonly Gen<int> s_count = Gen.Frequency(
        (6, Gen.Const(0)),
        (3, Gen.Int[1, 9]),
        (2, Gen.Int[10, 99]),
        (1, Gen.Int[100, 999]));

    [Fact]
    public void SplitRow_EveryReadingSpellsTheRowAndKeepsItsTotal()
    {
        s_count.Array[6].Sample(
            parts =>
            {
                var cells = parts.Append(parts.Sum()).ToArray();
                var digits = string.Concat(cells);

                var split = FlattenedTableSolver.SplitRow([digits], RowShape.WithTotal(7));

                Assert.Equal(0, split.Violations);
                Assert.Contains(split.Readings, r => r.Cells.Select(c => c.Value).SequenceEqual(cells.Select(v => (decimal?)v)));
                Assert.All(split.Readings, r =>
                {
                    Assert.Equal(digits, string.Concat(r.Cells.Select(c => c.Raw)));
                    Assert.Equal(r[6], Enumerable.Range(0, 6).Sum(c => r[c]));
                });
            },
            iter: 300);
    }

    [Fact]
    public void TryRead_ConsistentReport_EverySettledCellIsRightAndEveryAmbiguousOneListsIt()
    {
        var outcomeRows = FormatCatalogue.Default.LayoutFor("2021", "table3").Rows.Where(r => r.IsOutcome).ToList();
        Gen.Select(Gen.Select(s_count, Gen.Int[0, 5]).Array[outcomeRows.Count], s_count.Array[6], Gen.Bool, Gen.Bool).Sample(
            (outcomes, carried, oneLine, ordinals) =>
            {
                var source = Consistent(outcomeRows, outcomes, carried);
                var text = FlattenedTextWriter.Write(source, new FlattenStyle(oneLine, ordinals), "示例县人民政府2022年政府信息公开工作年度报告");

                var read = FlattenedTableReader.TryRead(text, "generated.txt");

                Assert.NotNull(read);
                foreach (var cell in source.LayoutOf("table3").Cells())
                {
                    var got = read[cell];
                    var truth = source[cell].Value!.Value;
                    Assert.True(
                        got.State == CellState.Ambiguous ? got.Readings!.Contains(truth) : got.Value == truth,
                        $"{cell}: published {truth}, read {got.Value} ({got.State}, {string.Join('/', got.Readings ?? [])})");
                }
            },
            iter: 60);
    }

    /// <summary>A 2021 report whose table 3 adds up: each outcome row has one count in one applicant column.</summary>
    private static Report Consistent(List<RowDef> outcomeRows, (int Count, int Column)[] outcomes, int[] carried)
    {
        var builder = new ReportBuilder("2021");
        var totals = new decimal[7];
        for (var i = 0; i < outcomeRows.Count; i++)
        {
            var row = new decimal[7];
            row[outcomes[i].Column] = outcomes[i].Count;
            row[6] = outcomes[i].Count;
            Set(builder, outcomeRows[i].Key, row);
            for (var c = 0; c < 7; c++)
            {
                totals[c] += row[c];
            }
        }

        var carriedOver = new decimal[7];
        var carriedForward = new decimal[7];
        for (var c = 0; c < 6; c++)
        {
            carriedOver[c] = carried[c] % 3;
            carriedForward[c] = carried[(c + 1) % 6] % 2;
        }

        carriedOver[6] = carriedOver.Take(6).Sum();
        carriedForward[6] = carriedForward.Take(6).Sum();
        var received = totals.Select((t, c) => Math.Max(0, t + carriedForward[c] - carriedOver[c])).ToArray();
        for (var c = 0; c < 6; c++)
        {
            carriedOver[c] = totals[c] + carriedForward[c] - received[c];
        }

        carriedOver[6] = carriedOver.Take(6).Sum();
        received[6] = received.Take(6).Sum();
        Set(builder, "new_received", received);
        Set(builder, "carried_over", carriedOver);
        Set(builder, "total", totals);
        Set(builder, "carried_forward", carriedForward);
        foreach (var row in builder.LayoutOf("table2").Rows)
        {
            for (var c = 0; c < row.Columns.Length; c++)
            {
                builder.Set("table2", row.Key, c, 0);
            }
        }

        foreach (var row in builder.LayoutOf("table4").Rows)
        {
            for (var c = 0; c < 5; c++)
            {
                builder.Set("table4", row.Key, c, 0);
            }
        }

        return builder.Build();
    }

    private static void Set(ReportBuilder builder, string row, decimal[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            builder.Set("table3", row, c, values[c]);
        }
    }
}
