using System.Collections.Immutable;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.AnnualReports;

/// <summary>Where an annual report is: the same five states as the web's <c>ReportState</c>.</summary>
public enum ReportState
{
    /// <summary>草稿: editable.</summary>
    Draft,

    /// <summary>已报送: with the competent authority; not editable.</summary>
    Submitted,

    /// <summary>已退回: returned with comments; editable again.</summary>
    Returned,

    /// <summary>已审核: accepted; ready to publish.</summary>
    Accepted,

    /// <summary>已公开: published and locked; a correction is a new revision.</summary>
    Published,
}

/// <summary>The role a person acts in (the web's Identity roles).</summary>
public enum ReportRole
{
    Officer,
    Approver,
    Supervisor,
    Admin,
}

/// <summary>Who took a step, and in which role.</summary>
public sealed record ReportActor(string Id, string Name, ReportRole Role);

/// <summary>What a step did.</summary>
public enum ReportAction
{
    Created,
    Edited,
    Submitted,
    Returned,
    Accepted,
    Published,
    CorrectionStarted,
}

/// <summary>What an <see cref="ReportAction.Edited"/> step changed (the audit trail names it).</summary>
public enum ReportEdit
{
    /// <summary>The draft, without saying which part (older entries and other callers).</summary>
    Draft,

    /// <summary>The tables replaced from a report file.</summary>
    Import,

    /// <summary>The tables compiled again from the casework.</summary>
    Compile,

    /// <summary>A table figure set, overridden or restored.</summary>
    Cell,

    /// <summary>The written sections and the supplementary figures.</summary>
    Narrative,

    /// <summary>An explanation of a check finding.</summary>
    Explanation,
}

/// <summary>One step of the history (only ever appended): who, in which role, when, the state change, the revision and any comment.</summary>
public sealed record ReportHistoryEntry(
    int Sequence,
    ReportAction Action,
    ReportActor Actor,
    DateTimeOffset At,
    ReportState From,
    ReportState To,
    int Revision,
    string? Comment = null,
    ReportEdit? Edit = null);

/// <summary>A published version, kept for good: revision 1 is the original; later ones are corrections with a public note.</summary>
public sealed record PublishedVersion(int Revision, ReportDraft Draft, DateTimeOffset PublishedAt, ReportActor PublishedBy, string? RevisionNote)
{
    /// <summary>The report as published; a correction's note (with its revision and Beijing date) closes section 六.</summary>
    public Report ToReport()
    {
        var report = Draft.ToReport();
        if (RevisionNote is not { } note)
        {
            return report;
        }

        var date = PublishedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var line = $"更正说明（第{Revision}版，{date}）：{note}";
        return report with
        {
            Sections = [.. report.Sections.Select(s => s.Number == 6 ? s with { Text = (s.Text + "\n" + line).Trim() } : s)],
        };
    }
}

/// <summary>
/// The life of one agency's annual report for one year, as a state machine with an append-only
/// history: 草稿 → 已报送 (only when every error is fixed or explained) → 已退回 (with the
/// supervisor's comments; editable again) or 已审核 → 已公开 (locked). After publication a
/// correction starts a new revision with a visible note; every published version is kept.
/// Immutable; every step returns a new workflow or the reason it was refused.
/// </summary>
public sealed record ReportWorkflow
{
    public required ReportDraft Draft { get; init; }

    public ReportState State { get; init; }

    /// <summary>1 for the original report; 2, 3 … for corrections after publication.</summary>
    public int Revision { get; init; } = 1;

    /// <summary>The public note of the current revision (null for revision 1).</summary>
    public string? RevisionNote { get; init; }

    public ImmutableArray<ReportHistoryEntry> History { get; init; } = [];

    public ImmutableArray<PublishedVersion> Versions { get; init; } = [];

    /// <summary>Whether the draft may be edited now (草稿 or 已退回).</summary>
    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    /// <summary>The version the public sees, if any.</summary>
    public PublishedVersion? Current => Versions.IsEmpty ? null : Versions[^1];

    /// <summary>The last comments of a supervisor who returned the report.</summary>
    public string? ReturnComments => History.LastOrDefault(h => h.Action == ReportAction.Returned)?.Comment;

    public static ReportWorkflow Start(ReportDraft draft, ReportActor actor, DateTimeOffset at) =>
        new ReportWorkflow { Draft = draft }.Append(ReportAction.Created, actor, at, ReportState.Draft, null);

