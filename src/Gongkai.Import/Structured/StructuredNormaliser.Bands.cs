using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>
/// Table 3 printed in bands (<c>pdftotext</c>'s default order of a PDF whose rows differ in height):
/// rows whose labels take one line stand close together, so each of the table's columns over those
/// rows is one block of text, printed column after column (a band: seven blocks of as many numbers as
/// the band has rows); a row whose label wraps stands apart and is printed cell by cell (a band of one
/// row). The labels are printed apart from the numbers, anywhere (the first rows' numbers even before
/// the first label). Read by the numbers' order and the table's arithmetic alone: the runs of numbers
/// (a run: lines of one number each, one under the other) from the section's heading to the next
/// section's are cut into bands and rows, each row adding up to its total, as many rows as the table
/// has; a reading is kept only when every way to cut them that adds up gives the same numbers.
/// </summary>
internal sealed partial class StructuredNormaliser
{
    private sealed partial class Doc
    {
        /// <summary>More ways to cut the runs than this and the table is left to the other readers.</summary>
        private const int MaxBandReadings = 64;

        /// <summary>Ways tried at most (a table of zeros can be cut in many ways): past it, the table is left to the other readers.</summary>
        private const int MaxBandSteps = 20_000;

        /// <summary>
        /// The lines with table 3 put back as one line a row when it is printed in bands (see the
        /// type's remarks) and at least one band has two or more rows; else null.
        /// </summary>
        private static ImmutableArray<SourceLine>? GridInBands(ImmutableArray<SourceLine> lines, LineKind[] kinds, FormatCatalogue catalogue)
        {
            // From the section's heading (else the table's header words) to the next section's (else table 4's header words).
            var heading = catalogue.Sections.FirstOrDefault(s => s.Number == 3);
            var next = catalogue.Sections.FirstOrDefault(s => s.Number == 4);
            var start = FindLine(lines, kinds, 0, norm => heading is not null && IsHeading(norm, heading));
            if (start < 0)
            {
                var anchors = catalogue.Layouts.Where(l => l.Table == "table3").SelectMany(l => l.Anchors).ToList();
                start = FindLine(lines, kinds, 0, norm => anchors.Any(a => norm.Contains(a, StringComparison.Ordinal))) - 1;
            }

            if (start < 0)
            {
                return null;
            }

            var end = FindLine(lines, kinds, start + 1, norm => next is not null && IsHeading(norm, next));
            if (end < 0)
            {
                var anchors = catalogue.Layouts.Where(l => l.Table == "table4").SelectMany(l => l.Anchors).ToList();
                end = FindLine(lines, kinds, start + 1, norm => anchors.Any(a => norm.Contains(a, StringComparison.Ordinal)));
            }

            if (end < 0)
            {
                return null;
            }

            var runs = NumberRuns(lines, kinds, start + 1, end);
            foreach (var layout in catalogue.Layouts.Where(l => l.Table == "table3" && l.IsGrid))
            {
                var width = layout.Columns.Length;
                if (width < 3 || layout.Columns[^1].Label != "总计" || runs.Sum(r => r.Count) != width * layout.Rows.Length)
                {
                    continue;
                }

                var readings = new List<List<List<Fragment>>>();
                var steps = MaxBandSteps;
                var rowWise = false;
                Cut(runs, 0, [], width, layout.Rows.Length, readings, banded: false, ref steps, ref rowWise);
                if (rowWise)
                {
                    // The numbers read row by row as they stand (a band of zeros reads so too): the
                    // table is printed by row, the other readers'.
                    continue;
                }

                if (readings.Skip(1).Any(other => !SameNumbers(readings[0], other)))
                {
                    // Ways that differ (a band of seven rows of few numbers reads as seven rows too):
                    // the table's own sums by column choose among them.
                    readings = [.. readings.Where(r => ColumnsAddUp(layout, r))];
                }

                if (steps <= 0 || readings.Count == 0 || readings.Count > MaxBandReadings
                    || readings.Skip(1).Any(other => !SameNumbers(readings[0], other)))
                {
                    continue;
                }

                var rebuilt = new List<SourceLine>(lines.Length);
                rebuilt.AddRange(lines.Take(start + 1));
                var first = Array.FindIndex(kinds, start + 1, k => k is LineKind.Number or LineKind.Numbers);
                rebuilt.AddRange(lines.Skip(start + 1).Take(first - start - 1).Where((_, i) => kinds[start + 1 + i] == LineKind.Text).TakeWhile(l => !IsRowLabelOrItsHead(layout, l)));
                for (var r = 0; r < layout.Rows.Length; r++)
                {
                    var row = readings[0][r];
                    rebuilt.Add(new SourceLine([new Fragment(layout.Rows[r].Label.Split(' ')[^1], row[0].Location), .. row]));
                }

                rebuilt.AddRange(lines.Skip(end));
                return [.. rebuilt];
            }

            return null;
        }

