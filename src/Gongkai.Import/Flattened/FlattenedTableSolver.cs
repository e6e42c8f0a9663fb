using System.Collections.Immutable;

namespace Gongkai.Import.Flattened;

/// <summary>
/// Proposes the readings of rows whose cells ran together, alone (<see cref="SplitRow"/>) or as a
/// table whose columns must add up (<see cref="SolveGrid"/>). Also usable for other damaged inputs:
/// two PDF numbers that touch (<c>["105", "12"]</c> for three cells), or a Markdown row that lost a
/// cell (<see cref="RowShape.AllowMissingCell"/>).
/// </summary>
public static class FlattenedTableSolver
{
    /// <summary>
    /// The readings of a row whose characters arrived as <paramref name="fragments"/> (each holding one
    /// or more whole cells) for a row shaped <paramref name="shape"/>. Readings that break the fewest
    /// of the row's rules win; when every reading breaks a rule, of those the ones with the fewest
    /// multi-digit cells. Never throws; limits give <see cref="RowSplit.LimitReached"/>.
    /// </summary>
    public static RowSplit SplitRow(IReadOnlyList<string> fragments, RowShape shape)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        ArgumentNullException.ThrowIfNull(shape);
        var limit = false;
        var maxCost = Math.Min(FlattenedLimits.MaxViolations, shape.Rules.Length);
        for (var cost = 0; cost <= maxCost; cost++)
        {
            var found = new List<RowReading>();
            limit |= !RowEnumerator.Enumerate(fragments, shape, cost, found);
            if (found.Count > 0 || limit)
            {
                return new RowSplit(Natural(found, cost), cost, limit);
            }
        }

        return new RowSplit([], 0, limit);
    }

    /// <summary>The readings with the fewest multi-digit cells when rules are broken; all of them otherwise.</summary>
    private static ImmutableArray<RowReading> Natural(List<RowReading> readings, int cost)
    {
        if (cost == 0 || readings.Count == 0)
        {
            return [.. readings];
        }

        var min = readings.Min(r => r.MultiDigitCells);
        return [.. readings.Where(r => r.MultiDigitCells == min)];
    }

    /// <summary>
    /// Solves rows together: every row is split as in <see cref="SplitRow"/>, and a column equation
    /// (<c>Σ coefficient × row[c] = 0</c> for every column c) ties the rows. Finds every combination
    /// with the fewest broken rules (row rules plus column equations), by backtracking over the rows
    /// with the columns' partial sums bounding each branch; when rules are broken, the combinations
    /// with the fewest multi-digit cells. Cells that differ between the surviving combinations are
    /// reported with all their readings.
    /// </summary>
    public static GridSolution SolveGrid(IReadOnlyList<GridRowInput> rows, IReadOnlyList<ColumnEquation> equations, int columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(equations);
        return new GridSearch(rows, equations, columns).Run();
    }
}

/// <summary>
/// A row of a grid for <see cref="FlattenedTableSolver.SolveGrid"/>: the alternative ways its
/// characters may be cut into fragments (usually one; two when a trailing digit may be the next
/// label's ordinal), or none when the row was not found.
/// </summary>
public sealed record GridRowInput(ImmutableArray<ImmutableArray<string>> Alternatives, RowShape Shape);

/// <summary>A column equation: for every column, <c>Σ Coefficients[i] × row Rows[i]</c> must be 0.</summary>
public sealed record ColumnEquation(string Id, ImmutableArray<int> Rows, ImmutableArray<int> Coefficients);

/// <summary>What a grid search concluded about one cell.</summary>
/// <param name="Values">The distinct values the surviving readings give the cell (null for a placeholder); one value means settled.</param>
/// <param name="Cell">The cell as read in one surviving reading (its characters and offset), for provenance.</param>
public sealed record GridCell(ImmutableArray<decimal?> Values, SplitCell Cell)
{
    public bool IsSettled => Values.Length == 1;
}

