using System.Collections.Immutable;
using System.Globalization;

namespace Gongkai.Import.Flattened;

/// <summary>A rule inside one row: <c>cells[Total]</c> equals the sum of <c>cells[Parts]</c> (e.g. table 3's 总计 column).</summary>
public sealed record RowRule(int Total, ImmutableArray<int> Parts);

/// <summary>
/// What is known about a row whose numbers ran together: how many cells it has, the rules inside
/// the row, which columns may be negative or decimal, and an optional plausibility test.
/// </summary>
public sealed record RowShape(int Columns)
{
    /// <summary>Equations inside the row; a reading that breaks one counts one violation.</summary>
    public ImmutableArray<RowRule> Rules { get; init; } = [];

    /// <summary>Per column, whether a leading minus sign is allowed (empty: none is).</summary>
    public ImmutableArray<bool> AllowNegative { get; init; } = [];

    /// <summary>Per column, whether a decimal point is allowed (empty: none is).</summary>
    public ImmutableArray<bool> AllowDecimal { get; init; } = [];

    /// <summary>A test a reading must pass to be proposed at all (e.g. 本年制发 ≤ 现行有效 + 本年废止).</summary>
    public Func<IReadOnlyList<decimal?>, bool>? Plausible { get; init; }

    /// <summary>
    /// Whether one cell may be absent altogether (a Markdown or PDF row that lost a cell); its value
    /// is inferred from a rule when one covers it. The cell can only be absent at a fragment boundary.
    /// </summary>
    public bool AllowMissingCell { get; init; }

    /// <summary>A row of <paramref name="columns"/> cells whose last cell is the sum of the others.</summary>
    public static RowShape WithTotal(int columns) =>
        new(columns) { Rules = [new RowRule(columns - 1, [.. Enumerable.Range(0, columns - 1)])] };

    internal bool NegativeAllowed(int column) => !AllowNegative.IsDefaultOrEmpty && column < AllowNegative.Length && AllowNegative[column];

    internal bool DecimalAllowed(int column) => !AllowDecimal.IsDefaultOrEmpty && column < AllowDecimal.Length && AllowDecimal[column];
}

/// <summary>
/// One cell of a reading: its value (null for a placeholder such as <c>/</c>, or for an absent cell
/// no rule could infer), the characters it was read from, and the offset of its first character in
/// the row's fragments joined together (-1 for an absent cell).
/// </summary>
public readonly record struct SplitCell(decimal? Value, string Raw, int Offset)
{
    /// <summary>Whether the cell was absent from the source and its value inferred (or left unknown).</summary>
    public bool IsInferred => Offset < 0;

    internal int Digits => Raw.Count(char.IsAsciiDigit);
}

/// <summary>One way to split a row's characters into cells, with how many of the row's rules it breaks.</summary>
public sealed record RowReading(ImmutableArray<SplitCell> Cells, int Violations, int MultiDigitCells)
{
    public decimal? this[int column] => Cells[column].Value;
}

/// <summary>
/// The readings proposed for a row: those that break the fewest rules and, when every reading breaks
/// some rule, of those the ones with the fewest multi-digit cells. Empty when the characters cannot
/// be split into the row's cells at all.
/// </summary>
public sealed record RowSplit(ImmutableArray<RowReading> Readings, int Violations, bool LimitReached)
{
    /// <summary>Whether exactly one reading survived.</summary>
    public bool IsUnique => Readings.Length == 1;

    /// <summary>The distinct values the readings give <paramref name="column"/>, ascending (null for a placeholder).</summary>
    public IReadOnlyList<decimal?> ValuesOf(int column) =>
        Readings.Select(r => r[column]).Distinct().OrderBy(v => v ?? decimal.MinValue).ToList();

    /// <summary>The value every reading agrees on for <paramref name="column"/>, or null when they disagree or there are none.</summary>
    public decimal? Agreed(int column) => Readings.Length > 0 && ValuesOf(column) is [{ } only] ? only : null;
}

