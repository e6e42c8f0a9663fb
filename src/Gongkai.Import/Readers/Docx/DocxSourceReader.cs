using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers.Docx;

/// <summary>
/// Reads a Word document (DOCX, Open XML) into a <see cref="SourceDocument"/>: each paragraph is a
/// line of one fragment (its runs joined), each table row a line of its cells' texts. A cell merged
/// across columns (<c>w:gridSpan</c>) appears once; the continuation cells of a vertical merge
/// (<c>w:vMerge</c>) are skipped in the label part of a row and blank among the values. Nested
/// tables and text boxes (<c>w:txbxContent</c>) follow as lines of their own. Locations give the
/// paragraph number, or the table, row and cell (1-based, in document order).
/// Before the package is opened, the zip is checked against <see cref="ImportLimits"/> by
/// actually expanding every entry, so a zip bomb gives <c>SOURCE.too-large</c>. The old binary
/// formats (.doc, .wps) are read by <see cref="WordBinary.WordBinarySourceReader"/>; OFD gives <c>SOURCE.unsupported</c>.
/// </summary>
public sealed class DocxSourceReader : ISourceReader
{
    /// <summary>The reader (it holds no state).</summary>
    public static DocxSourceReader Instance { get; } = new();

    private DocxSourceReader()
    {
    }

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.Docx;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(SourceReaderBytes.ToArray(bytes), name, ImportBudget.Current);

    /// <summary>The message for formats that must be converted first.</summary>
    public const string UnsupportedMessage = "不支持的文件格式（.ofd），请另存为 DOCX 或 PDF 后导入";

    public static SourceDocument Read(Stream stream, string name, ImportBudget? budget = null) =>
        ImportBudget.ReadBytes(stream, name, "DOCX", budget, (bytes, b) => Read(bytes, name, b));

    public static SourceDocument Read(byte[] bytes, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(bytes, name, b));

