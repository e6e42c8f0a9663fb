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

    /// <summary>
    /// An empty cell leaves no trace in the form (a scraper that skips empty cells), so a row holding a
    /// blank may instead be left wholly unread (<see cref="ZooProperty.Differences(Gongkai.Domain.Reports.Report, Gongkai.Domain.Reports.Report, bool, Func{Gongkai.Domain.Reports.CellRef, string}?, bool)"/>).
    /// </summary>
    public bool BlanksVanish { get; init; }

    /// <summary>
    /// With <see cref="BlanksVanish"/>: a block of rows printed one cell per line whose blank left no
    /// trace (行政处罚 / 3 / 行政强制 / the next block) reads either way (in page order, or in pdftotext's
    /// geometric order, where the lower row's number follows the upper label when the upper cell is
    /// empty), so the block's cells in a column holding a blank may be left unread.
    /// </summary>
    public bool ColumnsApart { get; init; }

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
        // Forms as scraped from the portals (docs/import-zoo.md, "Portal HTML, pandas headers, scraped pipes").
        new("html-portal", CellKinds.All, false, "report.html", (p, r) => Utf8(PortalHtml(p, r))),
        new("markdown-pandas-header", CellKinds.All, false, "report.md", (p, r) => Utf8(PandasHeader(p, r))) { Grid = true },
        new("pipes-scraped", CellKinds.All, false, "report.txt", (p, r) => Utf8(ScrapedPipes(p, r, keepEmpty: true))),
        new("pipes-scraped-compact", CellKinds.All, false, "report.txt", (p, r) => Utf8(ScrapedPipes(p, r, keepEmpty: false))) { BlanksVanish = true },
        new("html-pandas", CellKinds.All, false, "report.html", (p, r) => Utf8(PandasHtml(p, r))) { Grid = true },
        new("text-pandas", CellKinds.All, false, "report.txt", (p, r) => Utf8(PandasText(p, r))) { Grid = true },
        new("cell-lines-office", CellKinds.All, false, "report.txt", (p, _) => Utf8(OfficeCellLines(p))) { Grid = true },
        new("cell-paragraphs", CellKinds.All, false, "report.md", (p, _) => Utf8(CellParagraphs(p))) { BlanksVanish = true, ColumnsApart = true },
        new("pdftotext-bands", CellKinds.Numbers, false, "report.txt", (p, r) => Utf8(PdfTextBands(p, r))) { Grid = true },
        new("mhtml-word", CellKinds.All, false, "report.mht", (p, r) => Mhtml(WordHtml(p, r), r)) { Grid = true },
    ];

    /// <summary>
    /// A page saved as a web archive: Word's 单个文件网页 (<c>MIME-Version: 1.0</c> first, the page in
    /// GB2312 quoted-printable, a <c>filelist.xml</c> part after it) or a browser's single-file page
    /// (Chrome's <c>From: &lt;Saved by Blink&gt;</c> header, UTF-8, quoted-printable or base64).
    /// </summary>
    public static byte[] Mhtml(string html, Random random)
    {
        var word = random.Next(2) == 0;
        var page = new MimeKit.TextPart("html")
        {
            ContentTransferEncoding = word || random.Next(2) == 0 ? MimeKit.ContentEncoding.QuotedPrintable : MimeKit.ContentEncoding.Base64,
            ContentLocation = new Uri(word ? "file:///C:/report.htm" : "https://www.example.gov.cn/art/2025/1/20/art_1_1.html"),
        };
        if (word)
        {
            // GB18030 bytes labelled gb2312, as Word labels them (GB2312 lacks some characters the zoo prints).
            page.SetText(Encoding.GetEncoding("GB18030"), html);
            page.ContentType.Charset = "gb2312";
        }
        else
        {
            page.SetText(Encoding.UTF8, html);
        }

        var related = new MimeKit.Multipart("related") { page };
        if (word)
        {
            related.Add(new MimeKit.TextPart("xml") { Text = "<xml xmlns:o=\"urn:schemas-microsoft-com:office:office\"><o:File HRef=\"filelist.xml\"/></xml>", ContentLocation = new Uri("file:///C:/report.files/filelist.xml") });
        }

        related.ContentType.Parameters.Add("type", "text/html");
        using var output = new MemoryStream();
        var header = word
            ? "MIME-Version: 1.0\r\n"
            : "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/art/2025/1/20/art_1_1.html\r\nSubject: report\r\nMIME-Version: 1.0\r\n";
        output.Write(Encoding.ASCII.GetBytes(header));
        related.WriteTo(output);
        return output.ToArray();
    }

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

    /// <summary>
    /// A report as an agency's portal serves it: site navigation, a breadcrumb, the date and view
    /// count, the report inside a layout table, the tables with <c>thead</c>/<c>tbody</c>, header cells
    /// as <c>th</c>, cells wrapped in <c>&lt;p align=center&gt;</c>, <c>span</c> or <c>font</c>,
    /// <c>&amp;nbsp;</c> for an empty cell, a long label broken by <c>&lt;br&gt;</c>, a number followed by
    /// one, attributes unquoted, and the 打印/关闭 links and the site's footer after it.
    /// </summary>
    private static string PortalHtml(ZooPage page, Random random)
    {
        var sb = new StringBuilder();
        var site = page.Report.Agency + (random.Next(2) == 0 ? "门户网站" : "政府网");
        sb.Append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(page.Title)).Append('_').Append(WebUtility.HtmlEncode(site)).Append("</title>\n")
            .Append("<script type=text/javascript>var _hmt = _hmt || [];</script><style>.title{font-size:22px}</style></head>\n<body>\n");
        sb.Append("<div class=top><a href=/>首页</a> | <a href=/zwgk/>政务公开</a> | <a href=/hdjl/>互动交流</a> | <a href=/bsfw/>办事服务</a></div>\n");
        sb.Append("<div class=position>当前位置：<a href=/>首页</a> &gt; <a href=/zwgk/>政府信息公开</a> &gt; <a href=/zwgk/ndbg/>政府信息公开年报</a></div>\n");
        sb.Append("<table width=100% border=0 cellspacing=0 cellpadding=0 class=layout><tr><td width=760 valign=top>\n");
        var published = $"{page.Report.Year + 1}-01-{random.Next(10, 31)}";
        if (random.Next(2) == 0)
        {
            // The portal's catalogue entry for the document, before the title.
            sb.Append("<table class=xxgk_info border=0><tr><td>索 引 号：</td><td>").Append(Metadata(page, random)[0]).Append("</td><td>分 类：</td><td>政府信息公开年报</td></tr>\n")
                .Append("<tr><td>发布机构：</td><td>").Append(WebUtility.HtmlEncode(page.Report.Agency)).Append("</td><td>发文日期：</td><td>").Append(published).Append("</td></tr>\n")
                .Append("<tr><td>名 称：</td><td colspan=3>").Append(WebUtility.HtmlEncode(page.Title)).Append("</td></tr>\n<tr><td>文 号：</td><td></td><td>有 效 性：</td><td>有效</td></tr></table>\n");
        }

        sb.Append(random.Next(2) == 0 ? "<div class=TRS_Editor><style type=text/css>.TRS_Editor P{line-height:2;}</style>\n" : "<div id=zoom>\n");
        var views = random.Next(20, 9000);
        var th = random.Next(2) == 0;
        var table = 0;
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                var text = WebUtility.HtmlEncode(block.Paragraph!).Replace("\n", "<br>", StringComparison.Ordinal);
                if (block.Paragraph == page.Title)
                {
                    sb.Append("<div class=title align=center><strong>").Append(text).Append("</strong></div>\n")
                        .Append("<div class=info>发布日期：").Append(published).Append("&nbsp;&nbsp;来源：").Append(WebUtility.HtmlEncode(page.Report.Agency))
                        .Append("&nbsp;&nbsp;浏览次数：").Append(views.ToString(CultureInfo.InvariantCulture)).Append("&nbsp;&nbsp;字号：[<a href=#>大</a> <a href=#>中</a> <a href=#>小</a>]</div>\n");
                    continue;
                }

                sb.Append(random.Next(3) switch
                {
                    0 => "<p style=\"text-indent:2em\"><font face=仿宋_GB2312 size=3>" + text + "</font></p>\n",
                    1 => "<p><span style=\"font-family:仿宋;font-size:16px\">" + text + "</span></p>\n",
                    _ => "<div>&nbsp;&nbsp;&nbsp;&nbsp;" + text + "</div>\n",
                });
                continue;
            }

            table++;
            var rows = block.Rows!;
            var headerRows = rows.TakeWhile(r => !r.Any(c => c.IsValue)).Count();
            sb.Append("<table border=1 cellspacing=0 cellpadding=0 width=600 align=center style=\"border-collapse:collapse\">\n");
            if (random.Next(4) == 0)
            {
                sb.Append("<caption>").Append(table == 1 ? "单位：件、万元" : "单位：件").Append("</caption>\n");
            }

            var thead = headerRows > 0 && random.Next(2) == 0;
            sb.Append(thead ? "<thead>\n" : random.Next(2) == 0 ? "<tbody>\n" : string.Empty);
            var bodyOpen = !thead;
            for (var r = 0; r < rows.Count; r++)
            {
                if (thead && r == headerRows)
                {
                    sb.Append("</thead>\n<tbody>\n");
                    bodyOpen = true;
                }

                sb.Append("<tr>");
                foreach (var cell in rows[r])
                {
                    var tag = th && r < headerRows ? "th" : "td";
                    sb.Append('<').Append(tag);
                    if (cell.ColSpan > 1)
                    {
                        sb.Append(" colspan=").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture));
                    }

                    if (cell.RowSpan > 1)
                    {
                        sb.Append(" rowspan=").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture));
                    }

                    var text = WebUtility.HtmlEncode(cell.Text).Replace("\n", "<br>", StringComparison.Ordinal);
                    if (!cell.IsValue && text.Length > 8 && random.Next(4) == 0)
                    {
                        // A long label broken over lines inside its cell.
                        var cut = random.Next(2, text.Length - 2);
                        text = text[..cut] + (random.Next(2) == 0 ? "<br>" : "<br/>\n") + text[cut..];
                    }
                    else if (cell.IsValue && text.Length > 0 && random.Next(15) == 0)
                    {
                        text = random.Next(2) == 0 ? text + "<br>" : "<br/>" + text;
                    }

                    if (text.Length == 0)
                    {
                        text = random.Next(3) == 0 ? string.Empty : "&nbsp;";
                    }
                    else if (cell.IsValue && random.Next(10) == 0)
                    {
                        text = random.Next(2) == 0 ? "&nbsp;" + text + "&nbsp;" : "\n            " + text + "\n        ";
                    }
                    else if (!cell.IsValue && r < headerRows && random.Next(3) == 0)
                    {
                        text = random.Next(2) == 0 ? "<strong>" + text + "</strong>" : "<b>" + text + "</b>";
                    }

                    sb.Append(random.Next(4) switch
                    {
                        0 => ">" + text,
                        1 => " align=center valign=middle><p align=center>" + text + "</p>",
                        2 => " style=\"white-space:nowrap\"><span style=\"font-size:12px\">" + text + "</span>",
                        _ => " width=80><font face=宋体 size=2>" + text + "</font>",
                    }).Append("</").Append(tag).Append('>');
                }

                sb.Append("</tr>\n");
            }

            sb.Append(bodyOpen ? "</tbody>\n" : string.Empty).Append("</table>\n");
        }

        sb.Append("</div>\n</td></tr></table>\n");
        if (random.Next(2) == 0)
        {
            sb.Append("<div class=pages><p>上一篇：<a href=#>").Append(WebUtility.HtmlEncode(page.Report.Agency)).Append(page.Report.Year - 1)
                .Append("年政府信息公开工作年度报告</a></p><p>下一篇：<a href=#>").Append(WebUtility.HtmlEncode(page.Report.Agency)).Append("政府信息公开指南</a></p></div>\n");
        }

        sb.Append("<div class=tools>【<a href=\"javascript:window.print()\">打印本页</a>】【<a href=\"javascript:window.close()\">关闭窗口</a>】</div>\n");
        sb.Append("<div class=footer>主办单位：").Append(WebUtility.HtmlEncode(page.Report.Agency)).Append("&nbsp;&nbsp;网站标识码：")
            .Append(random.Next(1000000000, int.MaxValue).ToString(CultureInfo.InvariantCulture)).Append("<br>ICP备")
            .Append(random.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture)).Append("号</div>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// pandas <c>read_html(...)[i].to_markdown()</c> with the header rows inferred (the leading rows
    /// without values, as a <c>thead</c> gives them): the header printed as column names (a tuple
    /// per column when there are several header rows, <c>Unnamed: 0_level_1</c> for an empty header
    /// cell), each row led by its index, a column with nothing but numbers and empty cells converted
    /// to numbers (<c>4.0</c> in a column with an empty cell or a decimal, the empty cell <c>nan</c>).
    /// </summary>
    private static string PandasHeader(ZooPage page, Random random)
    {
        var nan = random.Next(2) == 0 ? "nan" : "NaN";
        return MarkdownPage(page, (sb, rows) =>
        {
            var frame = PandasFrame(rows, nan, random);
            var width = frame.Columns.Count;
            var names = Enumerable.Range(0, width).Select(c => frame.Levels.Count == 1
                ? frame.Levels[0][c]
                : "(" + string.Join(", ", frame.Levels.Select(l => "'" + l[c] + "'")) + ")").ToList();
            var table = new List<List<string>> { new() { string.Empty } };
            table[0].AddRange(names);
            table.AddRange(Enumerable.Range(0, frame.Columns[0].Count).Select(i => (List<string>)[i.ToString(CultureInfo.InvariantCulture), .. frame.Columns.Select(col => col[i])]));
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
    }

    /// <summary>
    /// A table as pandas' <c>read_html</c> makes it a data frame: merged cells filled, the leading rows
    /// without values taken for the header (one level per row: the column names; column numbers when
    /// there is none; <c>Unnamed: 3_level_1</c> for an empty header cell), and a body column holding
    /// nothing but numbers and empty cells converted to numbers (<c>4.0</c>, the empty cell
    /// <paramref name="nan"/>, when it has an empty cell or a decimal).
    /// </summary>
    private static (List<List<string>> Levels, List<List<string>> Columns) PandasFrame(IReadOnlyList<IReadOnlyList<ZooCell>> rows, string nan, Random random)
    {
        var grid = Grid(rows);
        var width = grid.Max(r => r.Count);
        var headerRows = rows.TakeWhile(r => !r.Any(c => c.IsValue)).Count();
        string At(int r, int c) => c < grid[r].Count ? grid[r][c].Cell.Text : string.Empty;

        // A publisher leaves table 3's top-left note cell (merged over rows and columns) empty as often as it writes the note.
        var blankCorner = headerRows > 1 && rows[0][0].RowSpan > 1 && rows[0][0].ColSpan > 1 && random.Next(2) == 0;
        string Head(int l, int c)
        {
            var text = blankCorner && c < grid[l].Count && grid[l][c].Cell == rows[0][0] ? string.Empty : At(l, c);
            return text.Length > 0 ? text : headerRows > 1 ? $"Unnamed: {c}_level_{l}" : $"Unnamed: {c}";
        }

        var levels = headerRows == 0
            ? [Enumerable.Range(0, width).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList()]
            : Enumerable.Range(0, headerRows).Select(l => Enumerable.Range(0, width).Select(c => Head(l, c)).ToList()).ToList();
        var body = Enumerable.Range(headerRows, grid.Count - headerRows).ToList();
        var columns = Enumerable.Range(0, width).Select(c =>
        {
            var texts = body.Select(r => At(r, c).Replace("\n", string.Empty, StringComparison.Ordinal)).ToList();
            var numeric = texts.All(t => t.Length == 0 || IsPandasNumber(t)) && texts.Any(t => t.Length > 0);
            if (!numeric)
            {
                return texts.Select(t => t.Length > 0 ? t : nan).ToList();
            }

            var floats = texts.Any(t => t.Length == 0 || t.Contains('.', StringComparison.Ordinal));
            var decimals = floats ? Math.Max(1, texts.Max(t => t.Contains('.', StringComparison.Ordinal) ? t.Length - t.IndexOf('.', StringComparison.Ordinal) - 1 : 0)) : 0;
            return texts.Select(t => t.Length == 0 ? nan : decimal.Parse(t.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture).ToString(floats ? "F" + decimals.ToString(CultureInfo.InvariantCulture) : "0", CultureInfo.InvariantCulture)).ToList();
        }).ToList();
        return (levels, columns);
    }

    /// <summary>
    /// pandas <c>print(df.to_string())</c> of the frame <see cref="PandasFrame"/> makes, between the
    /// page's paragraphs: columns of spaces two apart, every cell right-aligned to its column's width
    /// counted in characters (a CJK character counts one, so the columns do not line up on screen), the
    /// header levels one a line with a level's repeated names printed once, the index left-aligned
    /// before each row, an empty cell <c>NaN</c>.
    /// </summary>
    private static string PandasText(ZooPage page, Random random)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append('\n');
                continue;
            }

            var (levels, columns) = PandasFrame(block.Rows!, "NaN", random);
            var count = columns[0].Count;
            var indexWidth = (count - 1).ToString(CultureInfo.InvariantCulture).Length;
            var shown = levels.Select((level, l) => level.Select((name, c) =>
                l < levels.Count - 1 && c > 0 && Enumerable.Range(0, l + 1).All(k => levels[k][c] == levels[k][c - 1]) ? string.Empty : name).ToList()).ToList();
            var widths = columns.Select((col, c) => Math.Max(col.Max(t => t.Length), shown.Max(level => level[c].Length))).ToList();
            foreach (var level in shown)
            {
                sb.Append(new string(' ', indexWidth));
                for (var c = 0; c < columns.Count; c++)
                {
                    sb.Append("  ").Append(levels.Count > 1 && level != shown[^1] ? level[c].PadRight(widths[c]) : level[c].PadLeft(widths[c]));
                }

                sb.Append('\n');
            }

            for (var i = 0; i < count; i++)
            {
                sb.Append(i.ToString(CultureInfo.InvariantCulture).PadRight(indexWidth));
                for (var c = 0; c < columns.Count; c++)
                {
                    sb.Append("  ").Append(columns[c][i].PadLeft(widths[c]));
                }

                sb.Append('\n');
            }
        }

        return string.Join('\n', sb.ToString().Split('\n').Select(l => l.TrimEnd()));
    }

    /// <summary>
    /// pandas <c>read_html(...)[i].to_html()</c> of the frame <see cref="PandasFrame"/> makes, each table
    /// a <c>class="dataframe"</c> table between the page's paragraphs: the header rows in <c>thead</c> as
    /// <c>th</c>, a level's repeated names merged (<c>colspan</c>, <c>halign="left"</c>) within the
    /// level above, an empty <c>th</c> over the index, each body row led by its index in a <c>th</c>,
    /// numbers as pandas prints them (<c>4.0</c>, <c>NaN</c>).
    /// </summary>
    private static string PandasHtml(ZooPage page, Random random)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"></head>\n<body>\n");
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph == page.Title ? "<h1>" : "<p>").Append(WebUtility.HtmlEncode(block.Paragraph!)).Append(block.Paragraph == page.Title ? "</h1>\n" : "</p>\n");
                continue;
            }

            var (levels, columns) = PandasFrame(block.Rows!, "NaN", random);
            var width = columns.Count;
            sb.Append("<table border=\"1\" class=\"dataframe\">\n  <thead>\n");
            for (var l = 0; l < levels.Count; l++)
            {
                sb.Append(levels.Count == 1 ? "    <tr style=\"text-align: right;\">\n" : "    <tr>\n").Append("      <th></th>\n");
                for (var c = 0; c < width;)
                {
                    var span = 1;
                    while (l < levels.Count - 1 && c + span < width && Enumerable.Range(0, l + 1).All(k => levels[k][c + span] == levels[k][c]))
                    {
                        span++;
                    }

                    sb.Append("      <th").Append(span > 1 ? $" colspan=\"{span}\" halign=\"left\"" : string.Empty).Append('>')
                        .Append(WebUtility.HtmlEncode(levels[l][c])).Append("</th>\n");
                    c += span;
                }

                sb.Append("    </tr>\n");
            }

            sb.Append("  </thead>\n  <tbody>\n");
            for (var i = 0; i < columns[0].Count; i++)
            {
                sb.Append("    <tr>\n      <th>").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</th>\n");
                foreach (var column in columns)
                {
                    sb.Append("      <td>").Append(WebUtility.HtmlEncode(column[i])).Append("</td>\n");
                }

                sb.Append("    </tr>\n");
            }

            sb.Append("  </tbody>\n</table>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Text pandas' <c>read_html</c> converts to a number (thousands separators allowed).</summary>
    private static bool IsPandasNumber(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A table's text as a scraper joins its cells: each row a line of its cells separated by
    /// <c> | </c> (or <c>|</c>), a <c>|</c> after the last cell and none before the first, no rule
    /// line; a merged cell once, so header rows have fewer cells than data rows.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="keepEmpty"/>, an empty cell is skipped, as in the scraped pages'
    /// text (<c>文 号 | 有 效 性 |</c> of a catalogue entry whose 文号 is empty).
    /// </remarks>
    private static string ScrapedPipes(ZooPage page, Random random, bool keepEmpty)
    {
        var separator = random.Next(3) == 0 ? "|" : " | ";
        var sb = new StringBuilder();
        if (random.Next(2) == 0)
        {
            // The portal's catalogue entry for the document, a table of its own before the title.
            var meta = Metadata(page, random);
            sb.Append("索 引 号").Append(separator).Append(meta[0]).Append(separator).Append("分 类").Append(separator).Append("政府信息公开年报").Append(separator.TrimEnd()).Append('\n')
                .Append("发布机构").Append(separator).Append(page.Report.Agency).Append(separator).Append("发文日期").Append(separator).Append(meta[1]).Append(separator.TrimEnd()).Append('\n')
                .Append("文 号").Append(separator).Append("有 效 性").Append(separator.TrimEnd()).Append('\n');
        }

        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append('\n');
                continue;
            }

            foreach (var row in block.Rows!)
            {
                var texts = Texts(row).Where(t => keepEmpty || t.Length > 0).ToList();
                sb.Append(texts.Count > 0 ? string.Join(separator, texts) + separator.TrimEnd() : string.Empty).Append('\n');
            }
        }

        if (random.Next(2) == 0)
        {
            sb.Append("上一篇：").Append(page.Report.Agency).Append(page.Report.Year - 1).Append("年政府信息公开工作年度报告\n下一篇：").Append(page.Report.Agency).Append("政府信息公开指南\n");
        }

        return sb.ToString();
    }

    /// <summary>A portal's index number for the document (<c>11330100002482345A/2022-00123</c>) and its date.</summary>
    private static string[] Metadata(ZooPage page, Random random)
    {
        var year = page.Report.Year + 1;
        return [$"{random.Next(10000000, 99999999)}{random.Next(1000, 9999)}{(char)('A' + random.Next(26))}/{year}-{random.Next(1, 99999):D5}", $"{year}-0{random.Next(1, 4)}-{random.Next(10, 29)}"];
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
    /// LibreOffice's text export of a document (<c>soffice --convert-to txt</c>, seen 2026-12-06): each
    /// paragraph a line, each table cell a line of its own, an empty cell an empty line, a cell merged
    /// down an empty line on each row it covers after its first, a cell merged across once.
    /// </summary>
    private static string OfficeCellLines(ZooPage page)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph).Append('\n');
                continue;
            }

            foreach (var row in Grid(block.Rows!))
            {
                ZooCell? last = null;
                foreach (var slot in row.Where(s => !ReferenceEquals(s.Cell, last)))
                {
                    last = slot.Cell;
                    sb.Append(slot.Origin ? slot.Cell.Text : string.Empty).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>pdftotext</c>'s default order of a PDF whose table rows differ in height (the real 洪泽区
    /// reports, 2026-12-07): each cell a block of its own, an empty line after it; table 3's rows
    /// whose labels take one line stand close, so each column over a band of them is one block (the
    /// band printed column after column); a band's labels printed before or after its numbers; a
    /// one-cell row of table 2 printed caption, number, label; table 4's total after a line 总计.
    /// Numbers only: a blank cell leaves no trace in this order.
    /// </summary>
    private static string PdfTextBands(ZooPage page, Random random)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text).Append('\n');
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                Line(block.Paragraph!);
                continue;
            }

            var rows = block.Rows!;
            if (rows.Any(r => r.Any(c => c.Text == "申请人情况")))
            {
                foreach (var header in rows.Where(r => !r.Any(c => c.IsValue)))
                {
                    header.ToList().ForEach(c => Line(c.Text));
                }

                var data = rows.Where(r => r.Any(c => c.IsValue)).ToList();
                for (var i = 0; i < data.Count;)
                {
                    var m = Math.Min(data.Count - i, random.Next(3) == 0 ? 1 : random.Next(2, 10));
                    var band = data.GetRange(i, m);
                    i += m;
                    var labels = band.SelectMany(r => r.Where(c => !c.IsValue)).Select(c => c.Text).ToList();
                    var after = random.Next(2) == 0;
                    if (!after)
                    {
                        labels.ForEach(Line);
                        Line(string.Empty);
                    }

                    var values = band.Select(r => r.Where(c => c.IsValue).ToList()).ToList();
                    for (var c = 0; c < values[0].Count; c++)
                    {
                        if (m == 1)
                        {
                            Line(values[0][c].Text);
                        }
                        else
                        {
                            values.ForEach(r => Line(r[c].Text));
                        }

                        Line(string.Empty);
                    }

                    if (after)
                    {
                        labels.ForEach(Line);
                        Line(string.Empty);
                    }
                }

                continue;
            }

            var lastApart = rows.Any(r => r.Any(c => c.Text == "复议后起诉")) && random.Next(2) == 0;
            var cells = rows.SelectMany(r => r).ToList();
            for (var k = 0; k < cells.Count; k++)
            {
                var row = rows.First(r => r.Contains(cells[k]));
                if (!cells[k].IsValue && row.Count == 2 && row[1].IsValue && k > 0 && !cells[k - 1].IsValue && random.Next(2) == 0)
                {
                    // Caption, number, label: the one-cell row's number printed before its label.
                    Line(row[1].Text);
                    Line(string.Empty);
                    Line(cells[k].Text);
                    Line(string.Empty);
                    k++;
                    continue;
                }

                if (lastApart && k == cells.Count - 1)
                {
                    Line("总计");
                    Line(string.Empty);
                }

                Line(cells[k].Text);
                Line(string.Empty);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A page-to-Markdown tool without table rules (Turndown's defaults, a reader view): each cell's
    /// text a paragraph of its own, an empty cell nothing at all.
    /// </summary>
    private static string CellParagraphs(ZooPage page)
    {
        var sb = new StringBuilder();
        foreach (var block in page.Blocks)
        {
            if (!block.IsTable)
            {
                sb.Append(block.Paragraph == page.Title ? "# " : string.Empty).Append(block.Paragraph).Append("\n\n");
                continue;
            }

            foreach (var cell in block.Rows!.SelectMany(r => r).Where(c => c.Text.Length > 0))
            {
                sb.Append(cell.Text).Append("\n\n");
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
