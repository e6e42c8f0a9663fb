using System.Collections.Immutable;
using System.Globalization;

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

            CheckCells(report, layout, findings);
            foreach (var rule in cat.Rules.Where(r => r.Table == layout.Table))
            {
                CheckEquation(report, layout, rule, findings);
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

    private static void CheckCells(Report report, TableLayout layout, List<Diagnostic> findings)
    {
        foreach (var row in layout.Rows)
        {
            for (var c = 0; c < row.Columns.Length; c++)
            {
                var cellRef = new CellRef(layout.Table, row.Key, c);
                var cell = report[cellRef];
                switch (cell.State)
                {
                    case CellState.Blank:
                        findings.Add(DiagnosticCodes.Create(DiagnosticCodes.CellBlank, $"{CellName(layout, row, c)}：单元格为空，应填数字（没有的填0）", cell.Source, cellRef));
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

    private static void CheckEquation(Report report, TableLayout layout, EquationRule rule, List<Diagnostic> findings)
    {
        if (rule.Over == RuleScope.Columns)
        {
            var left = ExpandRows(layout, rule.Left);
            var right = ExpandRows(layout, rule.Right);
            if (left is null || right is null)
            {
                return;
            }

            for (var c = 0; c < layout.Columns.Length; c++)
            {
                var column = c;
                var terms = new Terms(report, layout.Table, [.. left.Select(r => (r.Key, column)), .. right.Select(r => (r.Key, column))], left.Count);
                if (terms.Differ)
                {
                    findings.Add(terms.Finding(rule, $"{layout.Columns[c].Label}列", i => i < left.Count ? left[i].ShortLabel : right[i - left.Count].ShortLabel));
                }
            }
        }
        else
        {
            var left = ExpandColumns(layout, rule.Left);
            var right = ExpandColumns(layout, rule.Right);
            if (left is null || right is null)
            {
                return;
            }

            var columns = left.Concat(right).ToArray();
            foreach (var row in layout.Rows)
            {
                var terms = new Terms(report, layout.Table, [.. columns.Select(c => (row.Key, c))], left.Count);
                if (terms.Differ)
                {
                    findings.Add(terms.Finding(rule, $"{row.ShortLabel}行", i => layout.Columns[columns[i]].Label));
                }
            }
        }
    }

    /// <summary>
    /// An equation's cells, the first <c>leftCount</c> on its left: evaluated without a string made
    /// (most equations hold), worded only when the two sides differ.
    /// </summary>
    private readonly struct Terms
    {
        private readonly CellRef[] _refs;
        private readonly Cell[] _cells;
        private readonly int _leftCount;

        public Terms(Report report, string table, (string Row, int Column)[] cells, int leftCount)
        {
            _leftCount = leftCount;
            _refs = new CellRef[cells.Length];
            _cells = new Cell[cells.Length];
            decimal l = 0, r = 0;
            var complete = true;
            for (var i = 0; i < cells.Length; i++)
            {
                _refs[i] = new CellRef(table, cells[i].Row, cells[i].Column);
                _cells[i] = report[_refs[i]];
                if (_cells[i].Value is not { } value)
                {
                    complete = false;
                }
                else if (i < leftCount)
                {
                    l += value;
                }
                else
                {
                    r += value;
                }
            }

            // A rule whose cells are not all numbers is not evaluated; the CELL.* finding covers it.
            Differ = complete && l != r;
            Right = r;
        }

        public bool Differ { get; }

        private decimal Right { get; }

        public Diagnostic Finding(EquationRule rule, string scope, Func<int, string> label)
        {
            var cells = _cells;
            string Side(int from, int to) =>
                string.Join('+', Enumerable.Range(from, to - from).Select(i => $"{label(i)}({Num(cells[i].Value!.Value)})"));

            var message = $"{scope}：{Side(0, _leftCount)}≠{Side(_leftCount, cells.Length)}";
            if (cells.Length - _leftCount > 3)
            {
                message += $"（合计{Num(Right)}）";
            }

            var location = cells[0].Source ?? cells.FirstOrDefault(c => c.Source is not null)?.Source;
            return DiagnosticCodes.Create(rule.Id, message, location, [.. _refs]);
        }
    }

    private static List<RowDef>? ExpandRows(TableLayout layout, ImmutableArray<string> keys)
    {
        var rows = new List<RowDef>();
        foreach (var key in keys)
        {
            if (key == "@outcome")
            {
                rows.AddRange(layout.Rows.Where(r => r.IsOutcome));
            }
            else if (layout.Row(key) is { } row)
            {
                rows.Add(row);
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