    private static SourceDocument ReadWithin(byte[] bytes, string name, ImportBudget budget)
    {
        if (WordBinary.CompoundFile.IsCompoundFile(bytes))
        {
            // A .doc named .docx (or handed to this reader): read as what it is.
            return WordBinary.WordBinarySourceReader.Read(bytes, name, budget);
        }

        if (!bytes.AsSpan().StartsWith("PK"u8))
        {
            return Fail(name, DiagnosticCodes.SourceUnreadable, "不是有效的 DOCX 文件（缺少 zip 文件头）");
        }

        try
        {
            var check = ZipCheck.Inspect(bytes, ImportLimits.MaxDocxPartBytes);
            if (check.Problem is { } problem)
            {
                return Fail(name, DiagnosticCodes.SourceTooLarge, problem);
            }

            if (check.Entries.Contains("OFD.xml") || check.Entries.Any(e => e.EndsWith("/OFD.xml", StringComparison.OrdinalIgnoreCase) || e.Equals("ofd.xml", StringComparison.OrdinalIgnoreCase)))
            {
                return Fail(name, DiagnosticCodes.SourceUnsupported, UnsupportedMessage);
            }

            if (!check.Entries.Contains("[Content_Types].xml") || !check.Entries.Any(e => e.StartsWith("word/", StringComparison.Ordinal)))
            {
                return Fail(name, DiagnosticCodes.SourceUnsupported, UnsupportedMessage);
            }

            Prescan(bytes, budget);
            using var ms = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(ms, false, new OpenSettings { AutoSave = false });
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return Fail(name, DiagnosticCodes.SourceUnreadable, "DOCX 中没有正文（word/document.xml）");
            }

            var walker = new Walker(name, budget);
            walker.Blocks(body, 0);
            return new SourceDocument(name, walker.Lines.ToImmutable(), []);
        }
#pragma warning disable CA1031 // A broken package can make System.IO.Packaging or the XML reader throw many types; the contract is a diagnostic.
        catch (Exception e) when (e is not (OutOfMemoryException or ImportLimitException or OperationCanceledException))
#pragma warning restore CA1031
        {
            return Fail(name, DiagnosticCodes.SourceUnreadable, $"DOCX 文件已损坏或无法解析：{e.GetType().Name}");
        }
    }

    /// <summary>
    /// One streaming pass over <c>word/document.xml</c> before the Open XML SDK builds its tree:
    /// refuses a body with more than <see cref="ImportLimits.MaxDocxElements"/> elements or nested
    /// deeper than <see cref="ImportLimits.MaxNestingDepth"/> (a 5 KB file of 5,000 nested tables).
    /// </summary>
    private static void Prescan(byte[] bytes, ImportBudget budget)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        using var zip = new ZipArchive(ms, ZipArchiveMode.Read);
        if (zip.GetEntry("word/document.xml") is not { } entry)
        {
            return;
        }

        using var content = entry.Open();
        using var reader = XmlReader.Create(content, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true });
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (++elements > ImportLimits.MaxDocxElements)
            {
                budget.Refuse(ImportLimit.DocxElements);
            }

            if (reader.Depth > ImportLimits.MaxNestingDepth)
            {
                budget.Refuse(ImportLimit.NestingDepth);
            }

            if ((elements & 0xFFF) == 0)
            {
                budget.CheckTime();
            }
        }
    }

    private static SourceDocument Fail(string name, string code, string message) =>
        SourceDocument.Failed(name, DiagnosticCodes.Create(code, message, new SourceLocation(name)));

    private sealed class Walker(string name, ImportBudget budget)
    {
        private int _paragraphs;
        private int _tables;

        public ImmutableArray<SourceLine>.Builder Lines { get; } = ImmutableArray.CreateBuilder<SourceLine>();

        /// <summary>Block-level content: paragraphs, tables, and the blocks inside content controls.</summary>
        public void Blocks(OpenXmlElement container, int depth)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        Paragraph(p, depth);
                        break;
                    case Table t:
                        Table(t, depth);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content, depth);
                        break;
                    case CustomXmlBlock or SdtContentBlock:
                        Blocks(child, depth);
                        break;
                }
            }
        }

        private void Paragraph(Paragraph p, int depth)
        {
            _paragraphs++;
            var boxes = new List<OpenXmlElement>();
            var text = ParagraphText(p, boxes);
            if (text.Trim().Length > 0)
            {
                budget.AddLine(1, text.Length, _paragraphs);
                Lines.Add(new SourceLine([new Fragment(text.Trim(), new SourceLocation(name, Line: _paragraphs))]));
            }

            foreach (var box in boxes)
            {
                Blocks(box, depth + 1);
            }
        }

        private void Table(Table table, int depth)
        {
            var index = ++_tables;
            if (depth > ImportLimits.MaxDocxTableNesting)
            {
                return;
            }

            var r = 0;
            foreach (var row in table.Elements<TableRow>())
            {
                r++;
                var fragments = ImmutableArray.CreateBuilder<Fragment>();
                var nested = new List<OpenXmlElement>();
                var c = 0;
                var started = false;
                foreach (var cell in Cells(row))
                {
                    c++;
                    var props = cell.TableCellProperties;
                    var vmerge = props?.VerticalMerge;
                    var continuation = vmerge is not null && (vmerge.Val is null || vmerge.Val.Value != MergedCellValues.Restart);
                    var hmerge = props?.HorizontalMerge;
                    if (hmerge is not null && (hmerge.Val is null || hmerge.Val.Value != MergedCellValues.Restart))
                    {
                        continue;
                    }

                    var location = new SourceLocation(name, Table: index, Row: r, Cell: c);
                    if (continuation)
                    {
                        if (started)
                        {
                            fragments.Add(new Fragment(string.Empty, location));
                        }

                        continue;
                    }

                    var text = CellText(cell, nested);
                    started |= text.Length > 0;
                    fragments.Add(new Fragment(text, location));
                }

                if (fragments.Count > 0 && fragments.Any(f => f.Text.Length > 0))
                {
                    budget.AddLine(fragments.Count, fragments.Sum(f => f.Text.Length));
                    Lines.Add(new SourceLine(fragments.ToImmutable()));
                }

                foreach (var inner in nested)
                {
                    if (inner is Table t)
                    {
                        Table(t, depth + 1);
                    }
                    else
                    {
                        Blocks(inner, depth + 1);
                    }
                }
            }
        }

        /// <summary>The cells of a row, looking through content controls around cells.</summary>
        private static IEnumerable<TableCell> Cells(TableRow row)
        {
            foreach (var child in row.ChildElements)
            {
                if (child is TableCell cell)
                {
                    yield return cell;
                }
                else if (child is SdtCell or CustomXmlCell)
                {
                    foreach (var inner in child.Descendants<TableCell>())
                    {
                        yield return inner;
                    }
                }
            }
        }

        /// <summary>The text of a cell's own paragraphs; nested tables and text boxes are collected to follow the row.</summary>
        private static string CellText(TableCell cell, List<OpenXmlElement> nested)
        {
            var sb = new StringBuilder();
            foreach (var block in cell.ChildElements)
            {
                switch (block)
                {
                    case Paragraph p:
                        Append(sb, ParagraphText(p, nested));
                        break;
                    case Table inner:
                        // The table itself, not a copy: cloning at every level made deep nesting quadratic.
                        nested.Add(inner);
                        break;
                    case SdtBlock sdt:
                        foreach (var p in sdt.Descendants<Paragraph>().Where(p => !p.Ancestors<Table>().Any(t => t.Ancestors<SdtBlock>().Contains(sdt))))
                        {
                            Append(sb, ParagraphText(p, nested));
                        }

                        break;
                }
            }

            return sb.ToString().Trim();

            static void Append(StringBuilder sb, string text)
            {
                text = text.Trim();
                if (text.Length == 0)
                {
                    return;
                }

                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(text);
            }
        }

        /// <summary>
        /// A paragraph's text: runs joined, tabs as spaces, deleted text left out. Text boxes
        /// (<c>w:txbxContent</c>) are not part of it: they are collected into <paramref name="boxes"/>.
        /// Of alternate content, only the first choice is read (the fallback repeats it).
        /// </summary>
        private static string ParagraphText(OpenXmlElement paragraph, List<OpenXmlElement> boxes)
        {
            var sb = new StringBuilder();
            Walk(paragraph);
            return sb.ToString();

            void Walk(OpenXmlElement element)
            {
                foreach (var child in element.ChildElements)
                {
                    switch (child)
                    {
                        case Text t:
                            sb.Append(t.Text);
                            break;
                        case TabChar or PositionalTab:
                            sb.Append(' ');
                            break;
                        case Break or CarriageReturn:
                            sb.Append(' ');
                            break;
                        case NoBreakHyphen:
                            sb.Append('-');
                            break;
                        case DeletedRun or DeletedText or FieldCode or DeletedFieldCode:
                            break;
                        case TextBoxContent box:
                            boxes.Add(box);
                            break;
                        case AlternateContent alt:
                            if (alt.GetFirstChild<AlternateContentChoice>() is { } choice)
                            {
                                Walk(choice);
                            }
                            else if (alt.GetFirstChild<AlternateContentFallback>() is { } fallback)
                            {
                                Walk(fallback);
                            }

                            break;
                        case Paragraph inner:
                            // Only inside drawings outside a text box; read it as text.
                            sb.Append(ParagraphText(inner, boxes));
                            break;
                        default:
                            if (child.HasChildren)
                            {
                                Walk(child);
                            }

                            break;
                    }
                }
            }
        }
    }
}
