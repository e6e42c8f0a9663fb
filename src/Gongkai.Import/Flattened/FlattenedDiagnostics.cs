using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Flattened;

/// <summary>The diagnostics of the flattened-table reader: codes, severities and message texts in one place.</summary>
public static class FlattenedDiagnostics
{
    /// <summary>Info: a table was read from flattened digit runs (how many rows, how many readings survived).</summary>
    public const string Split = "FLAT.split";

    /// <summary>Warning: a named limit of <see cref="FlattenedLimits"/> was reached; the affected cells are left ambiguous.</summary>
    public const string Limit = "FLAT.limit";

    /// <summary>Warning: a row's characters cannot be split into its cells (too few digits, or no valid number).</summary>
    public const string Unsplittable = "FLAT.unsplittable";

    /// <summary>
    /// Error: no split of the table satisfies every rule, and the splits that break the fewest
    /// disagree on some cells, so the broken rule cannot be pinned to cells (the report itself is wrong).
    /// </summary>
    public const string Inconsistent = "FLAT.inconsistent";

    /// <summary>A cell the digits alone left ambiguous, settled by the previous year's report (info).</summary>
    public const string SettledByPrevious = "FLAT.settled-by-previous";

    internal static Diagnostic InconsistentTable(string table, int violations, int ambiguous, SourceLocation? where) =>
        new(
            Inconsistent,
            Severity.Error,
            $"{RuleEngine.TableName(table)}：任何拆分都不能满足全部勾稽关系（至少违反{violations.ToString(CultureInfo.InvariantCulture)}条），违反最少的各种拆分在{ambiguous.ToString(CultureInfo.InvariantCulture)}个单元格上读法不一，无法确定是哪些单元格填错",
            where);

    internal static Diagnostic SplitDone(string table, int rows, int cells, int ambiguous, int violations, SourceLocation? where) =>
        new(
            Split,
            Severity.Info,
            string.Format(
                CultureInfo.InvariantCulture,
                "{0}",
                $"{RuleEngine.TableName(table)}的数字连在一起（单元格之间无分隔）：按勾稽关系拆分了{rows}行{cells}个单元格，{ambiguous}个单元格有多种读法" +
                (violations > 0 ? $"；任何拆分都不能满足全部勾稽关系，取违反最少（{violations}条）的拆分" : string.Empty)),
            where);

    internal static Diagnostic LimitReached(string what, string limit, int value, SourceLocation? where) =>
        new(
            Limit,
            Severity.Warning,
            $"{what}：超出拆分上限 {limit}={value.ToString(CultureInfo.InvariantCulture)}，相关单元格未取值",
            where);
}
