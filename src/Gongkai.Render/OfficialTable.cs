using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>What a cell of an official table holds, which decides how it is drawn.</summary>
public enum OfficialCellKind
{
    /// <summary>A block caption of table 2, e.g. 第二十条第（一）项, spanning the whole width.</summary>
    Caption,

    /// <summary>A column heading (信息内容, 本年制发件数, 自然人, 行政复议 …).</summary>
    Header,

    /// <summary>The 勾稽关系 note in the top-left corner of table 3.</summary>
    Note,

    /// <summary>A row label or a label group (三、本年度办理结果, （三）不予公开 …).</summary>
    Label,

    /// <summary>A cell of the canonical model; <see cref="OfficialCell.Ref"/> names it.</summary>
    Value,
}

/// <summary>
/// One cell of an official table as it is laid out on paper: its text, where it starts in the
/// grid (zero-based row and column, header rows included) and how many rows and columns it spans.
/// A value cell's text is the formatted number, or empty when the report holds no number (never 0).
/// </summary>
public sealed record OfficialCell(
    string Text,
    OfficialCellKind Kind,
    int Row,
    int Column,
    int RowSpan = 1,
    int ColumnSpan = 1,
    CellRef? Ref = null)
{
    /// <summary>The last grid row the cell covers (inclusive).</summary>
    public int LastRow => Row + RowSpan - 1;

    /// <summary>The last grid column the cell covers (inclusive).</summary>
    public int LastColumn => Column + ColumnSpan - 1;
}

/// <summary>
/// One of the three tables of the report laid out exactly as the national format prints it
/// (ogi-domain.md A.3-A.5, B.2): a grid of <see cref="ColumnCount"/> columns whose merged cells
/// carry their spans. The HTML, DOCX and PDF renderers draw this one layout, so they agree.
/// </summary>
/// <param name="Table">The canonical table name (<c>table2</c>, <c>table3</c>, <c>table4</c>).</param>
/// <param name="LayoutId">The catalogue layout the table follows (e.g. <c>table3-2019</c>).</param>
/// <param name="Heading">The section heading the table belongs to.</param>
/// <param name="ColumnWeights">The relative width of each grid column.</param>
/// <param name="HeaderRowCount">How many top rows are the column header, repeated when the table continues on another page (0 for table 2, whose blocks carry their own headers).</param>
/// <param name="RowCount">The number of grid rows, header rows included.</param>
/// <param name="Cells">Every cell, in reading order (by row, then column). Positions covered by a span hold no other cell.</param>
public sealed record OfficialTable(
    string Table,
    string LayoutId,
    string Heading,
    ImmutableArray<double> ColumnWeights,
    int HeaderRowCount,
    int RowCount,
    ImmutableArray<OfficialCell> Cells)
{
    public int ColumnCount => ColumnWeights.Length;

    /// <summary>The cells that start in grid row <paramref name="row"/>, left to right.</summary>
    public IEnumerable<OfficialCell> CellsStartingIn(int row) => Cells.Where(c => c.Row == row);

    /// <summary>The cell that covers grid position (<paramref name="row"/>, <paramref name="column"/>), if any.</summary>
    public OfficialCell? CellAt(int row, int column) =>
        Cells.FirstOrDefault(c => row >= c.Row && row <= c.LastRow && column >= c.Column && column <= c.LastColumn);
}

/// <summary>
/// Lays out a report's tables in the official format. Row and column labels come from the format
/// catalogue; only the words the catalogue does not hold (block captions, 信息内容, 申请人情况,
/// 法人或其他组织 and the 勾稽关系 note) are written here.
/// </summary>
public static class OfficialTables
{
    /// <summary>The note in the top-left corner of table 3.</summary>
    public const string Table3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// <summary>The header over the seven applicant columns of table 3.</summary>
    public const string ApplicantsHeader = "申请人情况";

    /// <summary>The header over the five organisation columns of table 3.</summary>
    public const string OrganisationsHeader = "法人或其他组织";

    /// <summary>The heading of the label column in each block of table 2.</summary>
    public const string ContentHeader = "信息内容";

