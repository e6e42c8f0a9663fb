using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// 内容雷同: the share of this year's sentences found verbatim in last year's report. Sentences are
/// split on 。！？； and line breaks, whitespace removed and every run of digits read as <c>#</c>
/// (so "收到申请95件" repeats "收到申请87件"); sentences shorter than
/// <see cref="ReportCheckOptions.MinSentenceLength"/> are not counted.
/// </summary>
public static class TextRepetition
{
    private static readonly char[] s_enders = ['。', '！', '？', '；', '\n', '!', '?', ';'];

    /// <summary>The normalised sentences of <paramref name="text"/> at least <paramref name="minLength"/> long.</summary>
    public static IEnumerable<string> Sentences(string text, int minLength) =>
        text.Split(s_enders, StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalise)
            .Where(s => s.Length >= minLength);

    /// <summary>A sentence without whitespace, with digit runs as <c>#</c>.</summary>
    public static string Normalise(string sentence)
    {
        var sb = new StringBuilder(sentence.Length);
        var inDigits = false;
        foreach (var ch in sentence)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            var digit = ch is >= '0' and <= '9' or >= '０' and <= '９';
            if (digit)
            {
                if (!inDigits)
                {
                    sb.Append('#');
                }
            }
            else
            {
                sb.Append(ch);
            }

            inDigits = digit;
        }

        return sb.ToString();
    }

    /// <summary>(sentences counted, of them found in last year's text).</summary>
    public static (int Total, int Repeated) Measure(IEnumerable<string> thisYear, IEnumerable<string> lastYear, int minLength)
    {
        var before = lastYear.SelectMany(t => Sentences(t, minLength)).ToHashSet(StringComparer.Ordinal);
        var now = thisYear.SelectMany(t => Sentences(t, minLength)).ToList();
        return (now.Count, now.Count(before.Contains));
    }

    /// <summary>The X.repeated-text warning, when the share exceeds the threshold.</summary>
    public static Diagnostic? Check(ReportDraft draft, Report previousYear, ReportCheckOptions options)
    {
        var thisYear = ReportDraft.WrittenSections.Select(draft.TextOf);
        var lastYear = previousYear.Sections.Select(s => s.Text);
        var (total, repeated) = Measure(thisYear, lastYear, options.MinSentenceLength);
        if (total == 0 || (double)repeated / total <= options.RepetitionThreshold)
        {
            return null;
        }

        var share = (int)Math.Round(100.0 * repeated / total, MidpointRounding.AwayFromZero);
        var threshold = (int)Math.Round(100 * options.RepetitionThreshold, MidpointRounding.AwayFromZero);
        return new Diagnostic(
            AnnualReportCodes.RepeatedText,
            Severity.Warning,
            $"正文{total}句中有{repeated}句（{share}%）与上年报告相同（数字不计），超过{threshold}%；年度报告格式将“内容雷同、敷衍塞责”列为须问责的问题",
            null);
    }
}
