using System.Collections.Immutable;
using Gongkai.Domain.Reports;
using static Gongkai.Import.Flattened.FlattenedTableReader;

namespace Gongkai.Import.Flattened;

/// <summary>Row and cell assignment: each row's run of numbers split into its cells by the table's grammar and arithmetic.</summary>
internal sealed partial class FlatStreamReader
{
    public void ReadTable2(LocatedTable table, ReportBuilder builder, Report? previous)
    {
        var split = 0;
        var ambiguous = 0;
        foreach (var located in table.Rows)
        {
            if (located is null)
            {
                continue;
            }

            var row = located.Row;
            var cells = new CellRef[row.Columns.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = new CellRef("table2", row.Key, c);
            }

            if (located.Run is not { } run)
            {
                foreach (var cell in cells)
                {
                    builder.Set(cell, new Cell(CellState.Missing, null, null, At(flat.StreamAt(located.MatchStart))));
                }

                continue;
            }

            var shape = Table2Shape(table.Layout, row);
            var fragments = run.Fragments.Select(Text).ToList();
            var result = FlattenedTableSolver.SplitRow(fragments, shape);
            var readings = result.Readings;
            if (previous is not null && table.Layout.Id == "table2-2021" && row.Columns.Length == 3
                && previous.Layouts.GetValueOrDefault("table2") == "table2-2021"
                && previous["table2", row.Key, 2].Value is { } lastInForce)
            {
                var consistent = readings.Where(r => r[2] == lastInForce + r[0] - r[1]).ToImmutableArray();
                if (!consistent.IsEmpty)
                {
                    readings = consistent;
                }
            }

            if (result.LimitReached)
            {
                Diagnostics.Add(FlattenedDiagnostics.LimitReached(RuleEngine.CellName(table.Layout, row, 0), nameof(FlattenedLimits.MaxCandidatesPerRow), FlattenedLimits.MaxCandidatesPerRow, At(run.Start)));
            }

            if (run.Fragments.Length < row.Columns.Length)
            {
                split++;
            }

            ambiguous += SetRow(builder, cells, readings, run.Fragments, run, table.Layout, row);
        }

        if (split > 0)
        {
            Diagnostics.Add(FlattenedDiagnostics.SplitDone("table2", split, table.Rows.Where(r => r is not null).Sum(r => r!.Row.Columns.Length), ambiguous, 0, FirstLocation(table)));
        }
    }

    private static RowShape Table2Shape(TableLayout layout, RowDef row)
    {
        var n = row.Columns.Length;
        var shape = new RowShape(n)
        {
            AllowNegative = [.. row.Columns.Select(c => c.AllowNegative)],
            AllowDecimal = [.. Enumerable.Range(0, n).Select(c => row.IsDecimal && c == n - 1)],
        };

        // Plausibility (shared/spec/ogi-domain.md A.3, B.2): no more issued or repealed than there
        // can be in force; a 2019 count of items cannot fall below zero.
        return (layout.Format, row.Columns.Select(c => c.Key).FirstOrDefault()) switch
        {
            // A placeholder cell (null) leaves nothing to check.
            ("2021", "issued") => shape with { Plausible = v => v[0] is not { } issued || v[1] is not { } repealed || v[2] is not { } inForce || issued <= inForce + repealed },
            ("2019", "new_made") => shape with { Plausible = v => v[1] is not { } published || v[2] is not { } total || published <= total },
            ("2019", "previous_items") => shape with { Plausible = v => v[0] is not { } items || v[1] is not { } change || items + change >= 0 },
            _ => shape,
        };
    }

    public void ReadGrid(LocatedTable table, ReportBuilder builder, Report? previous)
    {
        var layout = table.Layout;
        var ordinals = DocumentHasOrdinals(table);
        var inputs = new List<GridRowInput>();
        var alternatives = new List<ImmutableArray<ImmutableArray<(int Start, int End)>>>();
        var rowShape = GridRowShape(layout);
        for (var i = 0; i < table.Rows.Length; i++)
        {
            var alts = table.Rows[i]?.Run is null ? [] : Alternatives(table, i, ordinals);
            var texts = alts.Select(a => a.Select(Text).ToImmutableArray()).ToImmutableArray();
            if (previous is not null && layout.Rows[i].Key == "carried_over" && CarriedForward(previous, rowShape.Columns) is { } last)
            {
                // X.carry-over: last year's 结转下年度 is this year's 上年结转. When the run can be read
                // so, that reading is the only one offered (each cell its own fragment).
                var k = -1;
                for (var a = 0; a < texts.Length && k < 0; a++)
                {
                    var readings = FlattenedTableSolver.SplitRow(texts[a], rowShape).Readings;
                    k = readings.Any(r => r.Cells.Select(c => c.Value).SequenceEqual(last.Select(v => (decimal?)v))) ? a : -1;
                }

                if (k >= 0)
                {
                    alts = [alts[k]];
                    texts = [[.. last.Select(v => v.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture))]];
                }
            }

            alternatives.Add(alts);
            inputs.Add(new GridRowInput(texts, rowShape));
        }

