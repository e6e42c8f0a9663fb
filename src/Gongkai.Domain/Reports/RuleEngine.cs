using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Gongkai.Domain.Reports;

/// <summary>
/// Evaluates every rule of the format catalogue against a report: the regular equations
/// (T3.balance, T3.row-total, T3.outcome-total, T4.total) from data, the cell checks
/// (CELL.*) from the cells' states, and FORMAT.mixed. A rule whose cells are not all numbers is
/// not evaluated; the CELL.* finding covers it.
/// </summary>
public static class RuleEngine
{
    /// <summary>The report with the findings of every rule appended to its diagnostics.</summary>
    public static Report Validate(Report report, FormatCatalogue? catalogue = null) =>
        report.WithDiagnostics(Check(report, catalogue));

    /// <summary>The findings of every rule, in table order.</summary>
    public static IReadOnlyList<Diagnostic> Check(Report report, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var findings = new List<Diagnostic>();
        var formats = new HashSet<string>();
        foreach (var layout in report.TableLayouts(cat))
        {
            if (layout.Format != "*")
            {
                formats.Add(layout.Format);
            }

            var grid = ReadGrid(report, layout);
            CheckCells(layout, grid, findings);
            foreach (var rule in cat.Rules)
            {
                if (rule.Table == layout.Table)
                {
                    CheckEquation(layout, grid, rule, findings);
                }
            }
        }

        if (formats.Count > 1)
        {
            var parts = report.TableLayouts(cat).Where(l => l.Format != "*")
                .Select(l => $"{TableName(l.Table)}为{l.Format}年格式");
            findings.Add(DiagnosticCodes.Create(DiagnosticCodes.FormatMixed, $"表格混用2019年与2021年格式：{string.Join('，', parts)}", null));
        }

        return findings;
    }