    // Which item of Art. 20 each row of table 2 reports (the block it is printed in).
    private static readonly ImmutableDictionary<string, string> s_articleItem = new Dictionary<string, string>
    {
        ["rules"] = "第二十条第（一）项",
        ["normative_documents"] = "第二十条第（一）项",
        ["licensing"] = "第二十条第（五）项",
        ["other_services"] = "第二十条第（五）项",
        ["penalty"] = "第二十条第（六）项",
        ["coercion"] = "第二十条第（六）项",
        ["fees"] = "第二十条第（八）项",
        ["procurement"] = "第二十条第（九）项",
    }.ToImmutableDictionary();

    /// <summary>The caption of the table-2 block that holds <paramref name="rowKey"/>, e.g. 第二十条第（一）项.</summary>
    public static string ArticleItemCaption(string rowKey) =>
        s_articleItem.TryGetValue(rowKey, out var caption) ? caption : string.Empty;

    /// <summary>The three tables of <paramref name="report"/> that it has layouts for, in order.</summary>
    public static IReadOnlyList<OfficialTable> All(Report report, FormatCatalogue? catalogue = null) =>
        report.TableLayouts(catalogue).Select(l => Build(report, l)).ToList();

    /// <summary>Lays out <paramref name="table"/> (<c>table2</c>, <c>table3</c> or <c>table4</c>) of <paramref name="report"/>.</summary>
    public static OfficialTable Build(Report report, string table, FormatCatalogue? catalogue = null) =>
        Build(report, report.LayoutOf(table, catalogue));

    /// <summary>Lays out the cells of <paramref name="report"/> in <paramref name="layout"/>.</summary>
    public static OfficialTable Build(Report report, TableLayout layout) => layout.Table switch
    {
        "table2" => BuildTable2(report, layout),
        "table3" => BuildTable3(report, layout),
        "table4" => BuildTable4(report, layout),
        _ => throw new ArgumentException($"No official layout for table '{layout.Table}'.", nameof(layout)),
    };

    /// <summary>The text of a value cell: the number (invariant, no thousands separator, no trailing zeros), or empty.</summary>
    public static string FormatValue(Cell cell) => cell.Value is { } v ? FormatNumber(v) : string.Empty;

