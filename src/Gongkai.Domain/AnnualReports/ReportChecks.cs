using System.Collections.Immutable;
using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// Art. 49 deadlines: the inclusive last day on which a report for year Y may be published, as a
/// month and day of year Y+1. Departments: 31 January; governments' own reports: 31 March. A
/// calendar date, not moved for weekends (ogi-domain.md A.7, configurable).
/// </summary>
/// <param name="Department">Month and day for departments.</param>
/// <param name="Government">Month and day for governments.</param>
/// <param name="WarningDays">A warning is given this many days (inclusive) before the deadline.</param>
/// <param name="UtcOffset">The offset of the local day (China Standard Time, +08:00).</param>
public sealed record DeadlinePolicy((int Month, int Day) Department, (int Month, int Day) Government, int WarningDays, TimeSpan UtcOffset)
{
    public static DeadlinePolicy Default { get; } = new((1, 31), (3, 31), 10, TimeSpan.FromHours(8));

    /// <summary>The last day (inclusive) for a report of <paramref name="year"/> by a body of <paramref name="kind"/>.</summary>
    public DateOnly DeadlineFor(AgencyKind kind, int year)
    {
        var (month, day) = kind == AgencyKind.Government ? Government : Department;
        return new DateOnly(year + 1, month, day);
    }

    /// <summary>The local date now.</summary>
    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(UtcOffset).DateTime);
}

/// <summary>Settings of <see cref="ReportChecks"/>.</summary>
/// <param name="Deadlines">The deadline rule.</param>
/// <param name="RepetitionThreshold">Share (0-1) of this year's sentences found verbatim in last year's report above which <c>X.repeated-text</c> warns.</param>
/// <param name="MinSentenceLength">Sentences shorter than this (after normalising) are not compared (headings, 一是…).</param>
/// <param name="CheckDeadline">Whether to check the Art. 49 deadline (not for a correction of a published report).</param>
public sealed record ReportCheckOptions(DeadlinePolicy Deadlines, double RepetitionThreshold = 0.5, int MinSentenceLength = 8, bool CheckDeadline = true)
{
    public static ReportCheckOptions Default { get; } = new(DeadlinePolicy.Default);
}

/// <summary>
/// A finding of the pre-publication checks, with its <see cref="Key"/> (code and cell, or code and
/// place) and the explanation attached to it, if any.
/// </summary>
public sealed record ReportFinding(Diagnostic Diagnostic, string Key, FindingExplanation? Explanation)
{
    public string Code => Diagnostic.Code;

    public Severity Severity => Diagnostic.Severity;

    public bool IsError => Diagnostic.Severity == Severity.Error;

    /// <summary>An error that is neither fixed nor explained: it blocks submission.</summary>
    public bool Blocks => IsError && Explanation is null;

    /// <summary>The key of a finding: <c>CODE@cell</c> for a finding about cells, else <c>CODE@place</c> or <c>CODE</c>.</summary>
    public static string KeyOf(Diagnostic d) =>
        !d.Cells.IsDefaultOrEmpty ? $"{d.Code}@{d.Cells[0]}"
        : d.Location is { } l && l.ToString().Length > 0 ? $"{d.Code}@{l}"
        : d.Code;
}

/// <summary>The findings of one run of the checks.</summary>
public sealed record ReportCheckResult(ImmutableArray<ReportFinding> Findings, DateOnly Deadline, DateOnly Today)
{
    public IEnumerable<ReportFinding> Errors => Findings.Where(f => f.IsError);

    public IEnumerable<ReportFinding> Warnings => Findings.Where(f => f.Severity == Severity.Warning);

    /// <summary>The errors that are neither fixed nor explained.</summary>
    public ImmutableArray<ReportFinding> Blocking => [.. Findings.Where(f => f.Blocks)];

    /// <summary>Whether the report may be submitted: every error fixed or explained.</summary>
    public bool CanSubmit => Blocking.IsEmpty;
}