    /// <summary>Replaces the draft (草稿 or 已退回 only; same agency and year); officers and approvers.</summary>
    public Result<ReportWorkflow> Edit(ReportActor actor, ReportDraft draft, DateTimeOffset at, string? note = null, ReportEdit edit = ReportEdit.Draft)
    {
        if (Refuse(actor, "修改", [ReportRole.Officer, ReportRole.Approver, ReportRole.Admin]) is { } refused)
        {
            return refused;
        }

        if (draft.Agency != Draft.Agency || draft.Year != Draft.Year)
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.IdentityChanged);
        }

        return (this with { Draft = draft }).Append(ReportAction.Edited, actor, at, State, note, edit);
    }

    /// <summary>
    /// Submits the draft to the competent authority. Runs <see cref="ReportChecks"/> (time from
    /// <paramref name="clock"/>); refused before the report's year has ended (China date) and while an
    /// error is neither fixed nor explained.
    /// </summary>
    public Result<ReportWorkflow> Submit(ReportActor actor, Report? previousYear, TimeProvider clock, ReportCheckOptions? options = null)
    {
        if (Refuse(actor, "报送", [ReportRole.Officer, ReportRole.Approver, ReportRole.Admin]) is { } refused)
        {
            return refused;
        }

        if (BeforeYearEnds(clock.GetUtcNow(), "报送") is { } early)
        {
            return early;
        }

        var checks = Checks(previousYear, clock, options);
        if (!checks.CanSubmit)
        {
            var list = string.Join("；", checks.Blocking.Select(f => $"{f.Code} {f.Diagnostic.Message}"));
            return AnnualReportCodes.Problem(
                AnnualReportCodes.UnexplainedErrors,
                $"{checks.Blocking.Length}项：{list}");
        }

        return Append(ReportAction.Submitted, actor, clock.GetUtcNow(), ReportState.Submitted, null);
    }

    /// <summary>
    /// The checks of the current draft. Once the report has been published, neither the published
    /// report nor a correction of it (revision 2 or later) is held to the Art. 49 deadline: the report
    /// was published on time or not, once (<see cref="PublishedLate"/> says which).
    /// </summary>
    public ReportCheckResult Checks(Report? previousYear, TimeProvider clock, ReportCheckOptions? options = null)
    {
        var o = options ?? ReportCheckOptions.Default;
        return ReportChecks.Run(Draft, previousYear, clock, Versions.IsEmpty ? o : o with { CheckDeadline = false });
    }

    /// <summary>Whether the first publication came after the Art. 49 deadline (Beijing date); null before publication.</summary>
    public bool? PublishedLate(DeadlinePolicy? policy = null)
    {
        if (Versions.IsEmpty)
        {
            return null;
        }

        var p = policy ?? DeadlinePolicy.Default;
        var day = DateOnly.FromDateTime(Versions[0].PublishedAt.ToOffset(p.UtcOffset).DateTime);
        return day > p.DeadlineFor(Draft.Kind, Draft.Year);
    }

    /// <summary>Returns the submitted report with comments (required); supervisors.</summary>
    public Result<ReportWorkflow> Return(ReportActor actor, string comments, DateTimeOffset at)
    {
        if (Refuse(actor, "退回", [ReportRole.Supervisor, ReportRole.Admin], ReportState.Submitted) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(comments))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.CommentRequired, "退回时须填写退回意见");
        }

        return Append(ReportAction.Returned, actor, at, ReportState.Returned, comments.Trim());
    }

    /// <summary>Accepts the submitted report; supervisors.</summary>
    public Result<ReportWorkflow> Accept(ReportActor actor, DateTimeOffset at, string? comment = null)
    {
        if (Refuse(actor, "审核通过", [ReportRole.Supervisor, ReportRole.Admin], ReportState.Submitted) is { } refused)
        {
            return refused;
        }

        return Append(ReportAction.Accepted, actor, at, ReportState.Accepted, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    /// <summary>Publishes the accepted report, keeping it as a <see cref="PublishedVersion"/>; approvers and supervisors; never before the report's year has ended.</summary>
    public Result<ReportWorkflow> Publish(ReportActor actor, DateTimeOffset at)
    {
        if (Refuse(actor, "公开", [ReportRole.Approver, ReportRole.Supervisor, ReportRole.Admin], ReportState.Accepted) is { } refused)
        {
            return refused;
        }

        if (BeforeYearEnds(at, "公开") is { } early)
        {
            return early;
        }

        var published = this with { Versions = Versions.Add(new PublishedVersion(Revision, Draft, at, actor, RevisionNote)) };
        return published.Append(ReportAction.Published, actor, at, ReportState.Published, RevisionNote);
    }

    /// <summary>
    /// Starts a correction of the published report: a new revision, editable, with a public note
    /// (required). The published version stays public until the correction is published.
    /// </summary>
    public Result<ReportWorkflow> StartCorrection(ReportActor actor, string note, DateTimeOffset at)
    {
        if (Refuse(actor, "更正", [ReportRole.Officer, ReportRole.Approver, ReportRole.Supervisor, ReportRole.Admin], ReportState.Published) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.NoteRequired);
        }

        var next = this with { Revision = Revision + 1, RevisionNote = note.Trim() };
        return next.Append(ReportAction.CorrectionStarted, actor, at, ReportState.Draft, note.Trim());
    }

    /// <summary>Which actions <paramref name="role"/> may take in the current state (for showing buttons).</summary>
    public IReadOnlyList<ReportAction> AllowedActions(ReportRole role)
    {
        var desk = role is ReportRole.Officer or ReportRole.Approver or ReportRole.Admin;
        var supervisor = role is ReportRole.Supervisor or ReportRole.Admin;
        var actions = new List<ReportAction>();
        switch (State)
        {
            case ReportState.Draft or ReportState.Returned when desk:
                actions.AddRange([ReportAction.Edited, ReportAction.Submitted]);
                break;
            case ReportState.Submitted when supervisor:
                actions.AddRange([ReportAction.Returned, ReportAction.Accepted]);
                break;
            case ReportState.Accepted when role != ReportRole.Officer:
                actions.Add(ReportAction.Published);
                break;
            case ReportState.Published:
                actions.Add(ReportAction.CorrectionStarted);
                break;
        }

        return actions;
    }

    public static string Label(ReportState state) => state switch
    {
        ReportState.Draft => "草稿",
        ReportState.Submitted => "已报送",
        ReportState.Returned => "已退回",
        ReportState.Accepted => "已审核",
        ReportState.Published => "已公开",
        _ => state.ToString(),
    };

    public static string Label(ReportAction action) => action switch
    {
        ReportAction.Created => "新建",
        ReportAction.Edited => "修改",
        ReportAction.Submitted => "报送",
        ReportAction.Returned => "退回",
        ReportAction.Accepted => "审核通过",
        ReportAction.Published => "公开",
        ReportAction.CorrectionStarted => "开始更正",
        _ => action.ToString(),
    };

    public static string Label(ReportRole role) => role switch
    {
        ReportRole.Officer => "经办人员",
        ReportRole.Approver => "审批人员",
        ReportRole.Supervisor => "监督人员",
        ReportRole.Admin => "系统管理员",
        _ => role.ToString(),
    };

    /// <summary>A report for year Y is about the whole of Y: refused while the China date at <paramref name="at"/> is still in Y (or before).</summary>
    private Problem? BeforeYearEnds(DateTimeOffset at, string step) =>
        ChinaTime.DateOf(at).Year > Draft.Year
            ? null
            : AnnualReportCodes.Problem(
                AnnualReportCodes.YearNotEnded,
                $"{Draft.Year}年度报告须在{Draft.Year + 1}年1月1日起{step}");

    private Problem? Refuse(ReportActor actor, string step, ReportRole[] roles, params ReportState[] states)
    {
        var allowed = states.Length == 0 ? [ReportState.Draft, ReportState.Returned] : states;
        if (!allowed.Contains(State))
        {
            if (State == ReportState.Published && states.Length == 0)
            {
                return AnnualReportCodes.Problem(AnnualReportCodes.Locked);
            }

            return AnnualReportCodes.Problem(
                AnnualReportCodes.WrongState,
                $"报告为“{Label(State)}”，不能{step}（须为“{string.Join("”或“", allowed.Select(Label))}”）");
        }

        if (!roles.Contains(actor.Role))
        {
            return AnnualReportCodes.Problem(AnnualReportCodes.NotPermitted, $"{Label(actor.Role)}不能{step}");
        }

        return null;
    }

    private ReportWorkflow Append(ReportAction action, ReportActor actor, DateTimeOffset at, ReportState to, string? comment, ReportEdit? edit = null) =>
        this with
        {
            State = to,
            History = History.Add(new ReportHistoryEntry(History.Length + 1, action, actor, at, State, to, Revision, comment, edit)),
        };
}