/// <summary>
/// Splits runs of characters into cells. The characters of a row arrive as fragments: each
/// fragment is a run without separators (digits, at most one decimal point, a leading minus sign)
/// or a placeholder (<c>/</c>) and holds one or more whole cells. Cells are non-negative integers
/// without leading zeros (a lone 0 is fine) unless the shape allows signs or decimals.
/// </summary>
internal sealed class RowEnumerator
{
    private readonly string[] _frags;
    private readonly int[] _fragStart;
    private readonly int[] _suffixChars;
    private readonly RowShape _shape;
    private readonly List<RowRule>[] _rulesClosingAt;
    private readonly decimal?[] _values;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly List<RowReading> _output;
    private readonly int _cap;
    private readonly int _nodeLimit;
    private int _maxCost;
    private int _missing = -1;

    private RowEnumerator(IReadOnlyList<string> fragments, RowShape shape, List<RowReading> output, int cap, int nodeLimit)
    {
        _frags = [.. fragments];
        _shape = shape;
        _output = output;
        _cap = cap;
        _nodeLimit = nodeLimit;
        _fragStart = new int[_frags.Length];
        _suffixChars = new int[_frags.Length + 1];
        for (var i = _frags.Length - 1; i >= 0; i--)
        {
            _suffixChars[i] = _suffixChars[i + 1] + _frags[i].Length;
        }

        for (var i = 1; i < _frags.Length; i++)
        {
            _fragStart[i] = _fragStart[i - 1] + _frags[i - 1].Length;
        }

        _rulesClosingAt = new List<RowRule>[shape.Columns];
        for (var c = 0; c < shape.Columns; c++)
        {
            _rulesClosingAt[c] = [];
        }

        foreach (var rule in shape.Rules)
        {
            _rulesClosingAt[Math.Max(rule.Total, rule.Parts.Max())].Add(rule);
        }

        _values = new decimal?[shape.Columns];
        _offsets = new int[shape.Columns];
        _lengths = new int[shape.Columns];
    }

    public int Nodes { get; private set; }

    /// <summary>Whether enumeration stopped at the candidate cap or the node limit.</summary>
    public bool LimitReached { get; private set; }

    /// <summary>
    /// Appends to <paramref name="output"/> every split whose violations are at most <paramref name="maxCost"/>;
    /// returns false when a limit stopped it.
    /// </summary>
    public static bool Enumerate(IReadOnlyList<string> fragments, RowShape shape, int maxCost, List<RowReading> output, int cap = FlattenedLimits.MaxCandidatesPerRow, int nodeLimit = FlattenedLimits.MaxSearchNodes)
    {
        if (fragments.Count == 0 || fragments.Sum(f => f.Length) > FlattenedLimits.MaxDigitsPerRow || fragments.Any(f => f.Length == 0))
        {
            return fragments.Sum(f => f.Length) <= FlattenedLimits.MaxDigitsPerRow;
        }

        var e = new RowEnumerator(fragments, shape, output, output.Count + cap, nodeLimit) { _maxCost = maxCost };
        e.Dfs(0, 0, 0, 0);
        return !e.LimitReached;
    }

    private static bool IsPlaceholder(string fragment) => fragment is "/";

