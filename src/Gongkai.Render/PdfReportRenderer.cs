using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Render.Pdf;
using SkiaSharp;

namespace Gongkai.Render;

/// <summary>Options of the PDF renderer.</summary>
/// <param name="FontPath">A font file (.ttf, .otf, .ttc) with Chinese glyphs; null to look for an installed one (Noto CJK first).</param>
/// <param name="BoldFontPath">Its bold face; null for the file next to it named <c>-Bold</c> instead of <c>-Regular</c>, else emboldened regular.</param>
public sealed record PdfRenderOptions(string? FontPath = null, string? BoldFontPath = null);

/// <summary>
/// Renders a report as a PDF on A4 with SkiaSharp: the title, the six sections and the three
/// tables ruled as in the official format, merged cells included. The text is real text in an
/// embedded Chinese font (selectable, searchable). Text wraps inside cells; a row is never split
/// across pages, and a table that continues on the next page repeats its column header.
/// </summary>
/// <exception cref="CjkFontNotFoundException">From <see cref="Render"/>, when no font with Chinese glyphs is found.</exception>
public sealed class PdfReportRenderer(PdfRenderOptions? options = null, FormatCatalogue? catalogue = null) : IReportRenderer
{
    private readonly PdfRenderOptions _options = options ?? new PdfRenderOptions();
    private readonly FormatCatalogue _catalogue = catalogue ?? FormatCatalogue.Default;

    public string Format => "pdf";

    public string MediaType => "application/pdf";

    public string FileExtension => ".pdf";

    public void Render(Report report, Stream output)
    {
        var typefaces = CjkFonts.Resolve(_options.FontPath, _options.BoldFontPath);
        var outline = ReportOutline.Of(report, _catalogue);
        using var fonts = new PdfFonts(typefaces);
        var pages = new PdfLayout(fonts).Lay(outline);

        PdfPages.Write(pages, output, outline.Title, PdfLayout.PageWidth, PdfLayout.PageHeight);
    }
}

/// <summary>The fonts of the PDF, by role.</summary>
internal sealed class PdfFonts : IDisposable
{
    public PdfFonts(CjkTypefaces faces)
    {
        Body = new SKFont(faces.Regular, 12f);
        Title = Bold(faces, 18f);
        Heading = Bold(faces, 13f);
        Table = new SKFont(faces.Regular, 9f);
        TableBold = Bold(faces, 9f);
        Footer = new SKFont(faces.Regular, 9f);
        foreach (var font in All)
        {
            PdfPages.Steady(font);
        }
    }

    public SKFont Body { get; }

    public SKFont Title { get; }

    public SKFont Heading { get; }

    public SKFont Table { get; }

    public SKFont TableBold { get; }

    public SKFont Footer { get; }

    private IEnumerable<SKFont> All => [Body, Title, Heading, Table, TableBold, Footer];

    private static SKFont Bold(CjkTypefaces faces, float size) =>
        new(faces.Bold, size) { Embolden = !faces.HasRealBold };

    public void Dispose()
    {
        foreach (var font in All)
        {
            font.Dispose();
        }
    }
}

/// <summary>
/// Lays the outline out on A4 pages as lists of drawing operations. Measuring and paginating come
/// first, drawing after, so that a merged cell split by a page break can be drawn on both pages.
/// </summary>
internal sealed class PdfLayout(PdfFonts fonts)
{
    public const float PageWidth = PdfPages.A4Width;
    public const float PageHeight = PdfPages.A4Height;
    private const float MarginLeft = 56.7f;
    private const float MarginRight = 56.7f;
    private const float MarginTop = 62f;
    private const float MarginBottom = 62f;
    private const float ContentWidth = PageWidth - MarginLeft - MarginRight;
    private const float ContentBottom = PageHeight - MarginBottom;
    private const float BodyLineFactor = 1.75f;
    private const float TableLineFactor = 1.3f;
    private const float CellPadX = 3f;
    private const float CellPadY = 3f;
    private const float RuleWidth = 0.6f;

    private readonly List<List<PdfOp>> _pages = [];
    private float _y;

    private List<PdfOp> Page => _pages[^1];