    /// <summary>
    /// Whether the row holds its own equations (those instantiated per row, as table 3's and 4's
    /// 总计 = the sum of the row's other columns). A side that is not all numbers is not evaluated.
    /// </summary>
    public static bool RowHolds(Report report, TableLayout layout, RowDef row, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var at = layout.Rows.IndexOf(row);
        if (at < 0)
        {
            return true;
        }

        var grid = ReadGrid(report, layout);
        foreach (var rule in cat.Rules)
        {
            if (rule.Table == layout.Table && rule.Over == RuleScope.Rows && Resolve(layout, rule) is var (left, right) && Differ(grid, rule.Over, left, right, at))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cross-year checks against the previous year's report (X.carry-over, X.in-force).</summary>
    public static IReadOnlyList<Diagnostic> CheckAgainstPrevious(Report report, Report previous, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var findings = new List<Diagnostic>();
        var t3 = report.LayoutOf("table3", cat);
        for (var c = 0; c < t3.Columns.Length; c++)
        {
            var now = report["table3", "carried_over", c];
            var before = previous["table3", "carried_forward", c];
            if (now.Value is { } a && before.Value is { } b && a != b)
            {
                findings.Add(DiagnosticCodes.Create(
                    DiagnosticCodes.CrossCarryOver,
                    $"{t3.Columns[c].Label}列：上年结转({Num(a)})≠上一年度报告的结转下年度继续办理({Num(b)})",
                    now.Source,
                    new CellRef("table3", "carried_over", c)));
            }
        }

        if (report.Layouts["table2"] == "table2-2021" && previous.Layouts["table2"] == "table2-2021")
        {
            foreach (var row in new[] { "rules", "normative_documents" })
            {
                var issued = report["table2", row, 0].Value;
                var repealed = report["table2", row, 1].Value;
                var inForce = report["table2", row, 2];
                var lastInForce = previous["table2", row, 2].Value;
                if (issued is { } i && repealed is { } r && inForce.Value is { } f && lastInForce is { } l && l + i - r != f)
                {
                    var label = report.LayoutOf("table2", cat).Row(row)!.Label;
                    findings.Add(DiagnosticCodes.Create(
                        DiagnosticCodes.CrossInForce,
                        $"{label}：现行有效件数({Num(f)})≠上年现行有效({Num(l)})+本年制发({Num(i)})−本年废止({Num(r)})",
                        inForce.Source,
                        new CellRef("table2", row, 2)));
                }
            }
        }

        return findings;
    }

    /// <summary>A layout's cells read once from the report: <c>[row index][column index]</c>.</summary>
    private static Cell[][] ReadGrid(Report report, TableLayout layout)
    {
        var grid = new Cell[layout.Rows.Length][];
        for (var r = 0; r < grid.Length; r++)
        {
            var row = layout.Rows[r];
            var cells = new Cell[row.Columns.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = report[new CellRef(layout.Table, row.Key, c)];
            }

            grid[r] = cells;
        }

        return grid;
    }

    private static void CheckCells(TableLayout layout, Cell[][] grid, List<Diagnostic> findings)
    {
        for (var r = 0; r < grid.Length; r++)
        {
            var row = layout.Rows[r];
            for (var c = 0; c < grid[r].Length; c++)
            {
                var cell = grid[r][c];
                if (cell.State == CellState.Number && (cell.Value >= 0 || row.Columns[c].AllowNegative)
                    && (row.IsDecimal || cell.Value == decimal.Truncate(cell.Value!.Value)))
                {
                    continue; // the common case: a number that may stand here
                }

                var cellRef = new CellRef(layout.Table, row.Key, c);
                switch (cell.State)
                {
                    case CellState.Blank:
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellBlank, $"{CellName(layout, row, c)}：单元格为空，应填数字（没有的填0）", cell.Source, cellRef));
                        break;
                    case CellState.NonNumeric when cell.Raw is { } raw && PrintedValue.IsScientific(raw):
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellNonNumeric, $"{CellName(layout, row, c)}：“{raw}”是四舍五入后的科学记数法，无法还原准确数字", cell.Source, cellRef));
                        break;
                    case CellState.NonNumeric:
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellNonNumeric, $"{CellName(layout, row, c)}：“{cell.Raw}”不是数字", cell.Source, cellRef));
                        break;
                    case CellState.Missing:
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellMissing, $"{CellName(layout, row, c)}：未找到该单元格", cell.Source, cellRef));
                        break;
                    case CellState.Ambiguous:
                        var readings = string.Join('、', (cell.Readings ?? []).Select(Num));
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellAmbiguous, $"{CellName(layout, row, c)}：“{cell.Raw}”可有多种读法（{readings}），未取值", cell.Source, cellRef));
                        break;
                    case CellState.Number when cell.Value < 0 && !row.Columns[c].AllowNegative:
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellNegative, $"{CellName(layout, row, c)}：数值({Num(cell.Value.Value)})不能为负数", cell.Source, cellRef));
                        break;
                    case CellState.Number when !row.IsDecimal && cell.Value != decimal.Truncate(cell.Value!.Value):
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellNonNumeric, $"{CellName(layout, row, c)}：件数应为整数，实为“{cell.Raw ?? Num(cell.Value.Value)}”", cell.Source, cellRef));
                        break;
                }
            }
        }
    }

    /// <summary>
    /// An equation's two sides as indices into the layout: rows when it is instantiated per column,
    /// columns when per row; null when the layout lacks one of its keys. Resolved once per layout.
    /// </summary>
    private static readonly ConditionalWeakTable<TableLayout, ConcurrentDictionary<EquationRule, (int[] Left, int[] Right)?>> s_resolved = new();

    private static (int[] Left, int[] Right)? Resolve(TableLayout layout, EquationRule rule) =>
        s_resolved.GetValue(layout, _ => new ConcurrentDictionary<EquationRule, (int[] Left, int[] Right)?>(ReferenceEqualityComparer.Instance))
            .GetOrAdd(rule, r =>
            {
                var left = r.Over == RuleScope.Columns ? ExpandRows(layout, r.Left) : ExpandColumns(layout, r.Left);
                var right = r.Over == RuleScope.Columns ? ExpandRows(layout, r.Right) : ExpandColumns(layout, r.Right);
                return left is null || right is null ? null : ([.. left], [.. right]);
            });

    private static void CheckEquation(TableLayout layout, Cell[][] grid, EquationRule rule, List<Diagnostic> findings)
    {
        if (Resolve(layout, rule) is not var (left, right))
        {
            return;
        }

        // Per column, the terms are rows; per row, they are columns.
        var instances = rule.Over == RuleScope.Columns ? layout.Columns.Length : grid.Length;
        for (var at = 0; at < instances; at++)
        {
            if (Differ(grid, rule.Over, left, right, at))
            {
                findings.Add(Finding(layout, grid, rule, left, right, at));
            }
        }
    }

    /// <summary>The cell of term <paramref name="term"/> of an equation's instance <paramref name="at"/>.</summary>
    private static Cell Term(Cell[][] grid, RuleScope over, int term, int at)
    {
        var (row, column) = over == RuleScope.Columns ? (term, at) : (at, term);
        return column < grid[row].Length ? grid[row][column] : Cell.Missing;
    }

    /// <summary>
    /// Whether both sides are numbers and their sums differ. A rule whose cells are not all numbers
    /// is not evaluated; the CELL.* finding covers it. Nothing is allocated: most equations hold.
    /// </summary>
    private static bool Differ(Cell[][] grid, RuleScope over, int[] left, int[] right, int at)
    {
        decimal l = 0, r = 0;
        foreach (var i in left)
        {
            if (Term(grid, over, i, at).Value is not { } value)
            {
                return false;
            }

            l += value;
        }

        foreach (var i in right)
        {
            if (Term(grid, over, i, at).Value is not { } value)
            {
                return false;
            }

            r += value;
        }

        return l != r;
    }

    /// <summary>The finding of an equation instance whose sides differ, each term named and valued.</summary>
    private static Diagnostic Finding(TableLayout layout, Cell[][] grid, EquationRule rule, int[] left, int[] right, int at)
    {
        var perColumn = rule.Over == RuleScope.Columns;
        Cell Cell(int i) => Term(grid, rule.Over, i, at);
        string Label(int i) => perColumn ? layout.Rows[i].ShortLabel : layout.Columns[i].Label;
        string Side(int[] terms) => string.Join('+', terms.Select(i => $"{Label(i)}({Num(Cell(i).Value!.Value)})"));

        var scope = perColumn ? $"{layout.Columns[at].Label}列" : $"{layout.Rows[at].ShortLabel}行";
        var message = $"{scope}：{Side(left)}≠{Side(right)}";
        if (right.Length > 3)
        {
            message += $"（合计{Num(right.Sum(i => Cell(i).Value!.Value))}）";
        }

        int[] terms = [.. left, .. right];
        var location = Cell(terms[0]).Source ?? terms.Select(Cell).FirstOrDefault(c => c.Source is not null)?.Source;
        return DiagnosticCodes.Create(
            rule.Id,
            message,
            location,
            [.. terms.Select(i => perColumn ? new CellRef(layout.Table, layout.Rows[i].Key, at) : new CellRef(layout.Table, layout.Rows[at].Key, i))]);
    }

    private static List<int>? ExpandRows(TableLayout layout, ImmutableArray<string> keys)
    {
        var rows = new List<int>();
        foreach (var key in keys)
        {
            var index = -1;
            for (var i = 0; i < layout.Rows.Length && index < 0; i++)
            {
                index = layout.Rows[i].Key == key ? i : -1;
            }

            if (key == "@outcome")
            {
                rows.AddRange(Enumerable.Range(0, layout.Rows.Length).Where(i => layout.Rows[i].IsOutcome));
            }
            else if (index >= 0)
            {
                rows.Add(index);
            }
            else
            {
                return null;
            }
        }

        return rows;
    }

    private static List<int>? ExpandColumns(TableLayout layout, ImmutableArray<string> keys)
    {
        var columns = new List<int>();
        foreach (var key in keys)
        {
            var index = -1;
            for (var i = 0; i < layout.Columns.Length && index < 0; i++)
            {
                index = layout.Columns[i].Key == key ? i : -1;
            }

            if (index < 0)
            {
                return null;
            }

            columns.Add(index);
        }

        return columns;
    }

    /// <summary>A cell named by its Chinese table, row and column labels.</summary>
    public static string CellName(TableLayout layout, RowDef row, int column)
    {
        var name = $"{TableName(layout.Table)}“{row.ShortLabel}”";
        return row.IsScalar ? name : $"{name}“{row.Columns[column].Label}”列";
    }

    public static string TableName(string table) => table switch
    {
        "table2" => "表二",
        "table3" => "表三",
        "table4" => "表四",
        _ => table,
    };

    internal static string Num(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
