using System.Globalization;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// Stable codes of the annual-report workspace: pre-publication findings (beyond the rule engine's
/// <c>T*</c>/<c>CELL.*</c>/<c>X.*</c> codes) and the reasons an edit or a workflow step is refused,
/// with their Chinese messages (one catalogue keyed by code; tests assert codes, not prose).
/// </summary>
public static class AnnualReportCodes
{
    // Findings of ReportChecks.
    public const string NarrativeFigure = "X.narrative-figure";
    public const string RepeatedText = "X.repeated-text";
    public const string DeadlinePassed = "DEADLINE.passed";
    public const string DeadlineNear = "DEADLINE.near";
    public const string NarrativeEmpty = "NARR.empty";
    public const string GovernmentItems = "NARR.government-items";

    // Draft edits refused.
    public const string ReasonRequired = "DRAFT.reason-required";
    public const string UnknownCell = "DRAFT.unknown-cell";
    public const string NotWrittenSection = "DRAFT.not-written-section";
    public const string ExplanationRequired = "DRAFT.explanation-required";
    public const string IdentityChanged = "DRAFT.identity-changed";

    // Workflow steps refused.
    public const string WrongState = SharedCodes.WrongState;
    public const string NotPermitted = "FLOW.not-permitted";
    public const string UnexplainedErrors = "FLOW.unexplained-errors";
    public const string CommentRequired = SharedCodes.CommentRequired;
    public const string NoteRequired = "FLOW.note-required";
    public const string Locked = "FLOW.locked";
    public const string YearNotEnded = "FLOW.year-not-ended";
    public const string Stale = "FLOW.stale";

    // The workspace pages refuse an upload or an edit.
    public const string PreviousExists = "WEB.previous-exists";
    public const string FileRequired = "WEB.file-required";
    public const string FileUnreadable = "WEB.file-unreadable";
    public const string NoCasework = "WEB.no-casework";
    public const string CellRequired = "WEB.cell-required";

    // Notices: what a person is told after a step succeeded (Notice, never written in pages).
    public const string DoneSubmitted = "done.report.submitted";
    public const string DonePublished = "done.report.published";
    public const string DoneCorrectionStarted = "done.report.correction-started";
    public const string DoneReturned = "done.report.returned";
    public const string DoneAccepted = "done.report.accepted";
    public const string DonePreviousImported = "done.report.previous-imported";
    public const string DoneDraftStarted = "done.report.draft-started";
    public const string DoneCompiled = "done.report.compiled";
    public const string DoneRecompiled = "done.report.recompiled";
    public const string DoneFileImported = "done.report.file-imported";
    public const string DoneTablesImported = "done.report.tables-imported";
    public const string DoneCellChanged = "done.report.cell-changed";
    public const string DoneCellRestored = "done.report.cell-restored";
    public const string DoneNarrativeSaved = "done.report.narrative-saved";
    public const string DoneExplained = "done.report.explained";
    public const string DoneUploadSaved = "done.report.upload-saved";

    /// <summary>The messages of the annual-report area; <see cref="SharedCodes"/> words the codes it shares with other areas.</summary>
    public static readonly MessageCatalogue Messages = new("annual-reports", new Dictionary<string, (string, string?)>
    {
        [NarrativeFigure] = ("正文引用的数字与表格不一致", "a figure quoted in the text differs from the tables"),
        [RepeatedText] = ("正文与上年报告大量雷同", "the text repeats last year's report"),
        [DeadlinePassed] = ("已超过法定公开期限", "the statutory deadline has passed"),
        [DeadlineNear] = ("临近法定公开期限", "the statutory deadline is near"),
        [NarrativeEmpty] = ("必写部分未填写", "a section that must be written is empty"),
        [GovernmentItems] = ("人民政府报告应写明工作考核、社会评议和责任追究结果情况", "a government's report must state the results of appraisal, public evaluation and accountability"),
        [ReasonRequired] = ("修改表格数字必须填写理由", "changing a table figure needs a reason"),
        [UnknownCell] = ("表格中没有该单元格", "the tables have no such cell"),
        [NotWrittenSection] = ("只有第一、五、六部分由文字撰写，第二至四部分为表格", "only sections 1, 5 and 6 are written; 2-4 are the tables"),
        [ExplanationRequired] = ("说明不能为空", "the explanation is empty"),
        [IdentityChanged] = ("不能更改报告的机关或年度", "the agency or year of a report cannot change"),
        [NotPermitted] = ("当前角色无权执行该操作", "the role may not take this step"),
        [UnexplainedErrors] = ("仍有错误未修正或未说明，不能报送", "errors remain that are neither fixed nor explained"),
        [NoteRequired] = ("更正已公开的报告必须填写更正说明", "correcting a published report needs a revision note"),
        [Locked] = ("报告已公开，内容已锁定；如需更正，请新建更正版本", "the report is published and locked; start a correction"),
        [YearNotEnded] = ("报告年度尚未结束，不能报送或公开", "the report's year has not ended; it cannot be submitted or published yet"),
        [Stale] = ("报告已被他人修改，请刷新页面后重试", "the report changed since it was loaded; reload and retry"),
        [PreviousExists] = ("系统中已有上一年度报告", "last year's report exists"),
        [FileRequired] = ("请选择报告文件", "choose a file"),
        [FileUnreadable] = ("无法读取该文件：{0}", "unreadable file: {0}"),
        [NoCasework] = ("本机关本年度在系统中没有办件记录，无法生成表格", "no casework to compile"),
        [CellRequired] = ("请选择单元格并填写数值", "choose a cell and a value"),
        [DoneSubmitted] = ("已报送，等待审核。", null),
        [DonePublished] = ("报告已公开。", null),
        [DoneCorrectionStarted] = ("已新建更正版本，原公开版本保留。", null),
        [DoneReturned] = ("已退回，报送机关可修改后重新报送。", null),
        [DoneAccepted] = ("已审核通过。", null),
        [DonePreviousImported] = ("已导入{0}年度已发布的报告，用于跨年度核对。", null),
        [DoneDraftStarted] = ("已新建年度报告草稿，请填写表格和正文。", null),
        [DoneCompiled] = ("已根据办件记录生成表格。", null),
        [DoneRecompiled] = ("已根据办件记录重新统计表格，原有修改保留。", null),
        [DoneFileImported] = ("已从 {0} 导入表格和正文。", null),
        [DoneTablesImported] = ("已导入表格。", null),
        [DoneCellChanged] = ("已修改 {0}。", null),
        [DoneCellRestored] = ("已恢复 {0} 的原值。", null),
        [DoneNarrativeSaved] = ("正文已保存。", null),
        [DoneExplained] = ("说明已保存，报送后监督人员可见。", null),
        [DoneUploadSaved] = ("已保存为 {0} 年度报告草稿（年度报告编制中可继续修改）。", null),
    }, SharedCodes.Messages);

    /// <summary>An annual-report problem for <paramref name="code"/>; arguments beyond its template's are details appended to the message.</summary>
    public static Problem Problem(string code, params string[] args) => Messages.Problem(code, args);

    internal static string Num(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
