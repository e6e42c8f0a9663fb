using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;
using TableLayout = DocumentFormat.OpenXml.Wordprocessing.TableLayout;

namespace Gongkai.Render;

/// <summary>
/// Renders a report as a Word document (.docx, Office Open XML): A4 portrait, 宋体 (SimSun) with
/// East Asian font attributes so that Word, WPS and LibreOffice (which falls back to Noto CJK)
/// choose a Chinese font, the title, the six sections and the three tables as real Word tables.
/// Merged cells are <c>w:gridSpan</c> (across) and <c>w:vMerge</c> (down); header rows of tables 3
/// and 4 repeat on every page and no row is split across pages.
/// </summary>
public sealed class DocxReportRenderer(FormatCatalogue? catalogue = null) : IReportRenderer
{
    // A4 in twentieths of a point, and margins of 2 cm left and right, 2.54 cm top and bottom.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTopBottom = 1440;
    private const int MarginLeftRight = 1134;
    private const int TextWidth = PageWidth - (2 * MarginLeftRight);

    private const string SongTi = "宋体";
    private const string SongTiLatin = "SimSun";
    private const string HeiTi = "黑体";
    private const string HeiTiLatin = "SimHei";

    private readonly FormatCatalogue _catalogue = catalogue ?? FormatCatalogue.Default;

    public string Format => "docx";

    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string FileExtension => ".docx";

    public void Render(Report report, Stream output)
    {
        // The packaging layer needs a seekable stream; build in memory, then copy.
        using var buffer = new MemoryStream();
        Write(report, buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private void Write(Report report, MemoryStream stream)
    {
        var outline = ReportOutline.Of(report, _catalogue);
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = outline.Title;
        document.PackageProperties.Creator = "Gongkai";
        document.PackageProperties.Language = "zh-CN";

        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 420 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));

        var body = new Body();
        body.Append(Paragraph(outline.Title, "Title"));
        foreach (var section in outline.Sections)
        {
            body.Append(Paragraph(section.Heading, "Heading1"));
            foreach (var text in section.Paragraphs)
            {
                body.Append(Paragraph(text, "BodyText"));
            }

            if (section.Table is { } table)
            {
                body.Append(Table(table));
                body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableGap" })));
            }
        }

        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTopBottom,
                Bottom = MarginTopBottom,
                Left = MarginLeftRight,
                Right = MarginLeftRight,
                Header = 851,
                Footer = 992,
                Gutter = 0,
            }));
        main.Document = new Document(body);
    }

    /// <summary>The page number, centred between dashes (— 1 —) as official documents print it.</summary>
    private static Footer PageNumberFooter() => new(
        new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    private static Paragraph Paragraph(string text, string style, JustificationValues? justification = null)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (justification is { } j)
        {
            properties.Append(new Justification { Val = j });
        }

        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static Table Table(OfficialTable table)
    {
        var total = table.ColumnWeights.Sum();
        var widths = table.ColumnWeights.Select(w => (int)Math.Round(w / total * TextWidth)).ToArray();
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));
        var properties = new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "0600" });
        var result = new Table(properties, grid);

        for (var r = 0; r < table.RowCount; r++)
        {
            var rowProperties = new TableRowProperties(new CantSplit());
            if (r < table.HeaderRowCount)
            {
                rowProperties.Append(new TableHeader());
            }

            var row = new TableRow(rowProperties);
            for (var c = 0; c < table.ColumnCount;)
            {
                var cell = table.CellAt(r, c);
                var span = cell?.ColumnSpan ?? 1;
                var width = widths.AsSpan(c, span).ToArray().Sum();
                row.Append(cell is null ? EmptyCell(width) : Cell(cell, r, width));
                c += span;
            }

            result.Append(row);
        }

        return result;
    }

    private static TableCell EmptyCell(int width) =>
        new(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" })));

    private static TableCell Cell(OfficialCell cell, int row, int width)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColumnSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColumnSpan });
        }

        var starts = cell.Row == row;
        if (cell.RowSpan > 1)
        {
            properties.Append(starts ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var style = cell.Kind is OfficialCellKind.Header or OfficialCellKind.Caption ? "TableHeading" : "TableText";
        var justification = cell.Kind switch
        {
            OfficialCellKind.Caption => JustificationValues.Left,
            OfficialCellKind.Label when cell.RowSpan == 1 => JustificationValues.Left,
            _ => JustificationValues.Center,
        };
        return new TableCell(properties, Paragraph(starts ? cell.Text : string.Empty, style, justification));
    }

    private static RunFonts Fonts(string eastAsia, string latin) =>
        new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia };

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(SongTi, SongTiLatin),
                new Kern { Val = 2 },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto })));

        return new Styles(
            defaults,
            ParagraphStyle("Normal", "Normal", null, isDefault: true, new StyleParagraphProperties(new Justification { Val = JustificationValues.Both }), null),
            ParagraphStyle("Title", "Title", "Normal", isDefault: false,
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "480" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(SongTi, SongTiLatin), new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" })),
            ParagraphStyle("Heading1", "heading 1", "Normal", isDefault: false,
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new Indentation { FirstLineChars = 200, FirstLine = "560" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(HeiTi, HeiTiLatin), new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            ParagraphStyle("BodyText", "Body Text", "Normal", isDefault: false,
                new StyleParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "480" }),
                null),
            ParagraphStyle("TableText", "Table Text", "Normal", isDefault: false,
                new StyleParagraphProperties(new SpacingBetweenLines { Line = "260", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            ParagraphStyle("TableHeading", "Table Heading", "TableText", isDefault: false,
                null,
                new StyleRunProperties(new Bold())),
            ParagraphStyle("Footer", "footer", "Normal", isDefault: false,
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            ParagraphStyle("TableGap", "Table Gap", "Normal", isDefault: false,
                null,
                new StyleRunProperties(new FontSize { Val = "12" })));
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties? paragraph, StyleRunProperties? run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static Fonts FontTable() => new(
        FontEntry(SongTi, SongTiLatin, "02010600030101010101", "00000003", "288F0000", "00000000", "00040001", "00000000"),
        FontEntry(HeiTi, HeiTiLatin, "02010609060101010101", "800002BF", "38CF7CFA", "00000016", "00040001", "00000000"));

    private static Font FontEntry(string name, string altName, string panose, string usb0, string usb1, string usb2, string csb0, string csb1) =>
        new(
            new AltName { Val = altName },
            new Panose1Number { Val = panose },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = FontFamilyValues.Auto },
            new Pitch { Val = FontPitchValues.Variable },
            new FontSignature
            {
                UnicodeSignature0 = usb0,
                UnicodeSignature1 = usb1,
                UnicodeSignature2 = usb2,
                UnicodeSignature3 = "00000000",
                CodePageSignature0 = csb0,
                CodePageSignature1 = csb1,
            })
        { Name = name };
}
