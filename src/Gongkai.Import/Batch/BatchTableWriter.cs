using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Domain.Reports;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Gongkai.Import.Batch;

/// <summary>
/// Writes a batch as a table, one row per report: <c>file, agency, year, format</c>, every cell of
/// tables 2-4 under its canonical key (<c>table2.rules.issued</c>, <c>table3.new_received.0</c>,
/// <c>table4.reconsideration.4</c>), then <c>errors</c> (the error count) and <c>status</c>.
/// A blank, placeholder or missing cell is an empty field, never 0. Columns are the union over the
/// batch, in the canonical JSON order (a 2019 report adds its own keys).
/// </summary>
public static class BatchTableWriter
{
    /// <summary>The column names and the rows of values (null for an empty field).</summary>
    public static (List<string> Columns, List<List<object?>> Rows) Table(BatchResult batch)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var flattened = new List<Dictionary<string, decimal?>>();
        foreach (var file in batch.Files)
        {
            var cells = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            if (file.Outcome != BatchOutcome.Failed)
            {
                var json = JsonNode.Parse(ReportJson.Serialize(file.Report))!.AsObject();
                foreach (var table in new[] { "table2", "table3", "table4" })
                {
                    if (json[table] is { } node)
                    {
                        Flatten(table, node, cells, keys, seen);
                    }
                }
            }

            flattened.Add(cells);
        }

        var columns = new List<string> { "file", "agency", "year", "format" };
        columns.AddRange(keys);
        columns.Add("errors");
        columns.Add("status");
        var rows = new List<List<object?>>(batch.Files.Length);
        for (var i = 0; i < batch.Files.Length; i++)
        {
            var file = batch.Files[i];
            var failed = file.Outcome == BatchOutcome.Failed;
            var row = new List<object?>(columns.Count)
            {
                file.File,
                failed ? null : file.Report.Agency,
                failed ? null : file.Report.Year,
                failed ? null : file.Report.Format,
            };
            row.AddRange(keys.Select(k => (object?)(flattened[i].TryGetValue(k, out var v) ? v : null)));
            row.Add(file.ErrorCount);
            row.Add(file.Outcome switch
            {
                BatchOutcome.Imported => "imported",
                BatchOutcome.WithErrors => "with-errors",
                _ => "failed: " + file.Reason,
            });
            rows.Add(row);
        }

        return (columns, rows);
    }

    /// <summary>
    /// Writes CSV with <see cref="CsvWriter"/> (RFC 4180, UTF-8 with a byte order mark so that
    /// spreadsheet programs read the Chinese text): numbers as numbers, text that a spreadsheet
    /// would run as a formula neutralised.
    /// </summary>
    public static void WriteCsv(BatchResult batch, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        WriteCsv(batch, writer);
    }

    public static void WriteCsv(BatchResult batch, TextWriter writer)
    {
        var (columns, rows) = Table(batch);
        var csv = new CsvWriter(writer);
        csv.Row(columns);
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                csv.Field(value);
            }

            csv.EndRow();
        }
    }

    /// <summary>
    /// Writes an XLSX workbook with one sheet, 报告, numbers as numbers, text as inline strings.
    /// Written with the Open XML SDK: ClosedXML 0.95 (the version the registry serves) fails to
    /// initialise on .NET 10 (InvalidProgramException in XLWorkbook's type initialiser).
    /// </summary>
    public static void WriteXlsx(BatchResult batch, string path)
    {
        using var stream = File.Create(path);
        WriteXlsx(batch, stream);
    }

    public static void WriteXlsx(BatchResult batch, Stream stream)
    {
        var (columns, rows) = Table(batch);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, columns.Cast<object?>().ToList()));
        for (var r = 0; r < rows.Count; r++)
        {
            data.Append(Row((uint)(r + 2), rows[r]));
        }

        sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            data);
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "报告" });
        workbookPart.Workbook.Save();

        static Row Row(uint index, List<object?> values)
        {
            var row = new Row { RowIndex = index };
            for (var c = 0; c < values.Count; c++)
            {
                var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
                switch (values[c])
                {
                    case null:
                        break;
                    case decimal or int or long or double:
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Format(values[c])) });
                        break;
                    default:
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(values[c]))) });
                        break;
                }
            }

            return row;
        }
    }

    /// <summary>A, B, ..., Z, AA, AB, ... for a 0-based column index.</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    private static void Flatten(string prefix, JsonNode node, Dictionary<string, decimal?> cells, List<string> keys, HashSet<string> seen)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (child is null)
                    {
                        Add(cells, keys, seen, $"{prefix}.{key}", null);
                    }
                    else
                    {
                        Flatten($"{prefix}.{key}", child, cells, keys, seen);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{i}");
                    if (array[i] is JsonArray or JsonObject)
                    {
                        Flatten(key, array[i]!, cells, keys, seen);
                    }
                    else
                    {
                        Add(cells, keys, seen, key, array[i] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null);
                    }
                }

                break;
            case JsonValue value:
                Add(cells, keys, seen, prefix, value.TryGetValue<decimal>(out var number) ? number : null);
                break;
        }

        static void Add(Dictionary<string, decimal?> cells, List<string> keys, HashSet<string> seen, string key, decimal? value)
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }

            cells[key] = value;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

}
