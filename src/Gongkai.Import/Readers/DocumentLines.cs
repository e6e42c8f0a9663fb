using System.Collections.Immutable;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers;

/// <summary>
/// The lines of a word-processor document as the readers of its binary forms give them (.doc, RTF),
/// the way <see cref="Docx.DocxSourceReader"/> gives a DOCX's: each paragraph a line of one fragment
/// (located by its number), each table row a line of its cells (located by table, row and cell), a
/// cell's paragraphs joined with a space. Empty cells before a row's first text are left out: the
/// continuation of a cell merged down, which the DOCX reader skips by <c>w:vMerge</c>.
/// </summary>
internal sealed class DocumentLines(string name, ImportBudget budget)
{
    private readonly ImmutableArray<SourceLine>.Builder _lines = ImmutableArray.CreateBuilder<SourceLine>();
    private readonly StringBuilder _cell = new();
    private readonly List<string> _row = [];
    private int _paragraphs;
    private int _tables;
    private int _rows;
    private bool _inTable;

    /// <summary>Whether no line has been made yet.</summary>
    public bool IsEmpty => _lines.Count == 0;

    /// <summary>The text of the paragraph being read; the readers append to it.</summary>
    public StringBuilder Current { get; } = new();

    /// <summary>The current paragraph's end: a line of its own, or a paragraph of the cell it stands in (not the cell's last).</summary>
    public void EndParagraph(bool inCell)
    {
        var text = Take();
        if (inCell)
        {
            Append(text);
        }
        else
        {
            Paragraph(text);
        }
    }

    private void Paragraph(string text)
    {
        text = text.Trim();
        _inTable = false;
        _paragraphs++;
        if (text.Length > 0)
        {
            budget.AddLine(1, text.Length, _paragraphs);
            _lines.Add(new SourceLine([new Fragment(text, new SourceLocation(name, Line: _paragraphs))]));
        }
    }

    /// <summary>A cell's end, the current paragraph its last.</summary>
    public void EndCell()
    {
        Append(Take());
        if (!_inTable)
        {
            (_inTable, _rows) = (true, 0);
            _tables++;
        }

        _row.Add(_cell.ToString());
        _cell.Clear();
    }

    /// <summary>A table row's end: its cells become a line.</summary>
    public void EndRow()
    {
        Current.Clear();
        _cell.Clear();
        _rows++;
        var cells = _row.SkipWhile(c => c.Length == 0).ToList();
        var skipped = _row.Count - cells.Count;
        _row.Clear();
        if (cells.Count == 0)
        {
            return;
        }

        var fragments = cells.Select((c, k) => new Fragment(c, new SourceLocation(name, Table: _tables, Row: _rows, Cell: skipped + k + 1))).ToImmutableArray();
        budget.AddLine(fragments.Length, cells.Sum(c => c.Length));
        _lines.Add(new SourceLine(fragments));
    }

    /// <summary>The lines, a row left open at the end closed first.</summary>
    public ImmutableArray<SourceLine> ToImmutable()
    {
        if (_row.Count > 0)
        {
            EndRow();
        }

        return _lines.ToImmutable();
    }

    private string Take()
    {
        var text = Current.ToString();
        Current.Clear();
        return text;
    }

    private void Append(string text)
    {
        text = text.Trim();
        _cell.Append(_cell.Length > 0 && text.Length > 0 ? " " : string.Empty).Append(text);
    }
}
