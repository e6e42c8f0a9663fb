using System.Collections.Immutable;
using Gongkai.Domain.Reports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics;

namespace Gongkai.Import.Readers.Pdf;

/// <summary>
/// Reads a PDF with a text layer (PdfPig) into a <see cref="SourceDocument"/>. PDF has no lines or
/// cells, only glyphs at positions and, in most reports, the ruling lines of the tables; this
/// reader rebuilds them: glyphs are clustered into visual lines by baseline, split into words at
/// column gaps and ruling lines, and words inside a ruled table cell become one fragment per cell,
/// so a label wrapped over several lines is one fragment and a table row is one line (see
/// <see cref="PdfPageLayout"/>). Page numbers in the margins are dropped. A PDF without text
/// (a scan), an encrypted or a broken PDF gives a <c>SOURCE.*</c> diagnostic, never an exception.
/// </summary>
public sealed class PdfSourceReader : ISourceReader
{
    /// <summary>The reader (it holds no state).</summary>
    public static PdfSourceReader Instance { get; } = new();

    private PdfSourceReader()
    {
    }

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.Pdf;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(SourceReaderBytes.ToArray(bytes), name, ImportBudget.Current);

    /// <summary>
    /// When more than this share of the glyphs decode to private-use or control characters, the
    /// fonts lack a Unicode mapping and the text layer is noise.
    /// </summary>
    public const double MaxUndecodableShare = 0.5;

    /// <summary>Whether a glyph's text is a private-use or control character (a font without a Unicode mapping).</summary>
    internal static bool IsUndecodable(string value) =>
        value.Length > 0 && (char.IsControl(value[0]) || value[0] is >= '\uE000' and <= '\uF8FF' || value[0] == '\uFFFD');

    public static SourceDocument Read(Stream stream, string name, ImportBudget? budget = null) =>
        ImportBudget.ReadBytes(stream, name, "PDF", budget, (bytes, b) => Read(bytes, name, b));

    public static SourceDocument Read(byte[] bytes, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(bytes, name, b));

    private static SourceDocument ReadWithin(byte[] bytes, string name, ImportBudget budget)
    {
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > ImportLimits.MaxPdfPages)
            {
                budget.Refuse(ImportLimit.PdfPages);
            }

            var lines = ImmutableArray.CreateBuilder<SourceLine>();
            var letters = 0;
            var garbled = 0;
            for (var p = 1; p <= document.NumberOfPages; p++)
            {
                budget.CheckTime();
                var page = document.GetPage(p);
                if (page.Letters.Count > ImportLimits.MaxPdfLettersPerPage)
                {
                    return TooLarge(name, $"PDF 第 {p} 页字符过多（{page.Letters.Count}），上限为 {ImportLimits.MaxPdfLettersPerPage}");
                }

                foreach (var letter in page.Letters)
                {
                    if (!string.IsNullOrWhiteSpace(letter.Value))
                    {
                        letters++;
                        garbled += IsUndecodable(letter.Value) ? 1 : 0;
                    }
                }

                var turn = MainTurn(page);
                foreach (var line in PdfPageLayout.Lines(Glyphs(page, turn), Segments(page, turn), new PageInfo(name, p, page.Width, page.Height)))
                {
                    budget.AddLine(line.Cells.Length, line.Cells.Sum(c => c.Text.Length));
                    lines.Add(line);
                }
            }

            if (letters == 0)
            {
                return Unreadable(name, "PDF 无文本层（可能为扫描件），无法读取");
            }

            if (garbled > letters * MaxUndecodableShare)
            {
                return Unreadable(name, "PDF 文本层无法解码（字体缺少编码映射），无法读取");
            }

            return new SourceDocument(name, lines.ToImmutable(), []) { Title = string.IsNullOrWhiteSpace(document.Information.Title) ? null : document.Information.Title };
        }
        catch (PdfDocumentEncryptedException)
        {
            return Unreadable(name, "PDF 已加密，无法读取");
        }
#pragma warning disable CA1031 // A broken PDF can make PdfPig throw almost anything; the reader's contract is a diagnostic.
        catch (Exception e) when (e is not (OutOfMemoryException or ImportLimitException or OperationCanceledException))