    internal static string FormatNumber(decimal value) =>
        value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    // Table 2: a 4-column grid of blocks; each block is a caption row, a header row (信息内容 and
    // the column labels) and its data rows. A row with fewer than 3 values widens its last value
    // cell to fill the grid, as the official table does for the one-value rows.
    private static OfficialTable BuildTable2(Report report, TableLayout layout)
    {
        const int valueColumns = 3;
        var cells = ImmutableArray.CreateBuilder<OfficialCell>();
        var row = 0;
        string? currentCaption = null;
        string? currentHeader = null;
        foreach (var def in layout.Rows)
        {
            var caption = ArticleItemCaption(def.Key);
            var header = string.Join('|', def.Columns.Select(c => c.Label));
            if (caption != currentCaption)
            {
                cells.Add(new OfficialCell(caption, OfficialCellKind.Caption, row++, 0, ColumnSpan: valueColumns + 1));
                currentCaption = caption;
                currentHeader = null;
            }

            if (header != currentHeader)
            {
                cells.Add(new OfficialCell(ContentHeader, OfficialCellKind.Header, row, 0));
                AddSpread(def.Columns.Select(c => (c.Label, OfficialCellKind.Header, (CellRef?)null)).ToList(), row++);
                currentHeader = header;
            }

            cells.Add(new OfficialCell(def.Label, OfficialCellKind.Label, row, 0));
            AddSpread(
                Enumerable.Range(0, def.Columns.Length)
                    .Select(c => new CellRef(layout.Table, def.Key, c))
                    .Select(r => (FormatValue(report[r]), OfficialCellKind.Value, (CellRef?)r))
                    .ToList(),
                row++);
        }

        return new OfficialTable(layout.Table, layout.Id, layout.Title, [0.34, 0.22, 0.22, 0.22], 0, row, cells.ToImmutable());

        void AddSpread(List<(string Text, OfficialCellKind Kind, CellRef? Ref)> items, int r)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var span = i == items.Count - 1 ? valueColumns - i : 1;
                cells.Add(new OfficialCell(items[i].Text, items[i].Kind, r, 1 + i, ColumnSpan: span, Ref: items[i].Ref));
            }
        }
    }

    // Table 3: three label columns and the seven applicant columns under a three-row header.
    private static OfficialTable BuildTable3(Report report, TableLayout layout)
    {
        const int labelColumns = 3;
        const int headerRows = 3;
        var columns = layout.Columns;
        var cells = ImmutableArray.CreateBuilder<OfficialCell>();

        // Header: the note, 申请人情况 over all columns, then 自然人 | 法人或其他组织 | 总计 with
        // the five organisation columns beneath the middle group.
        cells.Add(new OfficialCell(Table3Note, OfficialCellKind.Note, 0, 0, RowSpan: headerRows, ColumnSpan: labelColumns));
        cells.Add(new OfficialCell(ApplicantsHeader, OfficialCellKind.Header, 0, labelColumns, ColumnSpan: columns.Length));
        var organisations = columns.Length - 2;
        cells.Add(new OfficialCell(columns[0].Label, OfficialCellKind.Header, 1, labelColumns, RowSpan: 2));
        cells.Add(new OfficialCell(OrganisationsHeader, OfficialCellKind.Header, 1, labelColumns + 1, ColumnSpan: organisations));
        cells.Add(new OfficialCell(columns[^1].Label, OfficialCellKind.Header, 1, labelColumns + columns.Length - 1, RowSpan: 2));
        for (var c = 1; c <= organisations; c++)
        {
            cells.Add(new OfficialCell(columns[c].Label, OfficialCellKind.Header, 2, labelColumns + c));
        }

        // Labels: the catalogue writes each row's full path (三、本年度办理结果（一）予以公开,
        // （三）不予公开 1.属于国家秘密); equal consecutive parts become one merged cell.
        var paths = LabelPaths(layout.Rows);
        for (var i = 0; i < paths.Count; i++)
        {
            var row = headerRows + i;
            var (group, subgroup, item) = paths[i];
            if (subgroup is null)
            {
                cells.Add(new OfficialCell(group, OfficialCellKind.Label, row, 0, ColumnSpan: labelColumns));
            }
            else
            {
                if (i == 0 || paths[i - 1].Subgroup is null || paths[i - 1].Group != group)
                {
                    var span = CountWhile(paths, i, p => p.Subgroup is not null && p.Group == group);
                    cells.Add(new OfficialCell(group, OfficialCellKind.Label, row, 0, RowSpan: span));
                }

                if (item is null)
                {
                    cells.Add(new OfficialCell(subgroup, OfficialCellKind.Label, row, 1, ColumnSpan: 2));
                }
                else
                {
                    if (i == 0 || paths[i - 1].Subgroup != subgroup || paths[i - 1].Group != group)
                    {
                        var span = CountWhile(paths, i, p => p.Group == group && p.Subgroup == subgroup && p.Item is not null);
                        cells.Add(new OfficialCell(subgroup, OfficialCellKind.Label, row, 1, RowSpan: span));
                    }

                    cells.Add(new OfficialCell(item, OfficialCellKind.Label, row, 2));
                }
            }

            AddValues(cells, report, layout, layout.Rows[i], row, labelColumns);
        }

        double[] weights = [0.085, 0.085, 0.25, .. Enumerable.Repeat(0.58 / columns.Length, columns.Length)];
        return new OfficialTable(layout.Table, layout.Id, layout.Title, [.. weights], headerRows, headerRows + paths.Count, cells.ToImmutable());
    }

    // Table 4: one data row of three groups of five; a row label 行政诉讼 未经复议直接起诉 puts its
    // group under the header 行政诉讼 shared by the rows that start with the same word.
    private static OfficialTable BuildTable4(Report report, TableLayout layout)
    {
        const int headerRows = 3;
        var width = layout.Columns.Length;
        var cells = ImmutableArray.CreateBuilder<OfficialCell>();
        var groups = layout.Rows
            .Select(r => r.Label.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var column = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            var parts = groups[i];
            if (parts.Length == 1)
            {
                cells.Add(new OfficialCell(parts[0], OfficialCellKind.Header, 0, column, ColumnSpan: width));
                for (var c = 0; c < width; c++)
                {
                    cells.Add(new OfficialCell(layout.Columns[c].Label, OfficialCellKind.Header, 1, column + c, RowSpan: 2));
                }
            }
            else
            {
                if (i == 0 || groups[i - 1].Length == 1 || groups[i - 1][0] != parts[0])
                {
                    var span = CountWhile(groups, i, g => g.Length > 1 && g[0] == parts[0]);
                    cells.Add(new OfficialCell(parts[0], OfficialCellKind.Header, 0, column, ColumnSpan: width * span));
                }

                cells.Add(new OfficialCell(parts[1], OfficialCellKind.Header, 1, column, ColumnSpan: width));
                for (var c = 0; c < width; c++)
                {
                    cells.Add(new OfficialCell(layout.Columns[c].Label, OfficialCellKind.Header, 2, column + c));
                }
            }

            column += width;
        }

        // The data row lists each group's values in the order of the header, left to right.
        var dataRow = ImmutableArray.CreateBuilder<OfficialCell>();
        column = 0;
        foreach (var def in layout.Rows)
        {
            for (var c = 0; c < def.Columns.Length; c++)
            {
                var cellRef = new CellRef(layout.Table, def.Key, c);
                dataRow.Add(new OfficialCell(FormatValue(report[cellRef]), OfficialCellKind.Value, headerRows, column++, Ref: cellRef));
            }
        }

        var ordered = cells.OrderBy(c => c.Row).ThenBy(c => c.Column).Concat(dataRow);
        return new OfficialTable(layout.Table, layout.Id, layout.Title, [.. Enumerable.Repeat(1.0 / column, column)], headerRows, headerRows + 1, [.. ordered]);
    }

    private static void AddValues(ImmutableArray<OfficialCell>.Builder cells, Report report, TableLayout layout, RowDef def, int row, int firstColumn)
    {
        for (var c = 0; c < def.Columns.Length; c++)
        {
            var cellRef = new CellRef(layout.Table, def.Key, c);
            cells.Add(new OfficialCell(FormatValue(report[cellRef]), OfficialCellKind.Value, row, firstColumn + c, Ref: cellRef));
        }
    }

    /// <summary>
    /// Splits each table-3 label into (group, subgroup, item): 一、本年新收… is a group alone;
    /// 三、本年度办理结果（一）予以公开 is a group and a subgroup; （三）不予公开 1.属于国家秘密 is a
    /// subgroup and an item of the group of the row before it.
    /// </summary>
    internal static List<(string Group, string? Subgroup, string? Item)> LabelPaths(IEnumerable<RowDef> rows)
    {
        var paths = new List<(string Group, string? Subgroup, string? Item)>();
        string? openGroup = null;
        foreach (var row in rows)
        {
            var label = row.Label.Trim();
            string group;
            string? rest;
            if (label.StartsWith('（') && openGroup is not null)
            {
                group = openGroup;
                rest = label;
            }
            else
            {
                var sub = label.IndexOf('（', StringComparison.Ordinal);
                var numbered = label.Length > 1 && label[1] == '、';
                if (numbered && sub > 0)
                {
                    group = label[..sub];
                    rest = label[sub..];
                }
                else
                {
                    group = label;
                    rest = null;
                }
            }

            if (rest is null)
            {
                paths.Add((group, null, null));
                openGroup = null;
                continue;
            }

            openGroup = group;
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && space + 1 < rest.Length && char.IsAsciiDigit(rest[space + 1]))
            {
                paths.Add((group, rest[..space], rest[(space + 1)..].Trim()));
            }
            else
            {
                paths.Add((group, rest, null));
            }
        }

        return paths;
    }

    private static int CountWhile<T>(IReadOnlyList<T> items, int start, Func<T, bool> predicate)
    {
        var n = 0;
        while (start + n < items.Count && predicate(items[start + n]))
        {
            n++;
        }

        return n;
    }
}
