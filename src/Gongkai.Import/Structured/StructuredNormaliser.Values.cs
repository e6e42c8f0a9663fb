using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Structured;

/// <summary>Value parsing: a fragment's printed text as a number (units and decimals as printed), a placeholder, a blank or a label (report-json.md).</summary>
internal sealed partial class StructuredNormaliser
{
    private static Frag Classify(Fragment fragment, int line, int index, bool label = true)
    {
        var text = fragment.Text.Trim();
        if (text.Length == 0 || text is "nan" or "NaN")
        {
            // An empty cell, or one a data frame printed empty (pandas writes NaN as "nan").
            return new Frag(fragment, line, index, string.Empty, Kind.Empty, null);
        }

        var folded = LabelText.FoldWidth(text);
        if (folded.Contains(',', StringComparison.Ordinal) || folded.Contains('−', StringComparison.Ordinal))
        {
            folded = folded.Replace(",", string.Empty, StringComparison.Ordinal).Replace('−', '-').Trim();
        }
        if (NumberPattern().IsMatch(folded) && decimal.TryParse(folded, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new Frag(fragment, line, index, folded, Kind.Number, value);
        }

        if (NumberWithUnitPattern().Match(folded) is { Success: true } unit
            && decimal.TryParse(unit.Groups["n"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var counted))
        {
            // A count or an amount printed with the unit of its column ("35件", "12.5万元"): the
            // number, with the printed text kept as the cell's raw text.
            return new Frag(fragment, line, index, unit.Groups["n"].Value, Kind.Number, counted);
        }

        if (PlaceholderPattern().IsMatch(folded) || NumberWithOtherUnitPattern().IsMatch(folded) || PrintedValue.IsScientific(folded))
        {
            return new Frag(fragment, line, index, folded, Kind.NonNumeric, null);
        }

        return new Frag(fragment, line, index, label ? LabelText.Normalize(text) : text, Kind.Text, null);
    }

    /// <summary>Whether <paramref name="text"/> is printed as a value (a number, with a unit, a placeholder, an empty cell), not a label: for a reader that must tell them apart before cells are placed.</summary>
    internal static bool IsValueText(string text) =>
        Classify(new Fragment(text, s_nowhere), 0, 0, label: false).Kind != Kind.Text;

    private static readonly SourceLocation s_nowhere = new(string.Empty, 0);

    [GeneratedRegex(@"^[+\-]?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([/\\／\-－—–_＿~～×xX*]+|无|空|暂无|不适用|NA|N/A|null)$")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A number followed by a unit that a count or a 万元 amount is printed with.</summary>
    [GeneratedRegex(@"^(?<n>[+\-]?\d+(\.\d+)?)\s*(万元|件|个|条|项|次|宗|笔|人次|家|户|份)$")]
    private static partial Regex NumberWithUnitPattern();

    /// <summary>A number in another unit than its column's (<c>251000元</c> under 万元, a percentage): kept as text.</summary>
    [GeneratedRegex(@"^[+\-]?\d+(\.\d+)?\s*(元|%|％)$")]
    private static partial Regex NumberWithOtherUnitPattern();

    /// <summary>Whether a row's values before its last add up to its last (its 总计), as tables 3 and 4 must.</summary>
    private static bool AddsUpToTotal(IReadOnlyList<decimal> row) => row.Count > 0 && row.Take(row.Count - 1).Sum() == row[^1];

    /// <summary>The cell a value fragment gives: the number with its printed text, the placeholder, or a blank.</summary>
    private static Cell ToCell(Frag frag) => frag.Kind switch
    {
        _ when frag.Source.Unsettled || frag.Source.OneOf => Cell.Missing with { Source = frag.Source.Location },
        Kind.Number => Cell.Of(frag.Value!.Value, frag.Source.Location, frag.Source.Text.Trim()),
        Kind.NonNumeric => Cell.NonNumeric(frag.Source.Text.Trim(), frag.Source.Location),
        _ => Cell.Blank(frag.Source.Location),
    };
}
