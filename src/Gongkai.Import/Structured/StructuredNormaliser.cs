using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>
/// The structured normaliser, the pipeline's first: reads a <see cref="SourceDocument"/> from any
/// reader line by line and cell by cell, in stages (one file each): the fragments are classified
/// (<c>.Lines</c>, with tables printed column by column put back into rows by <c>.Transposed</c>; <c>.Values</c>: numbers with their units and decimals as printed, placeholders,
/// blanks, labels); the title, agency and year are found (<c>.Metadata</c>); the sections'
/// headings locate each table and the table's layout is chosen (<c>.Sections</c>); rows are found
/// by the catalogue's label phrases in table order and given the value cells that follow
/// (<c>.Rows</c>, and <c>.Table4</c> for table 4's unlabelled row). Blanks stay blank,
/// placeholders stay non-numeric: nothing is coerced to 0. A document without any table row gives
/// a reading of 0 rows carrying <c>SOURCE.not-report</c>, which the flattened normaliser may replace.
/// </summary>
internal sealed partial class StructuredNormaliser : INormaliser
{
    /// <summary>More cells than any table row has (table 4's fifteen aside, which has no label).</summary>
    private const int MaxRowCells = 10;

    /// <summary>How many lines from the top are searched for the title.</summary>
    public const int TitleSearchLines = 40;

    private StructuredNormaliser()
    {
    }

    /// <summary>The normaliser (it holds no state).</summary>
    public static StructuredNormaliser Instance { get; } = new();

    /// <inheritdoc/>
    public NormalisedReading? Normalise(NormaliseInput input, NormalisedReading? before)
    {
        ArgumentNullException.ThrowIfNull(input);
        var document = input.Document;
        var cat = input.Catalogue;
        var doc = new Doc(document, cat);
        var (agency, year, title) = FindTitle(doc);
        agency ??= FindPublisher(doc) ?? FindSignature(doc) ?? FindIntroduction(doc);
        var headings = FindHeadings(doc, cat);

        var format = cat.FormatForYear(year).Id;
        var builder = new ReportBuilder(format, cat) { Agency = agency, Year = year, Title = title, SourceName = document.Name };
        foreach (var d in document.Diagnostics)
        {
            builder.Add(d);
        }

        var t2 = Region(doc, headings, 2);
        var t3 = Region(doc, headings, 3);
        var t4 = Region(doc, headings, 4);

        var layout2 = ChooseLayout(doc, t2, cat.Layouts.Where(l => l.Table == "table2"), cat.LayoutFor(format, "table2"));
        var layout3 = ChooseTable3Layout(doc, t3, cat, format);
        builder.Format = layout2.Format;
        builder.UseLayout(layout2.Id).UseLayout(layout3.Id);

        var found = ReadRows(doc, t2, layout2, builder) + ReadRows(doc, t3, layout3, builder) + ReadTable4(doc, t4, cat.Layout("table4"), builder, headings);
        ImportBudget.ThrowIfOutOfTime();

        if (found == 0)
        {
            builder.Add(DiagnosticCodes.Create(
                DiagnosticCodes.SourceNotReport,
                document.Lines.IsEmpty ? "文件没有可读的文本内容" : "未识别出政府信息公开工作年度报告的表格（表二至表四均未找到）",
                new SourceLocation(document.Name)));
            return new NormalisedReading(builder.Build(), 0, []);
        }

        if (agency is null)
        {
            builder.Add(DiagnosticCodes.Create(DiagnosticCodes.MetaAgency, "未能从标题识别报告机关", new SourceLocation(document.Name)));
        }

        if (year is null)
        {
            builder.Add(DiagnosticCodes.Create(DiagnosticCodes.MetaYear, "未能从标题或正文识别报告年度", new SourceLocation(document.Name)));
        }

        AddSections(doc, headings, cat, builder);
        return new NormalisedReading(SettleByArithmetic(builder.Build(), doc.OneOf, cat), found, doc.ShortRows.ToImmutableHashSet(StringComparer.Ordinal));
    }
}
