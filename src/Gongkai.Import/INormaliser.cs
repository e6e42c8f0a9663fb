using System.Collections.Immutable;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// A normaliser: reads the report (tables, metadata, sections) out of a <see cref="SourceDocument"/>.
/// The pipeline tries its normalisers in order (<see cref="ReportImportPipeline.Normalisers"/>: the
/// structured reading of lines and cells first, the layout-free flattened reading second); each is
/// given the reading of those before it and returns a better one, or that reading unchanged. Rules
/// are not evaluated here: that is the pipeline's last stage.
/// </summary>
public interface INormaliser
{
    /// <summary>
    /// The reading of <paramref name="input"/> after this normaliser, given <paramref name="before"/>
    /// (the reading of the normalisers before it, null for the first); null when there is still none.
    /// </summary>
    NormalisedReading? Normalise(NormaliseInput input, NormalisedReading? before);
}

/// <summary>What a normaliser reads: the document, the catalogue, and the same agency's report of the year before when known.</summary>
/// <param name="Document">The reader's document.</param>
/// <param name="Catalogue">The formats, layouts and rules.</param>
/// <param name="PreviousYear">Last year's report, which settles cells the digits alone leave ambiguous; null when not given.</param>
public sealed record NormaliseInput(SourceDocument Document, FormatCatalogue Catalogue, Report? PreviousYear);

/// <summary>
/// A normaliser's reading: the report, and what the next normaliser needs to know about how it was read.
/// A reading of <see cref="RowsFound"/> 0 carries the <c>SOURCE.not-report</c> refusal until a later
/// normaliser finds the tables.
/// </summary>
/// <param name="Report">The report read so far (rules not evaluated).</param>
/// <param name="RowsFound">How many table rows the reading found by their labels.</param>
/// <param name="RowsLeftUnread">
/// Rows (<c>table/row</c>) left unread on purpose: found on a space-separated line with fewer numbers
/// than cells, so which cell is blank cannot be told; a later reading must not fill them either.
/// </param>
public sealed record NormalisedReading(Report Report, int RowsFound, ImmutableHashSet<string> RowsLeftUnread);