/// <summary>
/// The result of a grid search: per row, per column, the cell's readings (a row without readings is
/// null), the fewest broken rules any reading has, and which limit, if any, stopped the search.
/// </summary>
public sealed record GridSolution(ImmutableArray<ImmutableArray<GridCell>?> Rows, int Violations, string? LimitReached)
{
    public int Ambiguous => Rows.Sum(r => r?.Count(c => !c.IsSettled) ?? 0);
}

/// <summary>The backtracking search behind <see cref="FlattenedTableSolver.SolveGrid"/>.</summary>
internal sealed class GridSearch
{
    private const long Unbounded = 1L << 50;

    private readonly IReadOnlyList<GridRowInput> _rows;
    private readonly int _columns;
    private readonly List<ColumnEquation> _equations;
    private string? _limit;

    // Per search phase.
    private List<RowReading>[] _cands = [];
    private long[][][] _values = [];      // [row][candidate][column], long.MinValue for a placeholder
    private int[] _order = [];
    private int[][] _touch = [];          // row -> instance ids
    private int[][] _touchCoef = [];
    private int[] _instColumn = [];
    private long[] _partial = [];
    private long[] _restMin = [];
    private long[] _restMax = [];
    private int[] _voids = [];
    private int[] _brokenAt = [];
    private long[][] _minOf = [];         // [row][instance slot]
    private long[][] _maxOf = [];
    private int[] _choice = [];
    private int _nodes;
    private int _maxCost;

    // Aggregation of the surviving leaves.
    private int _leaves;
    private int _bestMulti;
    private List<decimal?>[][] _seen = [];
    private int[] _representative = [];

    public GridSearch(IReadOnlyList<GridRowInput> rows, IReadOnlyList<ColumnEquation> equations, int columns)
    {
        _rows = rows;
        _columns = columns;
        _equations = [.. equations];
    }

    public GridSolution Run()
    {
        var n = _rows.Count;
        var usable = new bool[n];
        for (var r = 0; r < n; r++)
        {
            var probe = new List<RowReading>();
            foreach (var alt in _rows[r].Alternatives)
            {
                RowEnumerator.Enumerate(alt, _rows[r].Shape, int.MaxValue, probe, cap: 1);
            }

            usable[r] = probe.Count > 0;
        }

        var cache = new Dictionary<(int Row, int Cost), (List<RowReading> List, bool Limit)>();
        for (var cost = 0; cost <= FlattenedLimits.MaxViolations; cost++)
        {
            _cands = new List<RowReading>[n];
            var capped = false;
            for (var r = 0; r < n; r++)
            {
                if (!usable[r])
                {
                    _cands[r] = [];
                    continue;
                }

                // A row that can be split consistently with its own rules is trusted to keep them;
                // only rows without such a split are read with broken row rules (see docs/flattened-tables.md).
                var rowCost = cost == 0 || (cache.TryGetValue((r, 0), out var exact) && exact.List.Count > 0)
                    ? 0
                    : Math.Min(cost, _rows[r].Shape.Rules.Length);
                if (!cache.TryGetValue((r, rowCost), out var entry))
                {
                    var list = new List<RowReading>();
                    var ok = true;
                    foreach (var alt in _rows[r].Alternatives)
                    {
                        ok &= RowEnumerator.Enumerate(alt, _rows[r].Shape, rowCost, list);
                    }

                    entry = (Dedupe(list), !ok);
                    cache[(r, rowCost)] = entry;
                }

                _cands[r] = entry.List;
                capped |= entry.Limit;
            }

            if (capped)
            {
                _limit = nameof(FlattenedLimits.MaxCandidatesPerRow);
                return Fallback(usable, cost);
            }

            if (Enumerable.Range(0, n).Any(r => usable[r] && _cands[r].Count == 0))
            {
                continue;
            }

            _maxCost = cost;
            Prepare(usable);
            Dfs(0, 0, 0);
            if (_limit is not null)
            {
                return Fallback(usable, cost);
            }

            if (_leaves > 0)
            {
                return Collect(usable, cost);
            }
        }

        _limit = nameof(FlattenedLimits.MaxViolations);
        return Fallback(usable, FlattenedLimits.MaxViolations);
    }

