using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers;

/// <summary>
/// Reads an HTML page (a whole portal page or just the report's tables) with AngleSharp: each table
/// row becomes a line whose cells are the row's <c>td</c>/<c>th</c> texts (a merged cell once, in
/// the row where it starts); each paragraph or other block becomes a line of one cell. Menus,
/// scripts and styles are skipped. Locations give the source line and table/row/cell. Within
/// <see cref="ImportBudget"/>: <see cref="MarkupScan"/> refuses a page with too many or too deeply
/// nested elements before AngleSharp builds the tree, and the lines are counted as they are made.
/// </summary>
public sealed class HtmlSourceReader : ISourceReader
{
    /// <summary>The reader (it holds no state).</summary>
    public static HtmlSourceReader Instance { get; } = new();

    private HtmlSourceReader()
    {
    }

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.Html;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(TextDecoding.Decode(bytes.Span, out _), name, ImportBudget.Current);

    /// <summary>
    /// The parser, made on the first HTML read rather than with this reader: a text or PDF import
    /// then never loads AngleSharp (≈100 KB of code to JIT at start-up; docs/benchmarks.md).
    /// </summary>
    private static class Parser
    {
        internal static readonly HtmlParser Instance = new(new HtmlParserOptions { IsKeepingSourceReferences = true });
    }

    private static readonly HashSet<string> s_skip = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "nav", "select", "button", "iframe", "svg",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main", "header",
        "footer", "aside", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "br", "hr", "blockquote",
        "pre", "dl", "dt", "dd", "form", "center", "body", "html", "address", "figure", "figcaption",
    };

    public static SourceDocument Read(string html, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(html, name, b));

    private static SourceDocument ReadWithin(string html, string name, ImportBudget budget)
    {
        MarkupScan.Check(html, budget);
        using var document = Parser.Instance.ParseDocument(html);
        budget.CheckTime();
        var walker = new Walker(name, budget);
        if (document.Title is { Length: > 0 } title)
        {
            walker.AddLine([new Fragment(title.Trim(), new SourceLocation(name, 1))]);
        }

        if (document.Body is { } body)
        {
            walker.Walk(body);
            walker.Flush();
        }

        return new SourceDocument(name, walker.Lines.ToImmutable(), []);
    }

    /// <summary>
    /// The lines of an HTML fragment embedded in a text file (a table a converter wrote into Markdown,
    /// as MinerU and marker do), read as a page is; its source lines are counted from <paramref name="firstLine"/>.
    /// </summary>
    internal static ImmutableArray<SourceLine> ReadFragment(string html, string name, int firstLine, ImportBudget budget)
    {
        MarkupScan.Check(html, budget);
        using var document = Parser.Instance.ParseDocument(html);
        budget.CheckTime();
        var walker = new Walker(name, budget, firstLine - 1);
        if (document.Body is { } body)
        {
            walker.Walk(body);
            walker.Flush();
        }

        return walker.Lines.ToImmutable();
    }

    private sealed class Walker(string name, ImportBudget budget, int lineOffset = 0)
    {
        private readonly StringBuilder _inline = new();
        private int? _inlineLine;
        private int _tables;

        public ImmutableArray<SourceLine>.Builder Lines { get; } = ImmutableArray.CreateBuilder<SourceLine>();

        public void AddLine(ImmutableArray<Fragment> cells)
        {
            if (cells.Length > 0)
            {
                var chars = 0;
                foreach (var cell in cells)
                {
                    chars += cell.Text.Length;
                }

                budget.AddLine(cells.Length, chars, cells[0].Location.Line);
                Lines.Add(new SourceLine(cells));
            }
        }

        public void Flush()
        {
            var text = Collapse(_inline.ToString());
            if (text.Length > 0)
            {
                AddLine([new Fragment(text, new SourceLocation(name, _inlineLine))]);
            }

            _inline.Clear();
            _inlineLine = null;
        }

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        if (_inline.Length == 0 && !string.IsNullOrWhiteSpace(text.Data))
                        {
                            _inlineLine = (child.ParentElement as IElement)?.SourceReference?.Position.Line + lineOffset;
                        }

                        _inline.Append(text.Data);
                        break;
                    case IHtmlTableElement table:
                        Flush();
                        WalkTable(table);
                        break;
                    case IElement element when s_skip.Contains(element.LocalName):
                        break;
                    case IElement element when s_blocks.Contains(element.LocalName):
                        Flush();
                        if (element.LocalName != "br" && element.LocalName != "hr")
                        {
                            _inlineLine = element.SourceReference?.Position.Line + lineOffset;
                            Walk(element);
                            Flush();
                        }

                        break;
                    case IElement element:
                        Walk(element);
                        break;
                }
            }
        }

        private void WalkTable(IHtmlTableElement table)
        {
            var tableIndex = ++_tables;
            var rowIndex = 0;
            foreach (var row in table.Rows)
            {
                rowIndex++;
                if (row.Cells.Any(c => c.QuerySelector("table") is not null))
                {
                    // A layout table around the report: read what is inside.
                    foreach (var cell in row.Cells)
                    {
                        Walk(cell);
                        Flush();
                    }

                    continue;
                }

                var cells = ImmutableArray.CreateBuilder<Fragment>();
                var cellIndex = 0;
                foreach (var cell in row.Cells)
                {
                    cellIndex++;
                    var location = new SourceLocation(name, cell.SourceReference?.Position.Line + lineOffset, Table: tableIndex, Row: rowIndex, Cell: cellIndex);
                    cells.Add(new Fragment(Collapse(CellText(cell)), location));
                }

                AddLine(cells.ToImmutable());
            }
        }

        private static string CellText(IElement cell)
        {
            var sb = new StringBuilder();
            foreach (var node in cell.Descendants())
            {
                if (node is IText t && t.ParentElement is { } p && !s_skip.Contains(p.LocalName))
                {
                    sb.Append(t.Data);
                }
                else if (node is IElement { LocalName: "br" or "p" or "div" })
                {
                    sb.Append(' ');
                }
            }

            return sb.ToString();
        }

        private static string Collapse(string text)
        {
            var sb = new StringBuilder(text.Length);
            var space = false;
            foreach (var ch in text)
            {
                if (char.IsWhiteSpace(ch) || ch == '\u00a0')
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(ch);
            }

            return sb.ToString();
        }
    }
}
