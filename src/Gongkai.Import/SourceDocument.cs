using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// A cell of text as a reader found it: the text of one table cell, one tab- or space-separated
/// field, one PDF word group, or one paragraph, with where it came from.
/// </summary>
public sealed record Fragment(string Text, SourceLocation Location);

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

    public string Text => string.Join(' ', Cells.Select(c => c.Text));
}

/// <summary>
/// What every reader (<see cref="Readers.ISourceReader"/>) produces and the normalisers
/// (<see cref="INormaliser"/>) consume: the document as lines of fragments, plus the reader's own
/// findings (e.g. an encoding that had to be guessed).
/// </summary>
public sealed record SourceDocument(string Name, ImmutableArray<SourceLine> Lines, ImmutableArray<Diagnostic> Diagnostics)
{
    public static SourceDocument Failed(string name, Diagnostic diagnostic) => new(name, [], [diagnostic]);
}
