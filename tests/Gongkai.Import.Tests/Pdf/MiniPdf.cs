using System.Globalization;
using System.Text;

namespace Gongkai.Import.Tests.Pdf;

/// <summary>
/// Writes tiny PDFs by hand (Helvetica, one content stream per page) so a test can put each glyph
/// and rule exactly where it wants: digits drawn one by one, rotated text, tables with or without
/// rules, pages without text.
/// </summary>
internal sealed class MiniPdf
{
    private readonly List<(StringBuilder Content, int Rotate)> _pages = [];

    public MiniPdf Page(int rotate = 0)
    {
        _pages.Add((new StringBuilder(), rotate));
        return this;
    }

    /// <summary>Text at (x, y) in 10pt Helvetica, optionally turned by <paramref name="degrees"/> (90 = reading upwards).</summary>
    public MiniPdf Text(double x, double y, string text, int degrees = 0)
    {
        var (a, b, c, d) = degrees switch
        {
            90 => (0, 1, -1, 0),
            180 => (-1, 0, 0, -1),
            270 => (0, -1, 1, 0),
            _ => (1, 0, 0, 1),
        };
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        _pages[^1].Content.Append(Invariant($"BT /F1 10 Tf {a} {b} {c} {d} {x:0.##} {y:0.##} Tm ({escaped}) Tj ET\n"));
        return this;
    }

    public MiniPdf Line(double x1, double y1, double x2, double y2)
    {
        _pages[^1].Content.Append(Invariant($"0.5 w {x1:0.##} {y1:0.##} m {x2:0.##} {y2:0.##} l S\n"));
        return this;
    }

    public MiniPdf Rectangle(double x, double y, double w, double h)
    {
        _pages[^1].Content.Append(Invariant($"{x:0.##} {y:0.##} {w:0.##} {h:0.##} re f\n"));
        return this;
    }

    /// <summary>A ruled grid: column edges <paramref name="xs"/>, row edges <paramref name="ys"/> (top to bottom).</summary>
    public MiniPdf Grid(double[] xs, double[] ys)
    {
        foreach (var y in ys)
        {
            Line(xs[0], y, xs[^1], y);
        }

        foreach (var x in xs)
        {
            Line(x, ys[0], x, ys[^1]);
        }

        return this;
    }

    public byte[] ToBytes()
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            string.Empty, // pages, filled below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        var kids = new List<int>();
        foreach (var (content, rotate) in _pages)
        {
            var stream = content.ToString();
            objects.Add(Invariant($"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream"));
            var contentId = objects.Count;
            objects.Add(Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate {rotate} /Resources << /Font << /F1 3 0 R >> >> /Contents {contentId} 0 R >>"));
            kids.Add(objects.Count);
        }

        objects[1] = Invariant($"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => k + " 0 R"))}] /Count {kids.Count} >>");
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append(Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append(Invariant($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            sb.Append(Invariant($"{offset:D10} 00000 n \n"));
        }

        sb.Append(Invariant($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