        /// <summary>The first text line from <paramref name="from"/> whose joined text satisfies <paramref name="test"/>, or -1.</summary>
        private static int FindLine(ImmutableArray<SourceLine> lines, LineKind[] kinds, int from, Func<string, bool> test)
        {
            for (var i = from; i < lines.Length; i++)
            {
                if (kinds[i] == LineKind.Text && test(JoinedNorm(lines[i])))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether the line is a row's label or its first part (a label wrapped over lines): the table's header has ended.</summary>
        private static bool IsRowLabelOrItsHead(TableLayout layout, SourceLine line)
        {
            var norm = JoinedNorm(line);
            return LabelRow(layout, line, 0) is not null
                || (norm.Length >= 2 && layout.Rows.Any(r => LabelText.Normalize(r.Label).StartsWith(norm, StringComparison.Ordinal)));
        }

        /// <summary>
        /// The runs of numbers between <paramref name="from"/> and <paramref name="to"/>: lines of one
        /// number each, one right under the other (an empty line, or any other line, ends a run); a
        /// line of several numbers is a run of its own.
        /// </summary>
        private static List<List<Fragment>> NumberRuns(ImmutableArray<SourceLine> lines, LineKind[] kinds, int from, int to)
        {
            var runs = new List<List<Fragment>>();
            var open = false;
            for (var i = from; i < to; i++)
            {
                switch (kinds[i])
                {
                    case LineKind.Number:
                        var cell = lines[i].Cells.First(c => !string.IsNullOrWhiteSpace(c.Text));
                        if (!open || Apart(lines[i - 1], lines[i]))
                        {
                            runs.Add([]);
                        }

                        runs[^1].Add(cell);
                        open = true;
                        break;
                    case LineKind.Numbers:
                        runs.Add([.. Numbers(lines[i]).Select(n => n.Cell)]);
                        open = false;
                        break;
                    case LineKind.TextThenNumbers:
                        // A label with numbers on its line: not a table printed in bands.
                        return [];
                    default:
                        open = false;
                        break;
                }
            }

            return runs;
        }

        /// <summary>
        /// Every way to cut <paramref name="runs"/> from <paramref name="at"/> into the table's rows
        /// (<paramref name="rows"/> − <paramref name="done"/>.Count still to read), each adding up: a
        /// band of m rows (the next <paramref name="width"/> runs each m long, a column each), or one row
        /// from runs whose lengths make exactly one row. Only readings with a band of two or more rows
        /// are kept (<paramref name="banded"/>); a table printed row by row is the other readers'.
        /// </summary>
        private static void Cut(List<List<Fragment>> runs, int at, List<List<Fragment>> done, int width, int rows, List<List<List<Fragment>>> readings, bool banded, ref int steps, ref bool rowWise)
        {
            if (readings.Count > MaxBandReadings || --steps <= 0)
            {
                return;
            }

            if (done.Count == rows || at == runs.Count)
            {
                if (done.Count == rows && at == runs.Count)
                {
                    if (banded)
                    {
                        readings.Add([.. done]);
                    }
                    else
                    {
                        rowWise = true;
                    }
                }

                return;
            }

            var m = runs[at].Count;
            if (m >= 2 && done.Count + m <= rows && at + width <= runs.Count && Enumerable.Range(at, width).All(k => runs[k].Count == m))
            {
                var band = Enumerable.Range(0, m).Select(i => Enumerable.Range(at, width).Select(k => runs[k][i]).ToList()).ToList();
                if (band.All(row => AddsUp(row)))
                {
                    Cut(runs, at + width, [.. done, .. band], width, rows, readings, banded: true, ref steps, ref rowWise);
                }
            }

            var cells = new List<Fragment>(width);
            for (var k = at; k < runs.Count && cells.Count < width; k++)
            {
                cells.AddRange(runs[k]);
                if (cells.Count == width && AddsUp(cells))
                {
                    Cut(runs, k + 1, [.. done, [.. cells]], width, rows, readings, banded, ref steps, ref rowWise);
                }
            }
        }

        /// <summary>Whether the row's cells before its last add up to its last (its total).</summary>
        private static bool AddsUp(List<Fragment> row) => AddsUpToTotal([.. row.Select(c => Classify(c, 0, 0, label: false).Value ?? 0m)]);

        /// <summary>
        /// Whether a reading of table 3 adds up by column as the table must: 总计 is the sum of the
        /// outcome rows, and the year's new and carried-over applications are its total and those
        /// carried forward (第一项加第二项之和，等于第三项加第四项之和).
        /// </summary>
        private static bool ColumnsAddUp(TableLayout layout, List<List<Fragment>> rows)
        {
            int Row(string key) => layout.Rows.IndexOf(layout.Rows.FirstOrDefault(r => r.Key == key)!);
            var (total, received, carried, forward) = (Row("total"), Row("new_received"), Row("carried_over"), Row("carried_forward"));
            var outcomes = Enumerable.Range(0, layout.Rows.Length).Where(r => layout.Rows[r].IsOutcome).ToList();
            if (total < 0 || received < 0 || carried < 0 || forward < 0 || outcomes.Count == 0)
            {
                return true;
            }

            decimal V(int r, int c) => Classify(rows[r][c], 0, 0, label: false).Value ?? 0m;
            return Enumerable.Range(0, layout.Columns.Length).All(c =>
                outcomes.Sum(r => V(r, c)) == V(total, c) && V(received, c) + V(carried, c) == V(total, c) + V(forward, c));
        }

        private static bool SameNumbers(List<List<Fragment>> a, List<List<Fragment>> b) =>
            a.Count == b.Count && a.Zip(b).All(p => p.First.Select(c => c.Text.Trim()).SequenceEqual(p.Second.Select(c => c.Text.Trim()), StringComparer.Ordinal));
    }
}
