using System.Collections.Immutable;
using Gongkai.Domain.Reports;
using static Gongkai.Import.Flattened.FlattenedTableReader;

namespace Gongkai.Import.Flattened;

/// <summary>
/// The flattened normaliser's reading of one document's text stream (<see cref="FlatText"/>), in
/// two stages, one file each: table location (<c>.Locate</c>: each table's rows found by the
/// sequence of their label phrases, whatever the line breaks, and the runs of numbers after them)
/// and row/cell assignment (<c>.Cells</c>: each run split into the row's cells by the table's
/// grammar and arithmetic, <see cref="FlattenedTableSolver"/>).
/// </summary>
internal sealed partial class FlatStreamReader(FlatText flat, string name, FormatCatalogue catalogue, Func<int, SourceLocation> locate)
{
    // For each label-view index, how many non-digit characters precede it (distances ignore digit runs).
    private readonly int[] _words = WordPrefix(flat.Label);

    private static int[] WordPrefix(string label)
    {
        var prefix = new int[label.Length + 1];
        for (var i = 0; i < label.Length; i++)
        {
            prefix[i + 1] = prefix[i] + (char.IsAsciiDigit(label[i]) ? 0 : 1);
        }

        return prefix;
    }

    /// <summary>The label-view index <paramref name="words"/> non-digit characters after <paramref name="from"/>.</summary>
    private int WordsAfter(int from, int words)
    {
        var target = _words[Math.Min(from, flat.Label.Length)] + words;
        var i = Array.BinarySearch(_words, target);
        return i < 0 ? flat.Label.Length : i;
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    private SourceLocation At(int streamIndex) =>
        flat.Length == 0 ? new SourceLocation(name) : locate(flat.Lines[Math.Clamp(streamIndex, 0, flat.Length - 1)]);
}
