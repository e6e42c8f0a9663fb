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
        Gen.Select(Gen.Select(s_count, Gen.Int[0, 5]).Array[23], s_count.Array[6], s_count.Array[12], Gen.Bool, Gen.Bool, Gen.Bool).Sample(
            (outcomes, carried, reviews, oneLine, ordinals, is2019) =>
            {
                var format = is2019 ? "2019" : "2021";
                var outcomeRows = FormatCatalogue.Default.LayoutFor(format, "table3").Rows.Where(r => r.IsOutcome).ToList();
                var source = Consistent(format, outcomeRows, outcomes, carried, reviews);
                var text = FlattenedTextWriter.Write(source, new FlattenStyle(oneLine, ordinals), "示例县人民政府2022年政府信息公开工作年度报告");

                var read = FlattenedTableReader.TryRead(text, "generated.txt");

                Assert.NotNull(read);
                Assert.Equal(format, read.Format);
                foreach (var cell in source.LayoutOf("table3").Cells().Concat(source.LayoutOf("table4").Cells()))
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

    /// <summary>A report whose tables add up: each outcome row has one count in one applicant column.</summary>
    private static Report Consistent(string format, List<RowDef> outcomeRows, (int Count, int Column)[] outcomes, int[] carried, int[] reviews)
    {
        var builder = new ReportBuilder(format);
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

        var group = 0;
        foreach (var row in builder.LayoutOf("table4").Rows)
        {
            var parts = reviews.Skip(4 * group++).Take(4).Select(v => (decimal)(v % 50)).ToArray();
            for (var c = 0; c < 4; c++)
            {
                builder.Set("table4", row.Key, c, parts[c]);
            }

            builder.Set("table4", row.Key, 4, parts.Sum());
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
