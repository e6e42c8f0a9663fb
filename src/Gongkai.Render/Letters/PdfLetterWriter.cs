using Gongkai.Render.Pdf;
using SkiaSharp;

namespace Gongkai.Render.Letters;

/// <summary>
/// A <see cref="Letter"/> as a PDF in the official document layout (GB/T 9704-2012), drawn like the
/// DOCX (<see cref="DocxLetterWriter"/>): A4, margins 37/35/28/26 mm, the agency in red over a red rule,
/// the 文号 at the right, the title 二号 in the bold serif face (the 小标宋 stand-in), the body 三号 in the
/// regular serif face (the 仿宋 stand-in: Noto Serif CJK where installed, else what
/// <see cref="CjkFonts"/> finds) at 22 lines a page, page numbers “— 1 —”. Text is real text.
/// </summary>
/// <exception cref="CjkFontNotFoundException">When no font with Chinese glyphs is found.</exception>
public static class PdfLetterWriter
{
    public const string MediaType = "application/pdf";

    private const float Mm = PdfPages.PointsPerMillimetre;
    private const float Left = 28 * Mm;
    private const float Right = PdfPages.A4Width - (26 * Mm);
    private const float Top = 37 * Mm;
    private const float Bottom = PdfPages.A4Height - (35 * Mm);
    private const float Width = Right - Left;

    /// <summary>22 lines in the text area.</summary>
    private const float LinePitch = (Bottom - Top) / 22f;

    public static byte[] Write(Letter letter, PdfRenderOptions? options = null)
    {
        options ??= new PdfRenderOptions();
        var faces = CjkFonts.Resolve(options.FontPath, options.BoldFontPath);
        using var body = PdfPages.Steady(new SKFont(faces.Regular, 16f));
        using var title = PdfPages.Steady(new SKFont(faces.Bold, 22f) { Embolden = !faces.HasRealBold });
        using var masthead = PdfPages.Steady(new SKFont(faces.Bold, 26f) { Embolden = !faces.HasRealBold });
        using var footer = PdfPages.Steady(new SKFont(faces.Regular, 14f));
        var pages = new Layout(body, title, masthead).Lay(letter);
        for (var i = 0; i < pages.Count; i++)
        {
            var number = $"— {i + 1} —";
            pages[i].Add(new PdfText(number, (PdfPages.A4Width - footer.MeasureText(number)) / 2f, Bottom + (7 * Mm) + footer.Size, footer));
        }

        using var buffer = new MemoryStream();
        PdfPages.Write(pages, buffer, letter.Title);
        return buffer.ToArray();
    }

    private sealed class Layout(SKFont body, SKFont title, SKFont masthead)
    {
        private readonly List<List<PdfOp>> _pages = [];
        private float _y;

        private List<PdfOp> Page => _pages[^1];

        public List<List<PdfOp>> Lay(Letter letter)
        {
            NewPage();
            Lines(TextWrap.Wrap(letter.Issuer, masthead, Width), masthead, LinePitch * 1.4f, Align.Center, color: SKColors.Red);
            _y += 4f;
            Page.Add(new PdfLine(Left, _y, Right, _y, 1.5f, SKColors.Red));
            _y += LinePitch * 0.5f;
            Lines([letter.DocumentNumber], body, LinePitch, Align.Right);
            _y += LinePitch;
            Lines(TextWrap.Wrap(letter.Title, title, Width), title, LinePitch * 1.2f, Align.Center);
            _y += LinePitch;
            Lines(TextWrap.Wrap(letter.Recipient + "：", body, Width), body, LinePitch, Align.Left);
            foreach (var paragraph in letter.Paragraphs)
            {
                Paragraph(paragraph);
            }

            var attachments = letter.AttachmentLines().ToList();
            if (attachments.Count > 0)
            {
                _y += LinePitch;
                foreach (var line in attachments)
                {
                    Paragraph(line);
                }
            }

            _y += LinePitch * 2;
            // 落款 and 成文日期: right-aligned, four characters in from the right edge.
            var inset = 4 * body.Size;
            Lines([letter.Signer], body, LinePitch, Align.Right, inset: inset);
            Lines([letter.DateZh], body, LinePitch, Align.Right, inset: inset);
            if (letter.Contact is { } contact)
            {
                Paragraph(contact);
            }

            return _pages;
        }

        private void Paragraph(string text)
        {
            var indent = 2 * body.Size;
            var lines = TextWrap.Wrap(text, body, Width, indent);
            for (var i = 0; i < lines.Count; i++)
            {
                Lines([lines[i]], body, LinePitch, Align.Left, i == 0 ? indent : 0f);
            }
        }

        private void NewPage()
        {
            _pages.Add([]);
            _y = Top;
        }

        private void Lines(IEnumerable<string> lines, SKFont font, float pitch, Align align, float indent = 0f, SKColor? color = null, float inset = 0f)
        {
            foreach (var line in lines)
            {
                if (_y + pitch > Bottom + 0.5f)
                {
                    NewPage();
                }

                var width = font.MeasureText(line);
                var x = align switch
                {
                    Align.Center => Left + ((Width - width) / 2f),
                    Align.Right => Right - inset - width,
                    _ => Left + indent,
                };
                Page.Add(new PdfText(line, x, PdfPages.Baseline(font, _y, pitch), font, color));
                _y += pitch;
            }
        }
    }

    private enum Align
    {
        Left,
        Center,
        Right,
    }
}
