using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports;

/// <summary>Names one cell of the canonical model: a table, a row key and a column index within the row.</summary>
public readonly record struct CellRef(string Table, string Row, int Column)
{
    /// <summary>The stable path of the cell, e.g. <c>table3.new_received[0]</c>.</summary>
    public override string ToString() => $"{Table}.{Row}[{Column.ToString(CultureInfo.InvariantCulture)}]";
}

/// <summary>What the source said in a cell.</summary>
public enum CellState
{
    /// <summary>A number.</summary>
    Number,

    /// <summary>The cell is present but empty.</summary>
    Blank,

    /// <summary>The cell holds a placeholder or text instead of a number (<c>/</c>, <c>-</c>, <c>251000元</c>).</summary>
    NonNumeric,

    /// <summary>The row or cell could not be found in the source.</summary>
    Missing,

    /// <summary>The source allows more than one reading; <see cref="Cell.Readings"/> lists them.</summary>
    Ambiguous,
}

/// <summary>
/// Where something came from in a source document. Text sources give a line; HTML and DOCX a
/// table, row and cell; PDF a page and the position of the word (points from the bottom left).
/// </summary>
public sealed record SourceLocation(
    string? File = null,
    int? Line = null,
    int? Page = null,
    double? X = null,
    double? Y = null,
    int? Table = null,
    int? Row = null,
    int? Cell = null)
{
    /// <summary>The location without the file name, e.g. <c>57</c>, <c>p3 (x 120, y 540)</c>, <c>table 2 row 5 cell 3</c>.</summary>
    public string Place()
    {
        var parts = new List<string>(3);
        if (Line is { } line)
        {
            parts.Add(line.ToString(CultureInfo.InvariantCulture));
        }

        if (Page is { } page)
        {
            parts.Add(X is { } x && Y is { } y
                ? FormattableString.Invariant($"p{page} (x {x:0}, y {y:0})")
                : FormattableString.Invariant($"p{page}"));
        }

        if (Table is { } table)
        {
            parts.Add(Row is { } row
                ? FormattableString.Invariant($"table {table} row {row} cell {Cell ?? 0}")
                : FormattableString.Invariant($"table {table}"));
        }

        return string.Join(' ', parts);
    }

    /// <summary><c>file:place</c> as used at the start of a finding line.</summary>
    public override string ToString()
    {
        var place = Place();
        return File is null ? place : place.Length == 0 ? File : $"{File}:{place}";
    }
}

/// <summary>A cell of the report: its value (when it holds a number), the raw text and its source.</summary>
public sealed record Cell(CellState State, decimal? Value, string? Raw = null, SourceLocation? Source = null, IReadOnlyList<decimal>? Readings = null)
{
    public static Cell Missing { get; } = new(CellState.Missing, null);

    public static Cell Of(decimal value, SourceLocation? source = null, string? raw = null) => new(CellState.Number, value, raw, source);

    public static Cell Blank(SourceLocation? source = null) => new(CellState.Blank, null, string.Empty, source);

    public static Cell NonNumeric(string raw, SourceLocation? source = null) => new(CellState.NonNumeric, null, raw, source);

    public static Cell Ambiguous(IReadOnlyList<decimal> readings, string raw, SourceLocation? source = null) =>
        new(CellState.Ambiguous, null, raw, source, readings);
}

/// <summary>What a value's printed form alone says about it (report-json.md, values as printed).</summary>
public static partial class PrintedValue
{
    /// <summary>
    /// Whether <paramref name="text"/> is a number in scientific notation (<c>1.23457e+06</c>: tabulate's,
    /// and so pandas' <c>to_markdown</c>, default for a float column, six significant digits): a value,
    /// but rounded, so not the count printed. Read as CELL.non-numeric, not as 1234570.
    /// </summary>
    public static bool IsScientific(string text) => Scientific().IsMatch(text);

    [GeneratedRegex(@"^[+\-]?\d+(\.\d+)?[eE][+\-]?\d{1,3}$")]
    private static partial Regex Scientific();
}