#pragma warning restore CA1031
        {
            return Unreadable(name, $"PDF 文件已损坏或无法解析：{e.GetType().Name}");
        }
    }

    /// <summary>The rotation that makes the page's main text direction (that of most glyphs) read left to right.</summary>
    private static Turn MainTurn(Page page) => Turn.For(page.Letters
        .Where(l => !string.IsNullOrWhiteSpace(l.Value))
        .GroupBy(l => l.TextOrientation)
        .OrderByDescending(g => g.Count())
        .Select(g => g.Key)
        .FirstOrDefault(TextOrientation.Horizontal));

    /// <summary>The page's glyphs, turned so that the page's main text direction reads left to right.</summary>
    private static List<Glyph> Glyphs(Page page, Turn turn)
    {
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            var r = letter.BoundingBox;
            var (x1, y1) = turn.Apply(r.BottomLeft);
            var (x2, y2) = turn.Apply(r.TopRight);
            var (x3, y3) = turn.Apply(r.TopLeft);
            var (x4, y4) = turn.Apply(r.BottomRight);
            var left = Math.Min(Math.Min(x1, x2), Math.Min(x3, x4));
            var right = Math.Max(Math.Max(x1, x2), Math.Max(x3, x4));
            var bottom = Math.Min(Math.Min(y1, y2), Math.Min(y3, y4));
            var top = Math.Max(Math.Max(y1, y2), Math.Max(y3, y4));
            var (_, baseY) = turn.Apply(letter.StartBaseLine);
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(top - bottom, 1);
            if (right - left < 0.01)
            {
                right = left + (size / 2);
            }

            if (top - bottom < 0.01)
            {
                top = bottom + size;
            }

            if (!double.IsFinite(left) || !double.IsFinite(right) || !double.IsFinite(top) || !double.IsFinite(bottom) || !double.IsFinite(baseY))
            {
                continue;
            }

            var (startX, _) = turn.Apply(letter.StartBaseLine);
            var (endX, _) = turn.Apply(letter.EndBaseLine);
            if (!double.IsFinite(startX) || !double.IsFinite(endX))
            {
                (startX, endX) = (left, right);
            }

            glyphs.Add(new Glyph(letter.Value, left, right, bottom, top, baseY, size, letter.StartBaseLine.X, letter.StartBaseLine.Y, Math.Min(startX, endX), Math.Max(startX, endX)));
        }

        return glyphs;
    }

    /// <summary>The axis-parallel ruling lines of the page (stroked lines, rectangle edges, thin filled bars).</summary>
    private static Segments Segments(Page page, Turn turn)
    {
        var segments = new Segments();
        IReadOnlyList<PdfPath> paths;
        try
        {
            paths = page.Paths;
        }
#pragma warning disable CA1031 // Paths are optional: without them the reader falls back to gaps.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return segments;
        }

        foreach (var path in paths)
        {
            if (segments.Count >= ImportLimits.MaxPdfSegmentsPerPage)
            {
                break;
            }

            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            if (path.IsFilled && !path.IsStroked)
            {
                // A filled bar thinner than 3pt is drawn as a rule; a larger filled area is shading.
                if (path.GetBoundingRectangle() is { } box)
                {
                    var (ax, ay) = turn.Apply(box.BottomLeft);
                    var (bx, by) = turn.Apply(box.TopRight);
                    var w = Math.Abs(bx - ax);
                    var h = Math.Abs(by - ay);
                    if (h <= 3 && w > 3)
                    {
                        segments.AddHorizontal((ay + by) / 2, Math.Min(ax, bx), Math.Max(ax, bx));
                    }
                    else if (w <= 3 && h > 3)
                    {
                        segments.AddVertical((ax + bx) / 2, Math.Min(ay, by), Math.Max(ay, by));
                    }
                }

                continue;
            }

            foreach (var subpath in path)
            {
                PdfPoint? start = null;
                PdfPoint? current = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move move:
                            start = current = move.Location;
                            break;
                        case PdfSubpath.Line line:
                            segments.Add(turn.Apply(line.From), turn.Apply(line.To));
                            start ??= line.From;
                            current = line.To;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            segments.Add(turn.Apply(c), turn.Apply(s));
                            current = s;
                            break;
                        case PdfSubpath.BezierCurve curve:
                            current = curve.EndPoint;
                            break;
                    }
                }
            }
        }

        return segments;
    }

    private static SourceDocument Unreadable(string name, string message) =>
        SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, message, new SourceLocation(name)));

    private static SourceDocument TooLarge(string name, string message) =>
        SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceTooLarge, message, new SourceLocation(name)));

    /// <summary>The rotation that makes text of one orientation read left to right.</summary>
    private readonly record struct Turn(int Quarter)
    {
        public static Turn For(TextOrientation orientation) => orientation switch
        {
            // PdfPig's Rotate90 reads down the page (turned clockwise), Rotate270 reads up.
            TextOrientation.Rotate90 => new Turn(3),
            TextOrientation.Rotate180 => new Turn(2),
            TextOrientation.Rotate270 => new Turn(1),
            _ => new Turn(0),
        };

        public (double X, double Y) Apply(PdfPoint p) => Quarter switch
        {
            1 => (p.Y, -p.X),
            2 => (-p.X, -p.Y),
            3 => (-p.Y, p.X),
            _ => (p.X, p.Y),
        };
    }
}
