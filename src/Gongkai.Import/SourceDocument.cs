using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// A cell of text as a reader found it: the text of one table cell, one tab- or space-separated
/// field, one PDF word group, or one paragraph, with where it came from.
/// </summary>
public sealed record Fragment(string Text, SourceLocation Location)
{
    /// <summary>
    /// Whether the source holds a cell here whose value the reader cannot settle (a column printed
    /// apart from its rows whose blank cells left no trace, so which row's cell is blank is unknown):
    /// read as missing, never guessed.
    /// </summary>
    public bool Unsettled { get; init; }

    /// <summary>
    /// Whether the cell is one of a row's cells whose values are known but not their order (a page's
    /// first row with its first cells printed apart, in no order): read as missing unless the table's
    /// arithmetic settles which goes where.
    /// </summary>
    public bool OneOf { get; init; }
}

/// <summary>
/// One line of a source document: a text line, an HTML/DOCX table row or paragraph, or a PDF row
/// of words that share a baseline. Cells are in reading order (left to right).
/// </summary>
public sealed record SourceLine(ImmutableArray<Fragment> Cells)
{
    /// <summary>
    /// Whether the cells were cut at runs of spaces only (no tab, pipe or markup marks a cell): an
    /// empty cell leaves no trace, so a row with fewer numbers than cells cannot say which is blank.
    /// </summary>
    public bool SpaceSeparated { get; init; }

    /// <summary>
    /// Where each cell stands on a line cut at runs of spaces (one per cell, in order), for text laid out
    /// in columns (<c>pdftotext -layout</c>, a monospace table): the grid's other rows then tell which
    /// column a number is in, and so which cells are blank. Empty when unknown.
    /// </summary>
    public ImmutableArray<CellSpan> Spans { get; init; } = [];

    public string Text => string.Join(' ', Cells.Select(c => c.Text));
}

/// <summary>
/// The columns a cell of a space-aligned text line spans, counted two ways: one column per character
/// (<c>pdftotext -layout</c> places each character so) and two per wide (CJK, full-width) character
/// (a monospace editor). <see cref="End"/> and <see cref="WideEnd"/> are exclusive.
/// </summary>
public readonly record struct CellSpan(int Start, int End, int WideStart, int WideEnd)
{
    /// <summary>The middle of the cell, one column per character.</summary>
    public double Centre => (Start + End - 1) / 2.0;

    /// <summary>The middle of the cell, two columns per wide character.</summary>
    public double WideCentre => (WideStart + WideEnd - 1) / 2.0;
}

/// <summary>
/// What every reader (<see cref="Readers.ISourceReader"/>) produces and the normalisers
/// (<see cref="INormaliser"/>) consume: the document as lines of fragments, plus the reader's own
/// findings (e.g. an encoding that had to be guessed).
/// </summary>
public sealed record SourceDocument(string Name, ImmutableArray<SourceLine> Lines, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The title the file itself stores (a PDF's document information), or null.</summary>
    public string? Title { get; init; }

    public static SourceDocument Failed(string name, Diagnostic diagnostic) => new(name, [], [diagnostic]);
}
