using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

public class DocxReportRendererTests
{
    public static TheoryData<string> Reports => new() { Samples.Lanling, Samples.Zhoucun, "2019" };

    private static Report Load(string name) => name == "2019" ? Samples.Format2019() : Samples.Load(name);

    private static WordprocessingDocument Open(Report report)
    {
        var stream = new MemoryStream(ReportRenderers.Render(report, "docx"));
        return WordprocessingDocument.Open(stream, isEditable: false);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Render_Report_HasNoValidationErrors(string name)
    {
        using var document = Open(Load(name));

        foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
        {
            var errors = new OpenXmlValidator(version).Validate(document)
                .Select(e => $"{e.Path?.XPath}: {e.Description}")
                .ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }
    }

    [Fact]
    public void Render_Report_IsA4PortraitInSongTiWithPageNumbers()
    {
        using var document = Open(Samples.Load(Samples.Lanling));
        var main = document.MainDocumentPart!;

        var size = main.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal(("宋体", "SimSun"), (fonts.EastAsia!.Value, fonts.Ascii!.Value));
        Assert.Equal("zh-CN", main.StyleDefinitionsPart.Styles.DocDefaults.Descendants<Languages>().Single().EastAsia!.Value);
        Assert.Contains(main.FontTablePart!.Fonts!.Elements<Font>(), f => f.Name == "宋体" && f.AltName!.Val == "SimSun");
        Assert.Equal("兰陵县卫健局2021年政府信息公开工作年度报告", document.PackageProperties.Title);
        var footer = main.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
    }

    [Fact]
    public void Render_Report_HasTitleAndTheSixHeadings()
    {
        using var document = Open(Samples.Load(Samples.Zhoucun));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal("周村区卫生健康局2022年政府信息公开工作年度报告", paragraphs[0].InnerText);
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText);
        Assert.Equal(FormatCatalogue.Default.Sections.Select(s => s.Heading), headings);
    }

    [Theory]
    [InlineData(false, 22, 28)]
    [InlineData(true, 20, 26)]
    public void Render_Table3_MergesWithGridSpanAndVMerge(bool format2019, int outcomeSpan, int rows)
    {
        using var document = Open(format2019 ? Samples.Format2019() : Samples.Load(Samples.Lanling));
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1);

        var tableRows = table.Elements<TableRow>().ToList();
        Assert.Equal(rows, tableRows.Count);
        Assert.Equal(10, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        Assert.All(tableRows, r => Assert.Equal(10, r.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));
        Assert.Equal(3, tableRows.Count(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null));
        Assert.All(tableRows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));

        var note = tableRows[0].Elements<TableCell>().First();
        Assert.Equal(OfficialTables.Table3Note, note.InnerText);
        Assert.Equal(3, note.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(MergedCellValues.Restart, note.TableCellProperties.VerticalMerge!.Val!.Value);

        // 三、本年度办理结果 starts a vertical merge in the first column continued by the rows below.
        var firstColumn = tableRows.Skip(3).Select(r => r.Elements<TableCell>().First()).ToList();
        var start = firstColumn.FindIndex(c => c.InnerText == "三、本年度办理结果");
        Assert.Equal(MergedCellValues.Restart, firstColumn[start].TableCellProperties!.VerticalMerge!.Val!.Value);
        var continued = firstColumn.Skip(start + 1).TakeWhile(c => c.TableCellProperties?.VerticalMerge is { Val: null }).Count();
        Assert.Equal(outcomeSpan - 1, continued);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Render_Report_PrintsEveryNumberInTheTables(string name)
    {
        var report = Load(name);
        using var document = Open(report);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        Assert.Equal(3, tables.Count);
        foreach (var (layout, table) in report.TableLayouts().Zip(tables))
        {
            var values = OfficialTables.Build(report, layout).Cells.Where(c => c.Kind == OfficialCellKind.Value).ToList();
            var rows = table.Elements<TableRow>().ToList();
            foreach (var value in values)
            {
                var cell = CellAt(rows[value.Row], value.Column);
                Assert.Equal(value.Text, cell.InnerText);
            }
        }
    }

    [Fact]
    public void Render_Table2And4_UseGridSpan()
    {
        using var document = Open(Samples.Load(Samples.Lanling));
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        var captions = tables[0].Descendants<TableCell>().Where(c => c.InnerText.StartsWith("第二十条", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, captions.Count);
        Assert.All(captions, c => Assert.Equal(4, c.TableCellProperties!.GridSpan!.Val!.Value));
        var litigation = tables[2].Descendants<TableCell>().Single(c => c.InnerText == "行政诉讼");
        Assert.Equal(10, litigation.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(5, tables[2].Descendants<VerticalMerge>().Count(v => v.Val?.Value == MergedCellValues.Restart));
    }

    [Fact]
    public void Render_BlankCell_IsAnEmptyCell()
    {
        var blank = new CellRef("table3", "total", 6);
        var report = Samples.Format2019(blank);
        using var document = Open(report);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1);
        var layout = OfficialTables.Build(report, "table3");
        var cell = layout.Cells.Single(c => c.Ref == blank);

        Assert.Equal(string.Empty, CellAt(table.Elements<TableRow>().ElementAt(cell.Row), cell.Column).InnerText);
    }

    private static TableCell CellAt(TableRow row, int column)
    {
        var c = 0;
        foreach (var cell in row.Elements<TableCell>())
        {
            if (c == column)
            {
                return cell;
            }

            c += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
        }

        throw new InvalidOperationException($"No cell starts at column {column}.");
    }
}
