using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Render.Letters;

/// <summary>
/// A <see cref="Letter"/> as a Word document in the official document layout (GB/T 9704-2012): A4,
/// margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; the issuing agency in red above a red
/// rule; the 文号 at the right; the title in 二号 小标宋; the body in 三号 仿宋, exact line pitch for
/// 22 lines of 28 characters; the 附件说明, 落款 and 成文日期; page numbers 4号 “— 1 —” in the footer.
/// Fonts are named as offices have them (方正小标宋简体, 仿宋_GB2312) with Noto CJK as the alternative
/// where those are missing.
/// </summary>
public static class DocxLetterWriter
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Title face (小标宋) and its fallback.</summary>
    internal const string TitleFont = "方正小标宋简体";

    /// <summary>Body face (仿宋) and its fallback.</summary>
    internal const string BodyFont = "仿宋_GB2312";

    private const string SerifFallback = "Noto Serif CJK SC";

    /// <summary>三号 = 16 pt, in half-points.</summary>
    private const int BodySize = 32;

    /// <summary>二号 = 22 pt, in half-points.</summary>
    private const int TitleSize = 44;

    /// <summary>Line pitch in twips: 225 mm of text area / 22 lines ≈ 28.9 pt.</summary>
    private const int LinePitch = 579;

    /// <summary>Two characters of 三号 (the first-line indent), in twips.</summary>
    private const int TwoCharacters = 640;

    private const string Red = "FF0000";

    public static byte[] Write(Letter letter)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = letter.Title;
            doc.PackageProperties.Creator = letter.Issuer;
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);
            AddFonts(main);
            var footer = AddFooter(main);

            body.Append(Para(letter.Issuer, Justify.Center, font: TitleFont, size: 52, color: Red, spacingAfter: 120));
            body.Append(RedRule());
            body.Append(Para(letter.DocumentNumber, Justify.Right));
            body.Append(Para(string.Empty, Justify.Left));
            body.Append(Para(letter.Title, Justify.Center, font: TitleFont, size: TitleSize, lineExact: 700));
            body.Append(Para(string.Empty, Justify.Left));
            body.Append(Para(letter.Recipient + "：", Justify.Left));
            foreach (var text in letter.Paragraphs)
            {
                body.Append(Para(text, Justify.Indent));
            }

            var attachments = letter.AttachmentLines().ToList();
            if (attachments.Count > 0)
            {
                body.Append(Para(string.Empty, Justify.Left));
                foreach (var line in attachments)
                {
                    body.Append(Para(line, Justify.Indent));
                }
            }

            body.Append(Para(string.Empty, Justify.Left));
            body.Append(Para(string.Empty, Justify.Left));
            body.Append(Para(letter.Signer, Justify.Right, rightIndent: TwoCharacters * 2));
            body.Append(Para(letter.DateZh, Justify.Right, rightIndent: TwoCharacters * 2));
            if (letter.Contact is { } contact)
            {
                body.Append(Para(contact, Justify.Indent));
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = Mm(37), Bottom = Mm(35), Left = (uint)Mm(28), Right = (uint)Mm(26), Header = 851U, Footer = (uint)Mm(28) - 300U, Gutter = 0U },
                new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LinePitch, CharacterSpace = 0 }));
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    private static int Mm(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4);

    private enum Justify
    {
        Left,
        Indent,
        Center,
        Right,
    }

    private static Paragraph Para(string text, Justify justify, string? font = null, int? size = null, string? color = null, int? lineExact = null, int spacingAfter = 0, int rightIndent = 0)
    {
        var props = new ParagraphProperties();
        props.Append(new SpacingBetweenLines
        {
            Line = (lineExact ?? LinePitch).ToString(CultureInfo.InvariantCulture),
            LineRule = LineSpacingRuleValues.Exact,
            Before = "0",
            After = spacingAfter.ToString(CultureInfo.InvariantCulture),
        });
        if (justify == Justify.Indent)
        {
            props.Append(new Indentation { FirstLine = TwoCharacters.ToString(CultureInfo.InvariantCulture) });
        }
        else if (rightIndent > 0)
        {
            props.Append(new Indentation { Right = rightIndent.ToString(CultureInfo.InvariantCulture) });
        }

        props.Append(new Justification
        {
            Val = justify switch
            {
                Justify.Center => JustificationValues.Center,
                Justify.Right => JustificationValues.Right,
                _ => JustificationValues.Both,
            },
        });

        var run = new RunProperties();
        if (font is not null)
        {
            run.Append(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        }

        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        if (size is { } s)
        {
            run.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
            run.Append(new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) });
        }

        return new Paragraph(props, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The red rule under the 版头 (a bottom border of an empty paragraph).</summary>
    private static Paragraph RedRule() =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = Red, Space = 1U }),
            new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "240" }));

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunProperties(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphProperties(
                    new SpacingBetweenLines { Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }))));
        styles.Styles.Save();
    }

    /// <summary>The font table: the official faces, each with Noto CJK as its alternative name.</summary>
    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            new Font(new AltName { Val = SerifFallback }, new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Roman }) { Name = BodyFont },
            new Font(new AltName { Val = SerifFallback }, new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Roman }) { Name = TitleFont });
        part.Fonts.Save();
    }

    /// <summary>The footer with the page number, “— 1 —”, 4号 (14 pt).</summary>
    private static FooterPart AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        var size = new FontSize { Val = "28" };
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        part.Footer.Save();
        return part;
    }
}