    public List<List<PdfOp>> Lay(ReportOutline outline)
    {
        NewPage();
        AddLines(TextWrap.Wrap(outline.Title, fonts.Title, ContentWidth), fonts.Title, 1.5f, TextAlign.Center, 0);
        _y += 14f;
        foreach (var section in outline.Sections)
        {
            var table = section.Table is { } t ? MeasureTable(t) : null;
            var headingLines = TextWrap.Wrap(section.Heading, fonts.Heading, ContentWidth - Indent(fonts.Heading));
            var headingHeight = 8f + (headingLines.Count * LineHeight(fonts.Heading, BodyLineFactor));
            var next = section.Paragraphs.Length > 0 ? LineHeight(fonts.Body, BodyLineFactor)
                : table is not null ? table.LeadHeight + 6f
                : 0f;
            EnsureSpace(headingHeight + next);
            _y += 8f;
            AddLines(headingLines, fonts.Heading, BodyLineFactor, TextAlign.Left, Indent(fonts.Heading));
            foreach (var paragraph in section.Paragraphs)
            {
                var indent = Indent(fonts.Body);
                var lines = TextWrap.Wrap(paragraph, fonts.Body, ContentWidth, indent);
                for (var i = 0; i < lines.Count; i++)
                {
                    AddLines([lines[i]], fonts.Body, BodyLineFactor, TextAlign.Left, i == 0 ? indent : 0f);
                }
            }

            if (table is not null)
            {
                _y += 6f;
                AddTable(table);
                _y += 6f;
            }
        }

        AddPageNumbers();
        return _pages;
    }

    private static float Indent(SKFont font) => 2 * font.Size;

    private static float LineHeight(SKFont font, float factor) => font.Size * factor;

    private void NewPage()
    {
        _pages.Add([]);
        _y = MarginTop;
    }

    private void EnsureSpace(float height)
    {
        if (_y + height > ContentBottom && _y > MarginTop + 0.5f)
        {
            NewPage();
        }
    }

    private void AddLines(IReadOnlyList<string> lines, SKFont font, float factor, TextAlign align, float indent)
    {
        var lineHeight = LineHeight(font, factor);
        foreach (var line in lines)
        {
            EnsureSpace(lineHeight);
            var box = new SKRect(MarginLeft + indent, _y, MarginLeft + ContentWidth, _y + lineHeight);
            Page.Add(TextAt(line, font, box, align, lineHeight, box.Top));
            _y += lineHeight;
        }
    }

    private static PdfText TextAt(string line, SKFont font, SKRect box, TextAlign align, float lineHeight, float top)
    {
        var baseline = PdfPages.Baseline(font, top, lineHeight);
        var width = font.MeasureText(line);
        var x = align switch
        {
            TextAlign.Center => box.MidX - (width / 2f),
            _ => box.Left,
        };
        return new PdfText(line, x, baseline, font);
    }

