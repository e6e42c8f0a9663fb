using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The canonical JSON form of a report (shared/spec/report-json.md). Writes the canonical keys,
/// plus <c>provenance</c> (where each number came from) and <c>sections</c>; reads it back.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Report report, bool includeExtras = true)
    {
        using var stream = new MemoryStream();
        Write(stream, report, includeExtras);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Stream stream, Report report, bool includeExtras = true)
    {
        using var w = new Utf8JsonWriter(stream, s_writerOptions);
        w.WriteStartObject();
        w.WriteString("format", report.Format);
        WriteNullable(w, "agency", report.Agency);
        if (report.Year is { } year)
        {
            w.WriteNumber("year", year);
        }
        else
        {
            w.WriteNull("year");
        }

        foreach (var layout in report.TableLayouts())
        {
            w.WritePropertyName(layout.Table);
            WriteTable(w, report, layout);
        }

        w.WriteStartArray("diagnostics");
        foreach (var d in report.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", d.Message);
            w.WriteString("location", d.Location?.ToString() ?? report.SourceName ?? string.Empty);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (includeExtras)
        {
            WriteNullable(w, "title", report.Title);
            w.WriteString("layout_table3", report.Layouts.GetValueOrDefault("table3"));
            w.WriteStartObject("provenance");
            foreach (var layout in report.TableLayouts())
            {
                foreach (var cell in layout.Cells())
                {
                    if (report[cell].Source is { } source)
                    {
                        w.WriteString(cell.ToString(), source.Place());
                    }
                }
            }

            w.WriteEndObject();
            w.WriteStartArray("sections");
            foreach (var s in report.Sections)
            {
                w.WriteStartObject();
                w.WriteNumber("number", s.Number);
                w.WriteString("heading", s.Heading);
                w.WriteString("text", s.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter w, Report report, TableLayout layout)
    {
        w.WriteStartObject();
        foreach (var row in layout.Rows)
        {
            w.WritePropertyName(row.Key);
            if (row.IsScalar)
            {
                WriteCell(w, report[layout.Table, row.Key, 0]);
            }
            else if (layout.IsGrid)
            {
                w.WriteStartArray();
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    WriteCell(w, report[layout.Table, row.Key, c]);
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteStartObject();
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    w.WritePropertyName(row.Columns[c].Key);
                    WriteCell(w, report[layout.Table, row.Key, c]);
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, Cell cell)
    {
        if (cell.Value is { } v)
        {
            w.WriteNumberValue(v == decimal.Truncate(v) ? decimal.Truncate(v) : v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>
    /// Reads a canonical report (as written by <see cref="Write"/> or hand-made, like the samples'
    /// <c>.expected.json</c>). The layouts are recognised from the keys present; null cells are blank.
    /// </summary>
    public static Report Parse(string json, FormatCatalogue? catalogue = null)
    {
        var cat = catalogue ?? FormatCatalogue.Default;
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("Not a JSON object.");
        var table2 = root["table2"] as JsonObject;
        var table3 = root["table3"] as JsonObject;
        var t2Layout = table2 is not null && table2["rules"]?["new_made"] is not null ? "table2-2019" : "table2-2021";
        var t3Layout = table3 is not null && table3.ContainsKey("other") ? "table3-2019" : "table3-2021";
        var format = (string?)root["format"] ?? (t2Layout == "table2-2019" ? "2019" : "2021");
        var builder = new ReportBuilder(format, cat)
        {
            Agency = (string?)root["agency"],
            Year = (int?)root["year"],
            Title = (string?)root["title"],
        };
        builder.UseLayout(t2Layout).UseLayout(t3Layout);
        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            if (root[table] is not JsonObject obj)
            {
                continue;
            }

            var layout = builder.LayoutOf(table);
            foreach (var row in layout.Rows)
            {
                var node = obj[row.Key];
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    var valueNode = row.IsScalar ? node
                        : layout.IsGrid ? (node as JsonArray)?.ElementAtOrDefault(c)
                        : node?[row.Columns[c].Key];
                    var cell = node is null ? Cell.Missing
                        : valueNode is JsonValue v && v.TryGetValue<decimal>(out var d) ? Cell.Of(d)
                        : Cell.Blank();
                    builder.Set(new CellRef(table, row.Key, c), cell);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The expected error codes listed in a sample's <c>.expected.json</c>.</summary>
    public static ImmutableArray<string> ExpectedErrorCodes(string json) =>
        JsonNode.Parse(json)?["expected_error_codes"] is JsonArray a ? a.Select(x => (string)x!).ToImmutableArray() : [];
}
