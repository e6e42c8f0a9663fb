using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>The document as the structured normaliser sees it: lines of classified fragments.</summary>
internal sealed partial class StructuredNormaliser
{
    private enum Kind
    {
        Text,
        Empty,
        Number,
        NonNumeric,
    }

    private sealed record Frag(Fragment Source, int Line, int Index, string Norm, Kind Kind, decimal? Value)
    {
        public bool IsValue => Kind is Kind.Number or Kind.NonNumeric;
    }

    private sealed class Doc
    {
        public Doc(SourceDocument source)
        {
            Source = source;
            Lines = source.Lines.Select((line, i) => line.Cells.Select((f, j) => Classify(f, i, j)).ToArray()).ToArray();
            LineNorm = Lines.Select(l => string.Concat(l.Where(f => f.Kind == Kind.Text).Select(f => f.Norm))).ToArray();
            SpaceSeparated = source.Lines.Select(l => l.SpaceSeparated).ToArray();
            Spans = source.Lines.Select(l => l.Spans).ToArray();
        }

        /// <summary>Per line, <see cref="SourceLine.Spans"/> (empty when the line's positions are not known).</summary>
        public System.Collections.Immutable.ImmutableArray<CellSpan>[] Spans { get; }

        /// <summary>Per line, <see cref="SourceLine.SpaceSeparated"/>.</summary>
        public bool[] SpaceSeparated { get; }

        /// <summary>
        /// Rows (<c>table/row</c>) found on a space-separated line with fewer numbers than cells and
        /// nothing after them: which cell is blank cannot be told, so the row is left unread.
        /// </summary>
        public HashSet<string> ShortRows { get; } = new(StringComparer.Ordinal);

        public SourceDocument Source { get; }

        public Frag[][] Lines { get; }

        public string[] LineNorm { get; }

        /// <summary>Whether the region's text holds <paramref name="phrase"/>, also when a line break cuts it.</summary>
        public bool RegionContains((int Start, int End) region, string phrase)
        {
            for (var i = region.Start; i < region.End; i++)
            {
                if (LineNorm[i].Contains(phrase, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return region.End > region.Start
                && string.Concat(LineNorm.AsSpan(region.Start, region.End - region.Start).ToArray()).Contains(phrase, StringComparison.Ordinal);
        }
    }
}
