using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Casework;

/// <summary>What <see cref="MonthlyCountsCsv.Parse"/> read: the months it could read and a diagnostic, with its line, for everything else.</summary>
public sealed record MonthlyCountsParseResult(ImmutableArray<MonthlyCount> Counts, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads monthly table 2 counts from CSV. The header names the columns, in any order, in English or Chinese:
/// <c>month</c>/<c>月份</c> (<c>YYYY-MM</c>), <c>licensing</c>/<c>行政许可</c>, <c>penalty</c>/<c>行政处罚</c>,
/// <c>coercion</c>/<c>行政强制</c>, <c>fees</c>/<c>收费金额（万元）</c> (万元, decimal). Blank lines and lines starting with
/// <c>#</c> are skipped; fields may be quoted. Never throws: every problem is a diagnostic with its line number.
/// </summary>
public static class MonthlyCountsCsv
{
    /// <summary>Inputs longer than this many characters are refused (<c>CSV.too-large</c>).</summary>
    public const int MaxChars = 1_000_000;

    public const string CodeEmpty = "CSV.empty";
    public const string CodeHeader = "CSV.header";
    public const string CodeFields = "CSV.fields";
    public const string CodeMonth = "CSV.month";
    public const string CodeNumber = "CSV.number";
    public const string CodeDuplicate = "CSV.duplicate";
    public const string CodeQuote = "CSV.quote";
    public const string CodeTooLarge = "CSV.too-large";

    /// <summary>The message templates, keyed by code ({0}, {1} … are the parameters).</summary>
    public static FrozenDictionary<string, string> Messages { get; } = new Dictionary<string, string>
    {
        [CodeEmpty] = "文件为空，缺少表头 empty file, no header",
        [CodeHeader] = "表头缺少或无法识别列：{0} header: missing or unknown column: {0}",
        [CodeFields] = "应有{0}个字段，实有{1}个 expected {0} fields, found {1}",
        [CodeMonth] = "月份“{0}”无效，应为 YYYY-MM invalid month “{0}”, expected YYYY-MM",
        [CodeNumber] = "{0}列“{1}”不是非负数 column {0}: “{1}” is not a non-negative number",
        [CodeDuplicate] = "月份 {0} 重复（首次见第{1}行） month {0} repeated (first on line {1})",
        [CodeQuote] = "引号未闭合 unterminated quote",
        [CodeTooLarge] = "文件过大（超过{0}个字符） file too large (over {0} characters)",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> s_columns = new Dictionary<string, string>
    {
        ["month"] = "month",
        ["月份"] = "month",
        ["月"] = "month",
        ["licensing"] = "licensing",
        ["行政许可"] = "licensing",
        ["penalty"] = "penalty",
        ["行政处罚"] = "penalty",
        ["coercion"] = "coercion",
        ["行政强制"] = "coercion",
        ["fees"] = "fees",
        ["收费金额"] = "fees",
        ["收费金额（万元）"] = "fees",
        ["收费金额(万元)"] = "fees",
        ["行政事业性收费"] = "fees",
        ["行政事业性收费（万元）"] = "fees",
    }.ToFrozenDictionary();

    private static readonly string[] s_required = ["month", "licensing", "penalty", "coercion", "fees"];

    public static MonthlyCountsParseResult Parse(string? text, string? file = null)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var counts = ImmutableArray.CreateBuilder<MonthlyCount>();
        text ??= string.Empty;
        if (text.Length > MaxChars)
        {
            diagnostics.Add(Make(CodeTooLarge, file, null, MaxChars));
            return new([], diagnostics.ToImmutable());
        }

        var lines = text.TrimStart('\uFEFF').Split('\n');
        Dictionary<string, int>? header = null;
        var seen = new Dictionary<(int, int), int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!TrySplit(line, out var fields))
            {
                diagnostics.Add(Make(CodeQuote, file, lineNo));
                continue;
            }

            if (header is null)
            {
                header = [];
                var unknown = new List<string>();
                for (var c = 0; c < fields.Count; c++)
                {
                    var name = fields[c].Trim();
                    if (s_columns.TryGetValue(name.ToLowerInvariant(), out var key) || s_columns.TryGetValue(name, out key))
                    {
                        header.TryAdd(key, c);
                    }
                    else
                    {
                        unknown.Add(name);
                    }
                }

                var missing = s_required.Where(k => !header.ContainsKey(k)).ToList();
                if (missing.Count > 0 || unknown.Count > 0)
                {
                    diagnostics.Add(Make(CodeHeader, file, lineNo, string.Join(", ", missing.Concat(unknown.Select(u => $"“{u}”")))));
                    if (missing.Count > 0)
                    {
                        return new(counts.ToImmutable(), diagnostics.ToImmutable());
                    }
                }

                header["__width"] = fields.Count;
                continue;
            }

            if (fields.Count != header["__width"])
            {
                diagnostics.Add(Make(CodeFields, file, lineNo, header["__width"], fields.Count));
                continue;
            }

            var monthText = fields[header["month"]].Trim();
            if (!DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                diagnostics.Add(Make(CodeMonth, file, lineNo, monthText));
                continue;
            }

            var ok = true;
            int Count(string column)
            {
                var raw = fields[header[column]].Trim();
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                diagnostics.Add(Make(CodeNumber, file, lineNo, column, raw));
                ok = false;
                return 0;
            }

            var licensing = Count("licensing");
            var penalty = Count("penalty");
            var coercion = Count("coercion");
            var feesRaw = fields[header["fees"]].Trim();
            if (!decimal.TryParse(feesRaw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fees))
            {
                diagnostics.Add(Make(CodeNumber, file, lineNo, "fees", feesRaw));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (seen.TryGetValue((month.Year, month.Month), out var first))
            {
                diagnostics.Add(Make(CodeDuplicate, file, lineNo, monthText, first));
                continue;
            }

            seen[(month.Year, month.Month)] = lineNo;
            counts.Add(new MonthlyCount(month.Year, month.Month, licensing, penalty, coercion, fees));
        }

        if (header is null)
        {
            diagnostics.Add(Make(CodeEmpty, file, null));
        }

        return new(counts.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Diagnostic Make(string code, string? file, int? line, params object[] args) =>
        new(code, Severity.Error, string.Format(CultureInfo.InvariantCulture, Messages[code], args), new SourceLocation(file, line));

    private static bool TrySplit(string line, out List<string> fields)
    {
        fields = [];
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return !quoted;
    }
}