    private static List<RowReading> Dedupe(List<RowReading> list)
    {
        // Two fragment alternatives can give the same cells; keep one, lowest violations first.
        var seen = new HashSet<string>();
        var result = new List<RowReading>(list.Count);
        foreach (var r in list.OrderBy(r => r.Violations).ThenBy(r => r.MultiDigitCells))
        {
            if (seen.Add(string.Join(',', r.Cells.Select(c => c.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "/"))))
            {
                result.Add(r);
            }
        }

        return result;
    }

    private void Prepare(bool[] usable)
    {
        var n = _rows.Count;
        _values = new long[n][][];
        for (var r = 0; r < n; r++)
        {
            _values[r] = new long[_cands[r].Count][];
            for (var k = 0; k < _cands[r].Count; k++)
            {
                var v = new long[_columns];
                for (var c = 0; c < _columns; c++)
                {
                    v[c] = _cands[r][k].Cells[c].Value is { } d ? (long)d : long.MinValue;
                }

                _values[r][k] = v;
            }
        }

        // Instances: one per equation per column, over usable rows only.
        var touch = Enumerable.Range(0, n).Select(_ => new List<(int Inst, int Coef)>()).ToArray();
        var instColumn = new List<int>();
        var inst = 0;
        foreach (var eq in _equations)
        {
            if (eq.Rows.Any(r => !usable[r]))
            {
                continue;
            }

            for (var c = 0; c < _columns; c++)
            {
                for (var i = 0; i < eq.Rows.Length; i++)
                {
                    touch[eq.Rows[i]].Add((inst, eq.Coefficients[i]));
                }

                instColumn.Add(c);
                inst++;
            }
        }

        _touch = touch.Select(t => t.Select(x => x.Inst).ToArray()).ToArray();
        _touchCoef = touch.Select(t => t.Select(x => x.Coef).ToArray()).ToArray();
        _instColumn = [.. instColumn];
        _partial = new long[inst];
        _restMin = new long[inst];
        _restMax = new long[inst];
        _voids = new int[inst];
        _brokenAt = Enumerable.Repeat(-1, inst).ToArray();
        _minOf = new long[n][];
        _maxOf = new long[n][];
        for (var r = 0; r < n; r++)
        {
            _minOf[r] = new long[_touch[r].Length];
            _maxOf[r] = new long[_touch[r].Length];
            for (var s = 0; s < _touch[r].Length; s++)
            {
                var i = _touch[r][s];
                var coef = _touchCoef[r][s];
                var c = _instColumn[i];
                long lo = long.MaxValue, hi = long.MinValue;
                var nullable = false;
                foreach (var v in _values[r])
                {
                    if (v[c] == long.MinValue)
                    {
                        nullable = true;
                        break;
                    }

                    var x = coef * v[c];
                    lo = Math.Min(lo, x);
                    hi = Math.Max(hi, x);
                }

                if (nullable)
                {
                    lo = -Unbounded;
                    hi = Unbounded;
                }

                _minOf[r][s] = lo;
                _maxOf[r][s] = hi;
                _restMin[i] += lo;
                _restMax[i] += hi;
            }
        }

        _order = Enumerable.Range(0, n).Where(r => usable[r]).OrderBy(r => _cands[r].Count).ToArray();
        _choice = new int[n];
        _nodes = 0;
        _leaves = 0;
        _bestMulti = int.MaxValue;
        _seen = Enumerable.Range(0, n).Select(_ => new List<decimal?>[_columns]).ToArray();
        _representative = new int[n];
    }