/// <summary>
/// The pre-publication checks of a draft: every rule of the <see cref="RuleEngine"/> on the
/// effective tables; X.carry-over and X.in-force against last year's report; figures quoted in the
/// narrative against the tables (X.narrative-figure); text repeated from last year's report
/// (X.repeated-text); empty written sections and, for governments, the Art. 50(4) items; the Art. 49
/// deadline (error when past, warning within <see cref="DeadlinePolicy.WarningDays"/>).
/// </summary>
public static class ReportChecks
{
    public static ReportCheckResult Run(ReportDraft draft, Report? previousYear, TimeProvider clock, ReportCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var o = options ?? ReportCheckOptions.Default;
        var tables = draft.EffectiveTables();
        var diagnostics = new List<Diagnostic>();
        diagnostics.AddRange(RuleEngine.Check(tables));
        if (previousYear is not null)
        {
            diagnostics.AddRange(RuleEngine.CheckAgainstPrevious(tables, previousYear));
        }

        diagnostics.AddRange(CheckWrittenSections(draft));
        diagnostics.AddRange(NarrativeFigures.Check(draft));
        if (previousYear is not null && TextRepetition.Check(draft, previousYear, o) is { } repeated)
        {
            diagnostics.Add(repeated);
        }

        var deadline = o.Deadlines.DeadlineFor(draft.Kind, draft.Year);
        var today = o.Deadlines.Today(clock);
        if (o.CheckDeadline && CheckDeadline(draft, deadline, today, o.Deadlines) is { } late)
        {
            diagnostics.Add(late);
        }

        var findings = diagnostics
            .Select(d => (d, key: ReportFinding.KeyOf(d)))
            .Select(x => new ReportFinding(x.d, x.key, x.d.Severity == Severity.Error ? draft.ExplanationOf(x.key) : null))
            .ToImmutableArray();
        return new ReportCheckResult(findings, deadline, today);
    }

    private static IEnumerable<Diagnostic> CheckWrittenSections(ReportDraft draft)
    {
        foreach (var number in ReportDraft.WrittenSections)
        {
            if (draft.TextOf(number).Length == 0)
            {
                var heading = SectionGuidance.For(number).Heading;
                yield return new Diagnostic(AnnualReportCodes.NarrativeEmpty, Severity.Error, $"“{heading}”尚未填写", new SourceLocation(File: heading));
            }
        }

        if (draft.Kind == AgencyKind.Government)
        {
            var text = draft.TextOf(1) + draft.TextOf(5);
            var missing = SectionGuidance.For(1).GovernmentKeywords.Where(k => !text.Contains(k, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                yield return new Diagnostic(
                    AnnualReportCodes.GovernmentItems,
                    Severity.Warning,
                    $"人民政府的报告应写明工作考核、社会评议和责任追究结果情况（条例第五十条），第一、五部分未见：{string.Join('、', missing)}",
                    new SourceLocation(File: SectionGuidance.For(1).Heading));
            }
        }
    }

    private static Diagnostic? CheckDeadline(ReportDraft draft, DateOnly deadline, DateOnly today, DeadlinePolicy policy)
    {
        var kind = draft.Kind == AgencyKind.Government ? "人民政府" : "政府部门";
        var date = deadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var days = deadline.DayNumber - today.DayNumber;
        if (days < 0)
        {
            return new Diagnostic(AnnualReportCodes.DeadlinePassed, Severity.Error, $"{kind}{draft.Year}年度报告的法定公开期限为{date}（条例第四十九条），已超过{-days}天", null);
        }

        if (days <= policy.WarningDays)
        {
            var left = days == 0 ? "今天是最后一天" : $"还有{days}天";
            return new Diagnostic(AnnualReportCodes.DeadlineNear, Severity.Warning, $"{kind}{draft.Year}年度报告的法定公开期限为{date}（条例第四十九条），{left}", null);
        }

        return null;
    }
}
