using System.Globalization;
using System.Net;
using System.Text;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>
/// One form a published report is met in: what cell kinds it can carry, whether its digits may run
/// together (so a cell may rightly stay ambiguous), the file name it is imported as, and its writer.
/// </summary>
public sealed record ZooForm(string Name, CellKinds Kinds, bool Glued, string FileName, Func<ZooPage, Random, byte[]> Write)
{
    /// <summary>
    /// The form is written from the table grid (merged cells by their spans), so <see cref="ZooWild"/>
    /// must not insert rows into merged cells nor break a cell's text over lines.
    /// </summary>
    public bool Grid { get; init; }

    public override string ToString() => Name;
}

/// <summary>The forms that need nothing but text: tabs, pipes, Markdown, collapsed lines, HTML, encodings.</summary>
public static class ZooForms
{
    static ZooForms() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<ZooForm> Text { get; } =
    [
        new("tabs", CellKinds.All, false, "report.txt", (p, _) => Utf8(Lines(p, "\t"))),
        new("pipes", CellKinds.All, false, "report.txt", (p, _) => Utf8(Pipes(p, markdown: false))),
        new("markdown", CellKinds.All, false, "report.md", (p, _) => Utf8(Pipes(p, markdown: true))),
        new("spaces", CellKinds.Placeholders | CellKinds.Units | CellKinds.Decimals, false, "report.txt", (p, _) => Utf8(Lines(p, "   "))),
        new("cell-per-line", CellKinds.Placeholders | CellKinds.Units | CellKinds.Decimals, false, "report.txt", (p, _) => Utf8(CellPerLine(p))),
        new("html2text", CellKinds.All, false, "report.md", (p, _) => Utf8(Html2Text(p))),
        new("pipe-lines", CellKinds.All, false, "report.txt", (p, _) => Utf8(PipeLines(p))),
        new("one-line", CellKinds.Placeholders | CellKinds.Units | CellKinds.Decimals, false, "report.txt", (p, _) => Utf8(OneLine(p, " "))),
        new("glued-rows", CellKinds.Numbers, true, "report.txt", (p, _) => Utf8(Lines(p, string.Empty))),
        new("glued-page", CellKinds.Numbers, true, "report.txt", (p, _) => Utf8(OneLine(p, string.Empty))),
        new("detached-labels", CellKinds.Decimals, false, "report.md", (p, _) => Utf8(Detached(p))),
        new("split-rows", CellKinds.All, false, "report.md", (p, r) => Utf8(SplitRows(p, r))),
        new("html-word", CellKinds.All, false, "report.html", (p, r) => Utf8(WordHtml(p, r))),
        new("paged", CellKinds.All, false, "report.txt", (p, r) => Utf8(Paged(p, r))),
        new("gbk", CellKinds.All, false, "report.txt", (p, _) => Encoding.GetEncoding("GBK").GetBytes(Lines(p, "\t"))),
        new("utf16", CellKinds.All, false, "report.txt", (p, _) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Pipes(p, markdown: false))]),
        new("fullwidth", CellKinds.All, false, "report.txt", (p, _) => Utf8(FullWidth(Lines(p, "\t")))),
        // Converter Markdown written from the grid (docs/import-zoo.md, "Merged cells as converters write them").
        new("markdown-filled", CellKinds.All, false, "report.md", (p, _) => Utf8(Filled(p))) { Grid = true },
        new("markdown-pandas", CellKinds.All, false, "report.md", (p, _) => Utf8(Pandas(p))) { Grid = true },
        new("markdown-padded", CellKinds.All, false, "report.md", (p, _) => Utf8(Padded(p))) { Grid = true },
        new("cell-pipes", CellKinds.All, false, "report.md", (p, _) => Utf8(CellPipes(p))) { Grid = true },
        new("markdown-html", CellKinds.All, false, "report.md", (p, r) => Utf8(MarkdownHtml(p, r))) { Grid = true },
    ];

    /// <summary>A position of a table's full grid: the cell covering it, and whether the cell starts there (its top-left).</summary>
    public readonly record struct GridSlot(ZooCell Cell, bool Origin, bool FirstRow);

    /// <summary>
    /// The table expanded to its full grid: each merged cell placed in every row and column it covers,
    /// as a converter that fills spans sees it. A row is as long as its last covered position.
    /// </summary>
    public static List<List<GridSlot>> Grid(IReadOnlyList<IReadOnlyList<ZooCell>> rows)
    {
        var grid = rows.Select(_ => new List<GridSlot?>()).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r])
            {
                while (c < grid[r].Count && grid[r][c] is not null)
                {
                    c++;
                }

                for (var dr = 0; dr < Math.Max(1, cell.RowSpan) && r + dr < rows.Count; dr++)
                {
                    var line = grid[r + dr];
                    for (var dc = 0; dc < Math.Max(1, cell.ColSpan); dc++)
                    {
                        while (line.Count <= c + dc)
                        {
                            line.Add(null);
                        }

                        line[c + dc] = new GridSlot(cell, dr == 0 && dc == 0, dr == 0);
                    }
                }

                c += Math.Max(1, cell.ColSpan);
            }
        }

        return grid.Select(line => line.TakeWhile(s => s is not null).Select(s => s!.Value).ToList()).ToList();
    }

    /// <summary>The page's paragraphs as Markdown (the title a heading) and each table written by <paramref name="table"/>.</summary>
    private static string MarkdownPage(ZooPage page, Action<StringBuilder, IReadOnlyList<IReadOnlyList<ZooCell>>> table)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (block.IsTable)
            {
                table(sb, block.Rows!);
                sb.Append('\n');
            }
            else
            {
                sb.Append(block.Paragraph == page.Title ? "# " : string.Empty).Append(block.Paragraph).Append("\n\n");
            }
        }

        return sb.ToString();
    }

    private static void PipeRow(StringBuilder sb, IEnumerable<string> cells, bool rule)
    {
        var texts = cells.ToList();
        sb.Append("| ").Append(string.Join(" | ", texts)).Append(" |\n");
        if (rule)
        {
            sb.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", texts.Count))).Append('\n');
        }
    }

    /// <summary>
    /// docling / pandas <c>read_html(...).to_markdown()</c>: the table expanded to its full grid, a
    /// merged cell's text repeated in every position it covers (labels and values alike).
    /// </summary>
    private static string Filled(ZooPage page) => MarkdownPage(page, (sb, rows) =>
    {
        var grid = Grid(rows);
        for (var r = 0; r < grid.Count; r++)
        {
            PipeRow(sb, grid[r].Select(s => s.Cell.Text), r == 0);
        }
    });

    /// <summary>
    /// pandas <c>read_html(...)[i].to_markdown()</c>: the filled grid under a header of column numbers,
    /// each row led by its index, an empty cell printed <c>nan</c>, cells padded to the column's width.
    /// </summary>
    private static string Pandas(ZooPage page) => MarkdownPage(page, (sb, rows) =>
    {
        var grid = Grid(rows);
        var width = grid.Max(r => r.Count);
        List<string> header = ["", .. Enumerable.Range(0, width).Select(c => c.ToString(CultureInfo.InvariantCulture))];
        var table = new List<List<string>> { header };
        table.AddRange(grid.Select((r, i) => (List<string>)[i.ToString(CultureInfo.InvariantCulture), .. Enumerable.Range(0, width).Select(c => c < r.Count && r[c].Cell.Text.Length > 0 ? r[c].Cell.Text : "nan")]));
        var widths = Enumerable.Range(0, width + 1).Select(c => table.Max(r => r[c].Length)).ToList();
        for (var r = 0; r < table.Count; r++)
        {
            sb.Append('|').Append(string.Concat(table[r].Select((t, c) => " " + (c == 0 ? t.PadLeft(widths[c]) : t.PadRight(widths[c])) + " |"))).Append('\n');
            if (r == 0)
            {
                sb.Append('|').Append(string.Concat(widths.Select((w, c) => c == 0 ? new string('-', w + 1) + ":|" : ":" + new string('-', w + 1) + "|"))).Append('\n');
            }
        }
    });

    /// <summary>
    /// markdownify / html2text: a colspan padded with empty cells, a rowspan cell written in its first
    /// row only (the rows under it are shorter).
    /// </summary>
    private static string Padded(ZooPage page) => MarkdownPage(page, (sb, rows) =>
    {
        var grid = Grid(rows);
        for (var r = 0; r < grid.Count; r++)
        {
            PipeRow(sb, grid[r].Where(s => s.FirstRow).Select(s => s.Origin ? s.Cell.Text : string.Empty), r == 0);
        }
    });

    /// <summary>
    /// html2text of a table whose cells hold paragraphs (sample 001): each cell's text on a line of its
    /// own ended by <c> |</c>, the empty cells between two texts (blanks, and the padding of a colspan as
    /// in <see cref="Padded"/>) as one line of a pipe each (<c>|||</c>), nothing between rows.
    /// </summary>
    private static string CellPipes(ZooPage page) => MarkdownPage(page, (sb, rows) =>
    {
        var empty = 0;
        foreach (var row in Grid(rows))
        {
            foreach (var text in row.Where(s => s.FirstRow).Select(s => s.Origin ? s.Cell.Text : string.Empty))
            {
                if (text.Length == 0)
                {
                    empty++;
                    continue;
                }

                sb.Append(empty > 0 ? new string('|', empty) + "\n" : string.Empty).Append(text).Append(" |\n");
                empty = 0;
            }
        }

        sb.Append(empty > 0 ? new string('|', empty) + "\n" : string.Empty);
    });

    /// <summary>
    /// MinerU / marker: Markdown prose with each table an HTML <c>&lt;table&gt;</c> (rowspan/colspan,
    /// <c>td</c> only), on one line (MinerU) or a row a line.
    /// </summary>
    private static string MarkdownHtml(ZooPage page, Random random)
    {
        var oneLine = random.Next(2) == 0;
        return MarkdownPage(page, (sb, rows) =>
        {
            sb.Append("<table>");
            foreach (var row in rows)
            {
                sb.Append(oneLine ? string.Empty : "\n").Append("<tr>");
                foreach (var cell in row)
                {
                    sb.Append("<td");
                    if (cell.RowSpan > 1)
                    {
                        sb.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (cell.ColSpan > 1)
                    {
                        sb.Append(" colspan=\"").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    sb.Append('>').Append(WebUtility.HtmlEncode(cell.Text)).Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append(oneLine ? string.Empty : "\n").Append("</table>\n");
        });
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The cells a row prints (a merged cell once, in the row where it starts).</summary>
    private static IEnumerable<string> Texts(IReadOnlyList<ZooCell> row) => row.Select(c => c.Text);

    /// <summary>Each paragraph a line, each table row a line of its cells joined by <paramref name="separator"/>.</summary>
    public static string Lines(ZooPage page, string separator)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append('\n');
                continue;
            }

            foreach (var row in block.Rows!)
            {
                sb.Append(string.Join(separator, Texts(row))).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Pipes(ZooPage page, bool markdown)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(markdown && block.Paragraph == page.Title ? "# " : string.Empty).Append(block.Paragraph).Append("\n\n");
                continue;
            }

            var first = true;
            foreach (var row in block.Rows!)
            {
                sb.Append("| ").Append(string.Join(" | ", Texts(row))).Append(" |\n");
                if (markdown && first)
                {
                    sb.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", row.Count))).Append('\n');
                }

                first = false;
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string CellPerLine(ZooPage page)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append('\n');
                continue;
            }

            foreach (var cell in block.Rows!.SelectMany(r => r))
            {
                sb.Append(cell.Text).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// html2text's Markdown (Python's <c>html2text</c>, Jina Reader and other page-to-Markdown tools): a
    /// table's cells joined by <c> | </c> with no pipe at either end, a rule of <c>---|---</c> after
    /// its first row, a merged cell once where it starts.
    /// </summary>
    private static string Html2Text(ZooPage page)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph == page.Title ? "# " : string.Empty).Append(block.Paragraph).Append("\n\n");
                continue;
            }

            var first = true;
            foreach (var row in block.Rows!)
            {
                sb.Append(string.Join(" | ", Texts(row))).Append('\n');
                if (first)
                {
                    sb.Append(string.Join("|", Enumerable.Repeat("---", Math.Max(1, row.Count)))).Append('\n');
                }

                first = false;
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// A legal mirror's text of an HTML table, its cells joined by a line break and <c>| </c>: a row's
    /// first cell on a line of its own, every other cell on a line led by <c>| </c> (an empty cell a bare
    /// <c>|</c>), a bare <c>|</c> closing the row; a line break inside a cell stays, so a wrapped caption
    /// goes on without the pipe (<c>| 计量</c> / <c>单位</c>).
    /// </summary>
    private static string PipeLines(ZooPage page)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append('\n');
                continue;
            }

            foreach (var row in block.Rows!.Where(r => r.Count > 0))
            {
                var texts = Texts(row).ToList();
                sb.Append(texts[0]).Append('\n');
                foreach (var text in texts.Skip(1))
                {
                    sb.Append(text.Length == 0 ? "|" : "| " + text).Append('\n');
                }

                sb.Append("|\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The whole page on one line, as a scraper's <c>textContent</c> gives it.</summary>
    public static string OneLine(ZooPage page, string separator) =>
        string.Join(separator, page.Blocks.SelectMany(b => b.IsTable ? b.Rows!.SelectMany(Texts) : [b.Paragraph!]).Where(t => t.Length > 0).Select(t => t.Replace("\n", separator, StringComparison.Ordinal)));

    /// <summary>
    /// A PDF converter's Markdown: table 3's row labels as a block of one-cell rows, then its numbers
    /// as a block of rows of seven; tables 2 and 4 as ordinary pipe rows.
    /// </summary>
    private static string Detached(ZooPage page)
    {
        var sb = new StringBuilder();
        var table = 0;
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append("\n\n");
                continue;
            }

            table++;
            var rows = block.Rows!;
            if (table != 2)
            {
                foreach (var row in rows)
                {
                    sb.Append("| ").Append(string.Join(" | ", Texts(row))).Append(" |\n");
                }

                sb.Append('\n');
                continue;
            }

            var body = rows.Where(r => r.Any(c => c.IsValue)).ToList();
            foreach (var row in rows.Where(r => !r.Any(c => c.IsValue)))
            {
                sb.Append("| ").Append(string.Join(" | ", Texts(row))).Append(" |\n");
            }

            foreach (var row in body)
            {
                sb.Append("| ").Append(string.Join(string.Empty, row.Where(c => !c.IsValue).Select(c => c.Text))).Append(" |\n");
            }

            foreach (var row in body)
            {
                sb.Append("| ").Append(string.Join(" | ", row.Where(c => c.IsValue).Select(c => c.Text))).Append(" |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Converter Markdown whose long rows break: a label split over two rows (its tail on the row
    /// with the numbers), or a row's numbers broken over two lines.
    /// </summary>
    private static string SplitRows(ZooPage page, Random random)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append("\n\n");
                continue;
            }

            foreach (var row in block.Rows!)
            {
                var labels = row.Where(c => !c.IsValue).Select(c => c.Text).ToList();
                var values = row.Where(c => c.IsValue).Select(c => c.Text).ToList();
                var roll = values.Count >= 3 ? random.Next(3) : 0;
                var label = string.Concat(labels);
                if (roll == 1 && label.Length > 8)
                {
                    var cut = random.Next(3, label.Length - 3);
                    sb.Append("| ").Append(label[..cut]).Append(" |").Append(string.Concat(Enumerable.Repeat(" |", values.Count))).Append('\n');
                    sb.Append("| ").Append(label[cut..]).Append(" | ").Append(string.Join(" | ", values)).Append(" |\n");
                }
                else if (roll == 2)
                {
                    var cut = random.Next(1, values.Count);
                    sb.Append("| ").Append(label).Append(" | ").Append(string.Join(" | ", values.Take(cut))).Append(" |\n");
                    sb.Append("| ").Append(string.Join(" | ", values.Skip(cut))).Append(" |\n");
                }
                else
                {
                    sb.Append("| ").Append(string.Join(" | ", labels.Concat(values))).Append(" |\n");
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>HTML saved from Word: mso classes, <c>&lt;o:p&gt;</c>, nested spans, merged cells.</summary>
    public static string WordHtml(ZooPage page, Random random)
    {
        var sb = new StringBuilder();
        sb.Append("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(page.Title)).Append("</title><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN><div class=WordSection1>\n");
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append("<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>")
                    .Append(WebUtility.HtmlEncode(block.Paragraph)).Append("<o:p></o:p></span></p>\n");
                continue;
            }

            sb.Append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>\n");
            foreach (var row in block.Rows!)
            {
                sb.Append("<tr style='height:20.0pt'>");
                foreach (var cell in row)
                {
                    sb.Append("<td");
                    if (cell.ColSpan > 1)
                    {
                        sb.Append(" colspan=").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture));
                    }

                    if (cell.RowSpan > 1)
                    {
                        sb.Append(" rowspan=").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture));
                    }

                    sb.Append(" valign=center style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US style='font-size:10.0pt'>");
                    var text = WebUtility.HtmlEncode(cell.Text);
                    if (!cell.IsValue && text.Length > 6 && random.Next(3) == 0)
                    {
                        var cut = random.Next(1, text.Length - 1);
                        text = text[..cut] + "</span><span style='font-family:宋体'>" + text[cut..];
                    }

                    sb.Append(text.Length == 0 ? "&nbsp;" : text).Append("<o:p></o:p></span></p></td>");
                }

                sb.Append("</tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("</div></body></html>\n");
        return sb.ToString();
    }

    /// <summary>Page text as copied from a paged viewer: running headers, footers and page numbers between lines.</summary>
    private static string Paged(ZooPage page, Random random)
    {
        var lines = Lines(page, "\t").Split('\n');
        var sb = new StringBuilder();
        var pageNo = 1;
        var every = random.Next(12, 30);
        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]).Append('\n');
            if (i > 0 && i % every == 0)
            {
                sb.Append(random.Next(3) switch
                {
                    0 => $"- {pageNo} -\n",
                    1 => $"第 {pageNo} 页 共 {(lines.Length / every) + 1} 页\n",
                    _ => $"{pageNo}\n",
                });
                sb.Append(random.Next(2) == 0 ? $"{page.Report.Agency}门户网站\n" : "政府信息公开\n");
                pageNo++;
            }
        }

        return sb.ToString();
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c));
}