    private void Dfs(int depth, int cost, int multi)
    {
        if (_limit is not null)
        {
            return;
        }

        if (++_nodes > FlattenedLimits.MaxSearchNodes)
        {
            _limit = nameof(FlattenedLimits.MaxSearchNodes);
            return;
        }

        if ((_nodes & 0x3FF) == 0)
        {
            ImportBudget.ThrowIfOutOfTime();
        }

        if (depth == _order.Length)
        {
            Leaf(cost, multi);
            return;
        }

        var r = _order[depth];
        var touched = _touch[r];
        var coefs = _touchCoef[r];
        for (var k = 0; k < _cands[r].Count; k++)
        {
            var cand = _cands[r][k];
            var newCost = cost + cand.Violations;
            if (newCost > _maxCost)
            {
                continue;
            }

            var v = _values[r][k];
            for (var s = 0; s < touched.Length; s++)
            {
                var i = touched[s];
                var x = v[_instColumn[i]];
                _restMin[i] -= _minOf[r][s];
                _restMax[i] -= _maxOf[r][s];
                if (x == long.MinValue)
                {
                    _voids[i]++;
                }
                else
                {
                    _partial[i] += coefs[s] * x;
                }

                if (_brokenAt[i] < 0 && _voids[i] == 0 && (_partial[i] + _restMin[i] > 0 || _partial[i] + _restMax[i] < 0))
                {
                    _brokenAt[i] = depth;
                    newCost++;
                }
            }

            if (newCost <= _maxCost)
            {
                _choice[r] = k;
                Dfs(depth + 1, newCost, multi + cand.MultiDigitCells);
            }

            for (var s = touched.Length - 1; s >= 0; s--)
            {
                var i = touched[s];
                var x = v[_instColumn[i]];
                if (_brokenAt[i] == depth)
                {
                    _brokenAt[i] = -1;
                }

                _restMin[i] += _minOf[r][s];
                _restMax[i] += _maxOf[r][s];
                if (x == long.MinValue)
                {
                    _voids[i]--;
                }
                else
                {
                    _partial[i] -= coefs[s] * x;
                }
            }

            if (_limit is not null)
            {
                return;
            }
        }
    }

    private void Leaf(int cost, int multi)
    {
        if (cost > 0)
        {
            if (multi > _bestMulti)
            {
                return;
            }

            if (multi < _bestMulti)
            {
                _bestMulti = multi;
                _leaves = 0;
                foreach (var row in _seen)
                {
                    Array.Clear(row);
                }
            }
        }

        _leaves++;
        foreach (var r in _order)
        {
            var cand = _cands[r][_choice[r]];
            if (_seen[r][0] is null)
            {
                _representative[r] = _choice[r];
            }

            for (var c = 0; c < _columns; c++)
            {
                var list = _seen[r][c] ??= [];
                if (!list.Contains(cand.Cells[c].Value))
                {
                    list.Add(cand.Cells[c].Value);
                }
            }
        }
    }

    private GridSolution Collect(bool[] usable, int cost)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<GridCell>?>(_rows.Count);
        for (var r = 0; r < _rows.Count; r++)
        {
            if (!usable[r])
            {
                rows.Add(null);
                continue;
            }

            var rep = _cands[r][_representative[r]];
            rows.Add([.. Enumerable.Range(0, _columns).Select(c => new GridCell(Sorted(_seen[r][c]), rep.Cells[c]))]);
        }

        return new GridSolution(rows.MoveToImmutable(), cost, _limit);
    }

    /// <summary>When the search cannot finish: a cell is settled only if every reading of its row agrees.</summary>
    private GridSolution Fallback(bool[] usable, int cost)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<GridCell>?>(_rows.Count);
        for (var r = 0; r < _rows.Count; r++)
        {
            var cands = _cands.Length > r ? _cands[r] : [];
            if (!usable[r] || cands is null || cands.Count == 0)
            {
                rows.Add(null);
                continue;
            }

            var best = cands.Min(x => x.Violations);
            var pool = cands.Where(x => x.Violations == best).ToList();
            rows.Add([.. Enumerable.Range(0, _columns).Select(c => new GridCell(Sorted(pool.Select(x => x.Cells[c].Value).Distinct()), pool[0].Cells[c]))]);
        }

        return new GridSolution(rows.MoveToImmutable(), cost, _limit);
    }

    private static ImmutableArray<decimal?> Sorted(IEnumerable<decimal?>? values) =>
        [.. (values ?? []).OrderBy(v => v ?? decimal.MinValue)];
}