        var equations = catalogue.Rules
            .Where(r => r.Table == layout.Table && r.Over == RuleScope.Columns)
            .Select(r => Equation(layout, r))
            .Where(e => e is not null)
            .Select(e => e!)
            .ToList();
        var solution = FlattenedTableSolver.SolveGrid(inputs, equations, layout.Columns.Length);
        if (solution.LimitReached is { } limit)
        {
            Diagnostics.Add(FlattenedDiagnostics.LimitReached(RuleEngine.TableName(layout.Table), limit, LimitValue(limit), FirstLocation(table)));
        }

        var split = 0;
        var ambiguous = 0;
        for (var i = 0; i < table.Rows.Length; i++)
        {
            var def = layout.Rows[i];
            var cells = Enumerable.Range(0, def.Columns.Length).Select(c => new CellRef(layout.Table, def.Key, c)).ToArray();
            if (table.Rows[i] is not { } located)
            {
                continue;
            }

            if (alternatives[i].IsEmpty)
            {
                foreach (var cell in cells)
                {
                    builder.Set(cell, new Cell(CellState.Missing, null, null, At(flat.StreamAt(located.MatchStart))));
                }

                continue;
            }

            if (located.Run is not { } run || solution.Rows[i] is not { } row)
            {
                var where = located.Run is { } r0 ? At(r0.Start) : At(flat.StreamAt(located.MatchStart));
                if (located.Run is { } r1)
                {
                    Diagnostics.Add(Unsplittable(RuleEngine.CellName(layout, def, 0), RawOf(r1), def.Columns.Length, where));
                }

                foreach (var cell in cells)
                {
                    builder.Set(cell, new Cell(CellState.Missing, null, located.Run is null ? null : RawOf(located.Run), where));
                }

                continue;
            }

            if (run.Fragments.Length < def.Columns.Length)
            {
                split++;
            }

            var frags = alternatives[i][^1];
            for (var c = 0; c < cells.Length; c++)
            {
                ambiguous += SetCell(builder, cells[c], row[c].Values, row[c].Cell, frags, run);
            }
        }

