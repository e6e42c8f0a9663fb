using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// Reads plain text as copied from a web page, Word or a PDF: each line becomes a
/// <see cref="SourceLine"/> whose cells are split at tabs, at <c>|</c> (scraped HTML and Markdown
/// pipe tables), or at runs of two or more spaces; a run of numbers separated by single spaces is
/// split into one cell per number. Within <see cref="ImportBudget"/>: a text longer than
/// <see cref="ImportLimits.MaxTextChars"/> is refused before it is split, a line longer than
/// <see cref="ImportLimits.MaxLineChars"/> when it is reached, and the fragments are counted line by line.
/// </summary>
public static partial class TextSourceReader
{
    public static SourceDocument Read(string text, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(text, name, b));

    private static SourceDocument ReadWithin(string text, string name, ImportBudget budget)
    {
        if (text.Length > ImportLimits.MaxTextChars)
        {
            budget.Refuse(ImportLimit.TextChars);
        }

        var lines = ImmutableArray.CreateBuilder<SourceLine>();
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            if (raw.IsWhiteSpace())
            {
                continue;
            }

            if (raw.Length > ImportLimits.MaxLineChars)
            {
                budget.Refuse(ImportLimit.LineChars, number);
            }

            var cells = SplitLine(raw.ToString());
            if (cells.Count == 0)
            {
                continue;
            }

            budget.AddLine(cells.Count, raw.Length, number);
            var location = new SourceLocation(name, number);
            var fragments = ImmutableArray.CreateBuilder<Fragment>(cells.Count);
            foreach (var cell in cells)
            {
                fragments.Add(new Fragment(cell, location));
            }

            lines.Add(new SourceLine(fragments.MoveToImmutable()));
        }

        return new SourceDocument(name, lines.ToImmutable(), []);
    }

    internal static List<string> SplitLine(string line)
    {
        List<string> fields;
        if (line.Contains('|'))
        {
            var trimmed = line.Trim();
            if (MarkdownRule().IsMatch(trimmed) || trimmed.Trim('|').Length == 0)
            {
                return [];
            }

            fields = [.. line.Split('|')];
            // The text after the last pipe ends the row ("0 |"); a leading pipe opens it ("| a | b |").
            fields.RemoveAt(fields.Count - 1);
            if (trimmed.StartsWith('|') && fields.Count > 0 && fields[0].Trim().Length == 0)
            {
                fields.RemoveAt(0);
            }
        }
        else if (line.Contains('\t'))
        {
            // Trailing empty fields are kept: after a row label they are the row's blank cells.
            fields = [.. line.Split('\t')];
        }
        else
        {
            fields = [.. SpaceRun().Split(line.Trim())];
        }

        var cells = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            var f = field.Trim().Trim('\u3000');
            if (f.Length > 0 && NumberRun().IsMatch(f))
            {
                cells.AddRange(f.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (f.Length > 0 && LabelThenNumbers().Match(f) is { Success: true } m)
            {
                // A row label and its numbers separated by single spaces (pdftotext -raw, OCR):
                // the label, then one cell per number.
                cells.Add(m.Groups["label"].Value);
                cells.AddRange(m.Groups["numbers"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                cells.Add(f);
            }
        }

        return cells;
    }

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$|^-{2,}(\|-*)+\|?$")]
    private static partial Regex MarkdownRule();

    /// <summary>Text with a Chinese character, not ending in a digit, then a space and a run of numbers.</summary>
    [GeneratedRegex(@"^(?<label>.*\p{IsCJKUnifiedIdeographs}.*[^\d\s.]) (?<numbers>[+\-−]?\d+(\.\d+)?( [+\-−]?\d+(\.\d+)?)*)$")]
    private static partial Regex LabelThenNumbers();

    [GeneratedRegex(@"\s{2,}|\u3000+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"^[+\-−]?\d+(\.\d+)?( [+\-−]?\d+(\.\d+)?)+$")]
    private static partial Regex NumberRun();
}
