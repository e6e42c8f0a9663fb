using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>
/// Renders a report as one standalone HTML5 page (UTF-8, <c>lang="zh-CN"</c>, print CSS for A4
/// embedded, no external resources): the title, the six sections and the three tables with the
/// merged cells of the official format. Every text is HTML-encoded. Each value cell carries
/// <c>data-cell="table3.granted[0]"</c> so that tools can find it.
/// </summary>
public sealed class HtmlReportRenderer(FormatCatalogue? catalogue = null) : IReportRenderer
{
    // Fonts: 宋体 where installed (Windows, WPS), the Noto/Source Han serif elsewhere.
    private const string Css = """
        @page { size: A4 portrait; margin: 25mm 20mm 22mm 20mm; }
        :root { color: #000; background: #fff; }
        body { margin: 0; font-family: SimSun, "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.7; }
        .report { max-width: 170mm; margin: 0 auto; padding: 16mm 0; }
        h1 { font-size: 18pt; font-weight: bold; text-align: center; line-height: 1.4; margin: 0 0 1.2em; }
        h2 { font-family: SimHei, "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 13pt; font-weight: bold; margin: 1.2em 0 0.5em; break-after: avoid; }
        p { text-indent: 2em; margin: 0 0 0.3em; text-align: justify; }
        table.ogi { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.6em 0 1em; font-size: 9pt; line-height: 1.35; }
        table.ogi th, table.ogi td { border: 1px solid #000; padding: 3px 2px; text-align: center; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
        table.ogi th { font-weight: bold; }
        table.ogi th.caption { text-align: left; padding-left: 0.6em; }
        table.ogi th.note { font-weight: normal; }
        table.ogi td.label { text-align: left; }
        table.ogi td.group { text-align: center; }
        table.table4 th { font-size: 8.5pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        @media print { .report { max-width: none; padding: 0; } }
        """;

    private readonly FormatCatalogue _catalogue = catalogue ?? FormatCatalogue.Default;

    public string Format => "html";

    public string MediaType => "text/html; charset=utf-8";

    public string FileExtension => ".html";

    public void Render(Report report, Stream output)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(RenderToString(report));
        output.Write(bytes);
    }

    /// <summary>The HTML document as a string.</summary>
    public string RenderToString(Report report)
    {
        var outline = ReportOutline.Of(report, _catalogue);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Gongkai\">\n")
            .Append("<title>").Append(Encode(outline.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<article class=\"report\">\n")
            .Append("<h1>").Append(Encode(outline.Title)).Append("</h1>\n");
        foreach (var section in outline.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"section-{section.Number}\">\n")
                .Append("<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
            }

            if (section.Table is { } table)
            {
                AppendTable(html, table);
            }

            html.Append("</section>\n");
        }

        html.Append("</article>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, OfficialTable table)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"ogi {table.Table}\" data-table=\"{table.Table}\" data-layout=\"{Encode(table.LayoutId)}\">\n<colgroup>");
        var total = table.ColumnWeights.Sum();
        foreach (var weight in table.ColumnWeights)
        {
            html.Append(CultureInfo.InvariantCulture, $"<col style=\"width:{weight / total * 100:0.###}%\">");
        }

        html.Append("</colgroup>\n");
        if (table.HeaderRowCount > 0)
        {
            html.Append("<thead>\n");
            AppendRows(html, table, 0, table.HeaderRowCount);
            html.Append("</thead>\n");
        }

        html.Append("<tbody>\n");
        AppendRows(html, table, table.HeaderRowCount, table.RowCount);
        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendRows(StringBuilder html, OfficialTable table, int from, int to)
    {
        for (var row = from; row < to; row++)
        {
            html.Append("<tr>");
            foreach (var cell in table.CellsStartingIn(row))
            {
                var (tag, cls) = cell.Kind switch
                {
                    OfficialCellKind.Caption => ("th", "caption"),
                    OfficialCellKind.Header => ("th", "head"),
                    OfficialCellKind.Note => ("th", "note"),
                    OfficialCellKind.Label => ("td", cell.RowSpan > 1 ? "label group" : "label"),
                    _ => ("td", "value"),
                };
                html.Append('<').Append(tag).Append(" class=\"").Append(cls).Append('"');
                if (cell.RowSpan > 1)
                {
                    html.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                }

                if (cell.ColumnSpan > 1)
                {
                    html.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColumnSpan}\"");
                }

                if (tag == "th" && cell.Kind != OfficialCellKind.Caption)
                {
                    html.Append(cell.ColumnSpan > 1 ? " scope=\"colgroup\"" : " scope=\"col\"");
                }

                if (cell.Ref is { } cellRef)
                {
                    html.Append(" data-cell=\"").Append(Encode(cellRef.ToString())).Append('"');
                }

                html.Append('>').Append(Encode(cell.Text)).Append("</").Append(tag).Append('>');
            }

            html.Append("</tr>\n");
        }
    }

    /// <summary>Escapes the five HTML-significant characters; everything else (Chinese included) is written as is.</summary>
    internal static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            _ = ch switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(ch),
            };
        }

        return sb.ToString();
    }
}
