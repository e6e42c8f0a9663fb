using SkiaSharp;

namespace Gongkai.Render.Pdf;

/// <summary>A drawing operation on a PDF page.</summary>
internal abstract record PdfOp;

/// <summary>A line of text; (X, Y) is the left end of the baseline; <paramref name="Color"/> black when null.</summary>
internal sealed record PdfText(string Text, float X, float Y, SKFont Font, SKColor? Color = null) : PdfOp;

/// <summary>A ruled rectangle.</summary>
internal sealed record PdfRect(SKRect Rect, float LineWidth) : PdfOp;

/// <summary>A straight rule from (X1, Y1) to (X2, Y2).</summary>
internal sealed record PdfLine(float X1, float Y1, float X2, float Y2, float LineWidth, SKColor Color) : PdfOp;

/// <summary>
/// Writes laid-out pages (lists of <see cref="PdfOp"/>) as a PDF with SkiaSharp: the one place that
/// opens an <see cref="SKDocument"/>, shared by the report and the letter renderers. Text is real
/// text in the embedded font (selectable, searchable).
/// </summary>
internal static class PdfPages
{
    /// <summary>A4 in points.</summary>
    public const float A4Width = 595.28f;

    /// <summary>A4 in points.</summary>
    public const float A4Height = 841.89f;

    /// <summary>Points per millimetre.</summary>
    public const float PointsPerMillimetre = 72f / 25.4f;

    public static void Write(IEnumerable<List<PdfOp>> pages, Stream output, string title, float width = A4Width, float height = A4Height)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = title;
        metadata.Creator = "Gongkai";
        metadata.Producer = "Gongkai (SkiaSharp)";
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            using var fill = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke };
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(width, height);
                foreach (var op in page)
                {
                    switch (op)
                    {
                        case PdfText text:
                            fill.Color = text.Color ?? SKColors.Black;
                            canvas.DrawText(text.Text, text.X, text.Y, SKTextAlign.Left, text.Font, fill);
                            break;
                        case PdfRect rect:
                            stroke.Color = SKColors.Black;
                            stroke.StrokeWidth = rect.LineWidth;
                            canvas.DrawRect(rect.Rect, stroke);
                            break;
                        case PdfLine line:
                            stroke.Color = line.Color;
                            stroke.StrokeWidth = line.LineWidth;
                            canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, stroke);
                            break;
                    }
                }

                document.EndPage();
            }

            document.Close();
        }

        output.Flush();
    }

    /// <summary>The baseline of a line of <paramref name="font"/> centred vertically in a line box of <paramref name="lineHeight"/> starting at <paramref name="top"/>.</summary>
    public static float Baseline(SKFont font, float top, float lineHeight)
    {
        var metrics = font.Metrics;
        return top + ((lineHeight - (metrics.Descent - metrics.Ascent)) / 2f) - metrics.Ascent;
    }

    /// <summary>Makes a font draw the same on every machine (no hinting, linear metrics).</summary>
    public static SKFont Steady(SKFont font)
    {
        font.Subpixel = true;
        font.Hinting = SKFontHinting.None;
        font.LinearMetrics = true;
        return font;
    }
}