    private void Dfs(int f, int p, int col, int cost)
    {
        if (LimitReached)
        {
            return;
        }

        if (++Nodes > _nodeLimit)
        {
            LimitReached = true;
            return;
        }

        if ((Nodes & 0x3FF) == 0)
        {
            ImportBudget.ThrowIfOutOfTime();
        }

        var columns = _shape.Columns;
        if (f == _frags.Length)
        {
            if (col == columns)
            {
                Leaf(cost);
            }
            else if (col == columns - 1 && _shape.AllowMissingCell && _missing < 0)
            {
                _missing = col;
                Leaf(cost);
                _missing = -1;
            }

            return;
        }

        if (col == columns)
        {
            return;
        }

        var remainingChars = _frags[f].Length - p + _suffixChars[f + 1];
        var remainingFrags = _frags.Length - f;
        var remainingCols = columns - col;
        var slack = _shape.AllowMissingCell && _missing < 0 ? 1 : 0;
        if (remainingFrags > remainingCols || remainingCols - slack > remainingChars
            || remainingChars > remainingCols * (FlattenedLimits.MaxDigitsPerCell + 2))
        {
            return;
        }

        if (slack == 1 && p == 0)
        {
            _missing = col;
            _values[col] = null;
            _offsets[col] = -1;
            _lengths[col] = 0;
            Dfs(f, p, col + 1, cost);
            _missing = -1;
        }

        var frag = _frags[f];
        if (IsPlaceholder(frag))
        {
            _values[col] = null;
            _offsets[col] = _fragStart[f];
            _lengths[col] = frag.Length;
            Dfs(f + 1, 0, col + 1, cost);
            return;
        }

        var maxLen = Math.Min(frag.Length - p, FlattenedLimits.MaxDigitsPerCell + 2);
        for (var len = 1; len <= maxLen; len++)
        {
            if (p + len < frag.Length && frag[p + len] == '.')
            {
                continue;
            }

            if (len > 1 && frag[p] == '0' && frag[p + 1] != '.')
            {
                break; // a leading zero stays one at every longer length
            }

            if (!TryCell(frag.AsSpan(p, len), col, out var value))
            {
                continue;
            }

            _values[col] = value;
            _offsets[col] = _fragStart[f] + p;
            _lengths[col] = len;
            if (_missing < 0 && !_shape.AllowMissingCell && cost + TotalsOutOfReach(col, remainingChars - len) > _maxCost)
            {
                break; // a longer cell only makes the parts larger and leaves fewer digits for the total
            }

            var newCost = _missing < 0 ? cost + CostClosingAt(col) : cost;
            if (newCost > _maxCost)
            {
                continue;
            }

            if (p + len == frag.Length)
            {
                Dfs(f + 1, 0, col + 1, newCost);
            }
            else
            {
                Dfs(f, p + len, col + 1, newCost);
            }
        }
    }

    /// <summary>
    /// How many rules' parts placed so far (non-negative) already exceed the largest total the
    /// remaining characters could still spell, given that every later cell needs a character:
    /// each such rule will be broken.
    /// </summary>
    private int TotalsOutOfReach(int col, int charsLeft)
    {
        var broken = 0;
        foreach (var rule in _shape.Rules)
        {
            if (rule.Total <= col || !rule.Parts.Contains(col))
            {
                continue;
            }

            decimal partial = 0;
            foreach (var part in rule.Parts)
            {
                if (part > col)
                {
                    continue;
                }

                if (_shape.NegativeAllowed(part) || _values[part] is not { } v)
                {
                    partial = -1;
                    break;
                }

                partial += v;
            }

            var cellsLeft = _shape.Columns - col - 1;
            var totalDigits = Math.Min(FlattenedLimits.MaxDigitsPerCell, charsLeft - (cellsLeft - 1));
            if (partial >= 0 && totalDigits >= 0 && partial >= s_pow10[totalDigits])
            {
                broken++;
            }
        }

        return broken;
    }

    private static readonly decimal[] s_pow10 = [.. Enumerable.Range(0, FlattenedLimits.MaxDigitsPerCell + 1).Select(i => (decimal)Math.Pow(10, i))];