    private void AddPageNumbers()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"— {i + 1} —");
            var width = fonts.Footer.MeasureText(text);
            _pages[i].Add(new PdfText(text, (PageWidth - width) / 2f, PageHeight - (MarginBottom / 2f), fonts.Footer));
        }
    }

    // ----- tables -----

    private sealed record MeasuredTable(
        OfficialTable Table,
        float[] ColumnX,
        float[] RowHeights,
        List<string>[] Lines,
        SKFont[] Fonts,
        List<(int First, int Last)> Units)
    {
        public float HeaderHeight => RowHeights.Take(Table.HeaderRowCount).Sum();

        /// <summary>
        /// The height that must fit before the table may start: the header and the first three
        /// units, so that a table never starts with a lone row at the foot of a page.
        /// </summary>
        public float LeadHeight => HeaderHeight + Units.Take(3).Sum(u => Height(u.First, u.Last));

        public float Height(int first, int last) => RowHeights.AsSpan(first, last - first + 1).ToArray().Sum();
    }

    private MeasuredTable MeasureTable(OfficialTable table)
    {
        var totalWeight = table.ColumnWeights.Sum();
        var columnX = new float[table.ColumnCount + 1];
        columnX[0] = MarginLeft;
        for (var c = 0; c < table.ColumnCount; c++)
        {
            columnX[c + 1] = columnX[c] + (float)(table.ColumnWeights[c] / totalWeight * ContentWidth);
        }

        var lineHeight = LineHeight(fonts.Table, TableLineFactor);
        var cells = table.Cells;
        var lines = new List<string>[cells.Length];
        var cellFonts = new SKFont[cells.Length];
        var rowHeights = Enumerable.Repeat(lineHeight + (2 * CellPadY), table.RowCount).ToArray();
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            cellFonts[i] = cell.Kind is OfficialCellKind.Header or OfficialCellKind.Caption ? fonts.TableBold : fonts.Table;
            var width = columnX[cell.LastColumn + 1] - columnX[cell.Column] - (2 * CellPadX);
            lines[i] = TextWrap.Wrap(cell.Text, cellFonts[i], width);
        }

        // Single-row cells set their row's height; then each merged cell grows the rows it spans
        // evenly if their sum is too small for its text.
        foreach (var i in Enumerable.Range(0, cells.Length).OrderBy(i => cells[i].RowSpan))
        {
            var cell = cells[i];
            var needed = (lines[i].Count * lineHeight) + (2 * CellPadY);
            var have = rowHeights.AsSpan(cell.Row, cell.RowSpan).ToArray().Sum();
            if (needed > have)
            {
                var extra = (needed - have) / cell.RowSpan;
                for (var r = cell.Row; r <= cell.LastRow; r++)
                {
                    rowHeights[r] += extra;
                }
            }
        }

        // A unit is what may not be split by a page break: one row, and a row without numbers
        // (a caption or a block header of table 2) together with the row after it.
        var units = new List<(int First, int Last)>();
        var start = table.HeaderRowCount;
        for (var r = table.HeaderRowCount; r < table.RowCount; r++)
        {
            var hasValues = table.CellsStartingIn(r).Any(c => c.Kind == OfficialCellKind.Value);
            if (hasValues || r == table.RowCount - 1)
            {
                units.Add((start, r));
                start = r + 1;
            }
        }

        return new MeasuredTable(table, columnX, rowHeights, lines, cellFonts, units);
    }

    private void AddTable(MeasuredTable m)
    {
        var table = m.Table;

        // Pagination: blocks of consecutive rows placed on a page, the header block first on each.
        var blocks = new List<(int Page, int First, int Last, float Top)>();
        EnsureSpace(m.LeadHeight);
        var pageHasHeader = false;
        foreach (var (first, last) in m.Units)
        {
            var unitHeight = m.Height(first, last);
            var need = unitHeight + (pageHasHeader ? 0f : m.HeaderHeight);
            if (_y + need > ContentBottom && _y > MarginTop + 0.5f)
            {
                NewPage();
                pageHasHeader = false;
            }

            if (!pageHasHeader && table.HeaderRowCount > 0)
            {
                blocks.Add((_pages.Count - 1, 0, table.HeaderRowCount - 1, _y));
                _y += m.HeaderHeight;
            }

            pageHasHeader = true;
            if (blocks.Count > 0 && blocks[^1].Page == _pages.Count - 1 && blocks[^1].Last == first - 1 && blocks[^1].First >= table.HeaderRowCount)
            {
                var b = blocks[^1];
                blocks[^1] = (b.Page, b.First, last, b.Top);
            }
            else
            {
                blocks.Add((_pages.Count - 1, first, last, _y));
            }

            _y += unitHeight;
        }

        // Drawing: each cell in every block it reaches; its text where the segment is tall enough
        // (a merged label split by a page break is repeated), else in its tallest segment.
        var lineHeight = LineHeight(fonts.Table, TableLineFactor);
        for (var i = 0; i < table.Cells.Length; i++)
        {
            var cell = table.Cells[i];
            var segments = new List<(int Page, SKRect Rect)>();
            foreach (var block in blocks)
            {
                var from = Math.Max(cell.Row, block.First);
                var to = Math.Min(cell.LastRow, block.Last);
                if (from > to)
                {
                    continue;
                }

                var top = block.Top + (from > block.First ? m.Height(block.First, from - 1) : 0f);
                var rect = new SKRect(m.ColumnX[cell.Column], top, m.ColumnX[cell.LastColumn + 1], top + m.Height(from, to));
                segments.Add((block.Page, rect));
            }

            var textHeight = m.Lines[i].Count * lineHeight;
            var drawn = false;
            foreach (var (page, rect) in segments)
            {
                _pages[page].Add(new PdfRect(rect, RuleWidth));
                if (textHeight <= rect.Height - (2 * CellPadY) + 0.5f)
                {
                    AddCellText(_pages[page], cell, m.Lines[i], m.Fonts[i], rect, lineHeight);
                    drawn = true;
                }
            }

            if (!drawn && segments.Count > 0 && textHeight > 0)
            {
                var (page, rect) = segments.MaxBy(s => s.Rect.Height);
                AddCellText(_pages[page], cell, m.Lines[i], m.Fonts[i], rect, lineHeight);
            }
        }
    }

    private static void AddCellText(List<PdfOp> page, OfficialCell cell, List<string> lines, SKFont font, SKRect rect, float lineHeight)
    {
        var align = cell.Kind switch
        {
            OfficialCellKind.Caption => TextAlign.Left,
            OfficialCellKind.Label when cell.RowSpan == 1 => TextAlign.Left,
            _ => TextAlign.Center,
        };
        var top = rect.MidY - (lines.Count * lineHeight / 2f);
        top = Math.Max(top, rect.Top + CellPadY);
        var box = new SKRect(rect.Left + CellPadX, top, rect.Right - CellPadX, rect.Bottom);
        foreach (var line in lines)
        {
            page.Add(TextAt(line, font, box, align, lineHeight, top));
            top += lineHeight;
        }
    }

    private enum TextAlign
    {
        Left,
        Center,
    }
}