        Diagnostics.Add(FlattenedDiagnostics.SplitDone(layout.Table, split, split * layout.Columns.Length, ambiguous, solution.Violations, FirstLocation(table)));
        if (solution.Violations > 0 && ambiguous > 0)
        {
            Diagnostics.Add(FlattenedDiagnostics.InconsistentTable(layout.Table, solution.Violations, ambiguous, FirstLocation(table)));
        }
    }

    public void ReadTable4(LocatedTable table, ReportBuilder builder)
    {
        var layout = table.Layout;
        var run = table.Rows[0]!.Run!;
        var columns = layout.Rows.Sum(r => r.Columns.Length);
        var rules = ImmutableArray.CreateBuilder<RowRule>();
        var offset = 0;
        foreach (var row in layout.Rows)
        {
            foreach (var rule in catalogue.Rules.Where(r => r.Table == layout.Table && r.Over == RuleScope.Rows))
            {
                var keys = layout.Columns.Select(c => c.Key).ToList();
                var total = keys.IndexOf(rule.Left[0]);
                var parts = rule.Right.Select(keys.IndexOf).ToList();
                if (total >= 0 && parts.All(p => p >= 0))
                {
                    rules.Add(new RowRule(offset + total, [.. parts.Select(p => offset + p)]));
                }
            }

            offset += row.Columns.Length;
        }

        var shape = new RowShape(columns) { Rules = rules.ToImmutable() };
        var result = FlattenedTableSolver.SplitRow(run.Fragments.Select(Text).ToList(), shape);
        if (result.LimitReached)
        {
            Diagnostics.Add(FlattenedDiagnostics.LimitReached(RuleEngine.TableName(layout.Table), nameof(FlattenedLimits.MaxSearchNodes), FlattenedLimits.MaxSearchNodes, At(run.Start)));
        }

        var refs = layout.Rows.SelectMany(r => Enumerable.Range(0, r.Columns.Length).Select(c => new CellRef(layout.Table, r.Key, c))).ToArray();
        if (result.Readings.IsEmpty)
        {
            Diagnostics.Add(Unsplittable(RuleEngine.TableName(layout.Table), RawOf(run), columns, At(run.Start)));
            foreach (var cell in refs)
            {
                builder.Set(cell, new Cell(CellState.Missing, null, RawOf(run), At(run.Start)));
            }

            return;
        }

        var ambiguous = SetRow(builder, refs, result.Readings, run.Fragments, run, layout, null);
        if (run.Fragments.Length < columns)
        {
            Diagnostics.Add(FlattenedDiagnostics.SplitDone(layout.Table, layout.Rows.Length, columns, ambiguous, result.Violations, At(run.Start)));
        }

        if (result.Violations > 0 && ambiguous > 0)
        {
            Diagnostics.Add(FlattenedDiagnostics.InconsistentTable(layout.Table, result.Violations, ambiguous, At(run.Start)));
        }
    }

    private int SetRow(ReportBuilder builder, CellRef[] cells, ImmutableArray<RowReading> readings, ImmutableArray<(int Start, int End)> frags, Run run, TableLayout layout, RowDef? row)
    {
        if (readings.IsEmpty)
        {
            var where = At(run.Start);
            Diagnostics.Add(Unsplittable(row is null ? RuleEngine.TableName(layout.Table) : RuleEngine.CellName(layout, row, 0), RawOf(run), cells.Length, where));
            foreach (var cell in cells)
            {
                builder.Set(cell, new Cell(CellState.Missing, null, RawOf(run), where));
            }

            return 0;
        }

        var ambiguous = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            var column = c;
            var values = readings.Select(r => r[column]).Distinct().OrderBy(v => v ?? decimal.MinValue).ToImmutableArray();
            ambiguous += SetCell(builder, cells[c], values, readings[0].Cells[c], frags, run);
        }

        return ambiguous;
    }

    private int SetCell(ReportBuilder builder, CellRef cell, ImmutableArray<decimal?> values, SplitCell read, ImmutableArray<(int Start, int End)> frags, Run run)
    {
        if (values.Length == 1)
        {
            var where = At(StreamIndex(frags, read.Offset, run));
            builder.Set(cell, values[0] is { } v ? Cell.Of(v, where, read.Raw) : read.IsInferred ? new Cell(CellState.Missing, null, null, where) : Cell.NonNumeric(read.Raw, where));
            return 0;
        }

        var readings = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        builder.Set(cell, Cell.Ambiguous(readings, RawOf(run), At(run.Start)));
        return 1;
    }

    private static int StreamIndex(ImmutableArray<(int Start, int End)> frags, int offset, Run run)
    {
        if (offset < 0)
        {
            return run.Start;
        }

        foreach (var (start, end) in frags)
        {
            if (offset < end - start)
            {
                return start + offset;
            }

            offset -= end - start;
        }

        return run.Start;
    }

    private static decimal[]? CarriedForward(Report previous, int columns)
    {
        var values = Enumerable.Range(0, columns).Select(c => previous["table3", "carried_forward", c].Value).ToArray();
        return values.All(v => v.HasValue) ? [.. values.Select(v => v!.Value)] : null;
    }

    private RowShape GridRowShape(TableLayout layout)
    {
        var rules = ImmutableArray.CreateBuilder<RowRule>();
        var keys = layout.Columns.Select(c => c.Key).ToList();
        foreach (var rule in catalogue.Rules.Where(r => r.Table == layout.Table && r.Over == RuleScope.Rows))
        {
            var total = keys.IndexOf(rule.Left[0]);
            var parts = rule.Right.Select(keys.IndexOf).ToList();
            if (rule.Left.Length == 1 && total >= 0 && parts.All(p => p >= 0))
            {
                rules.Add(new RowRule(total, [.. parts]));
            }
        }

        return new RowShape(layout.Columns.Length) { Rules = rules.ToImmutable() };
    }

    private static ColumnEquation? Equation(TableLayout layout, EquationRule rule)
    {
        var rows = new List<int>();
        var coefs = new List<int>();
        var keys = layout.Rows.Select(r => r.Key).ToList();
        foreach (var (side, coef) in new[] { (rule.Left, 1), (rule.Right, -1) })
        {
            foreach (var key in side)
            {
                var indices = key == "@outcome"
                    ? Enumerable.Range(0, layout.Rows.Length).Where(i => layout.Rows[i].IsOutcome).ToList()
                    : [keys.IndexOf(key)];
                if (indices.Contains(-1))
                {
                    return null;
                }

                rows.AddRange(indices);
                coefs.AddRange(indices.Select(_ => coef));
            }
        }

        return new ColumnEquation(rule.Id, [.. rows], [.. coefs]);
    }

    private static int LimitValue(string limit) => limit switch
    {
        nameof(FlattenedLimits.MaxCandidatesPerRow) => FlattenedLimits.MaxCandidatesPerRow,
        nameof(FlattenedLimits.MaxViolations) => FlattenedLimits.MaxViolations,
        _ => FlattenedLimits.MaxSearchNodes,
    };

    private string RawOf(Run run) => string.Join(' ', run.Fragments.Select(Text));

    private SourceLocation FirstLocation(LocatedTable table) =>
        table.Rows.FirstOrDefault(r => r?.Run is not null)?.Run is { } run ? At(run.Start) : new SourceLocation(name);

    private static Diagnostic Unsplittable(string what, string raw, int cells, SourceLocation where) =>
        new(FlattenedDiagnostics.Unsplittable, Severity.Warning, $"{what}：“{raw}”不能拆成{cells}个单元格", where);
}