    private bool TryCell(ReadOnlySpan<char> text, int col, out decimal value)
    {
        value = 0;
        if (text.Length <= FlattenedLimits.MaxDigitsPerCell && (text.Length == 1 || text[0] is >= '1' and <= '9'))
        {
            long whole = 0;
            var plain = true;
            foreach (var ch in text)
            {
                if (!char.IsAsciiDigit(ch))
                {
                    plain = false;
                    break;
                }

                whole = (whole * 10) + (ch - '0');
            }

            if (plain)
            {
                value = whole;
                return true;
            }
        }

        var digits = text;
        if (text[0] == '-')
        {
            if (!_shape.NegativeAllowed(col) || text.Length < 2)
            {
                return false;
            }

            digits = text[1..];
        }

        if (digits[0] == '.' || digits[^1] == '.' || digits.Contains('-'))
        {
            return false;
        }

        var dot = digits.IndexOf('.');
        if (dot >= 0 && (!_shape.DecimalAllowed(col) || digits[(dot + 1)..].Contains('.')))
        {
            return false;
        }

        if (digits.Length > 1 && digits[0] == '0' && digits[1] != '.')
        {
            return false;
        }

        var digitCount = digits.Length - (dot >= 0 ? 1 : 0);
        if (digitCount > FlattenedLimits.MaxDigitsPerCell)
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return !(value == 0 && text[0] == '-');
    }

    private int CostClosingAt(int col)
    {
        var cost = 0;
        foreach (var rule in _rulesClosingAt[col])
        {
            cost += Broken(rule) ? 1 : 0;
        }

        return cost;
    }

    private bool Broken(RowRule rule)
    {
        if (_values[rule.Total] is not { } total)
        {
            return false;
        }

        decimal sum = 0;
        foreach (var part in rule.Parts)
        {
            if (_values[part] is not { } v)
            {
                return false;
            }

            sum += v;
        }

        return sum != total;
    }

    private void Leaf(int cost)
    {
        if (_missing >= 0)
        {
            _values[_missing] = Infer(_missing);
            _offsets[_missing] = -1;
            _lengths[_missing] = 0;
            if (_values[_missing] is < 0 && !_shape.NegativeAllowed(_missing))
            {
                return;
            }

            cost = _shape.Rules.Count(Broken);
            if (cost > _maxCost)
            {
                return;
            }
        }

        var values = new decimal?[_values.Length];
        Array.Copy(_values, values, values.Length);
        if (_shape.Plausible is { } plausible && !plausible(values))
        {
            return;
        }

        var cells = ImmutableArray.CreateBuilder<SplitCell>(_values.Length);
        var multi = 0;
        for (var c = 0; c < _values.Length; c++)
        {
            var raw = _offsets[c] < 0 ? string.Empty : RawAt(_offsets[c], _lengths[c]);
            cells.Add(new SplitCell(_values[c], raw, _offsets[c]));
            multi += raw.Count(char.IsAsciiDigit) > 1 ? 1 : 0;
        }

        _output.Add(new RowReading(cells.MoveToImmutable(), cost, multi));
        if (_output.Count >= _cap)
        {
            LimitReached = true;
        }
    }

    private string RawAt(int offset, int length)
    {
        var f = Array.BinarySearch(_fragStart, offset);
        if (f < 0)
        {
            f = ~f - 1;
        }

        while (f + 1 < _fragStart.Length && _fragStart[f + 1] == offset && _frags[f].Length == 0)
        {
            f++;
        }

        return _frags[f].Substring(offset - _fragStart[f], length);
    }

    private decimal? Infer(int column)
    {
        foreach (var rule in _shape.Rules)
        {
            if (rule.Total == column)
            {
                decimal sum = 0;
                var known = true;
                foreach (var part in rule.Parts)
                {
                    known &= _values[part].HasValue;
                    sum += _values[part] ?? 0;
                }

                if (known)
                {
                    return sum;
                }
            }
            else if (rule.Parts.Contains(column) && _values[rule.Total] is { } total)
            {
                decimal rest = 0;
                var known = true;
                foreach (var part in rule.Parts.Where(p => p != column))
                {
                    known &= _values[part].HasValue;
                    rest += _values[part] ?? 0;
                }

                if (known)
                {
                    return total - rest;
                }
            }
        }

        return null;
    }
}
