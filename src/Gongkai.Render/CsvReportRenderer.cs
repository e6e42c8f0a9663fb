using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>
/// Renders the report's cells as CSV (RFC 4180, CRLF, UTF-8 with a byte order mark so that Excel
/// and WPS read the Chinese): a header line, then one line per cell of tables 2-4 in reading order
/// with the table, the row key, the column key, the Chinese row and column labels and the value
/// (empty when the report holds no number), written with the project's one <see cref="CsvWriter"/>.
/// </summary>
public sealed class CsvReportRenderer(FormatCatalogue? catalogue = null) : IReportRenderer
{
    /// <summary>The names of the CSV columns.</summary>
    public static readonly IReadOnlyList<string> Header = ["table", "row", "column", "row_label", "column_label", "value"];

    private readonly FormatCatalogue _catalogue = catalogue ?? FormatCatalogue.Default;

    public string Format => "csv";

    public string MediaType => "text/csv; charset=utf-8";

    public string FileExtension => ".csv";

    public void Render(Report report, Stream output)
    {
        output.Write(Encoding.UTF8.GetPreamble());
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(RenderToString(report));
        output.Write(bytes);
    }

    /// <summary>The CSV text, without the byte order mark.</summary>
    public string RenderToString(Report report)
    {
        using var text = new StringWriter(new System.Text.StringBuilder(16 * 1024), System.Globalization.CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.Row(Header);
        foreach (var layout in report.TableLayouts(_catalogue))
        {
            foreach (var row in layout.Rows)
            {
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    var column = layout.IsGrid ? layout.Columns[c] : row.Columns[c];
                    csv.Text(layout.Table).Text(row.Key).Text(column.Key).Text(row.Label).Text(column.Label)
                        .Number(report[layout.Table, row.Key, c].Value);
                    csv.EndRow();
                }
            }
        }

        return text.ToString();
    }
}
