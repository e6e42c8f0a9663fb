using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Disclosure;

/// <summary>
/// One item: its content, the automatic findings with their status, the history, and the actions the
/// user may take now (reviewers: accept a finding with a reason, pass a review, return; publish; withdraw).
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class ReviewModel(DisclosureDesk desk, CurrentStaff staff) : PageModel
{
    private readonly DisclosureDesk _desk = desk;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DisclosureWorkflow Workflow { get; private set; } = null!;

    public PublicationDeadline Deadline { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>Whether the user is a reviewer (审批人员) who did not write the draft: may return, publish, correct, withdraw.</summary>
    public bool MayManage => staff.IsApprover && !Workflow.Authors.Contains(staff.UserId!);

    /// <summary>Whether the user may take the review now pending (a reviewer, not a drafter, and not the 保密审查 reviewer for 合法性审查).</summary>
    public bool MayReviewNow => staff.IsApprover && Workflow.MayReviewNow(Me);

    public string? UserId => staff.UserId;

    public bool IsAuthor => Workflow.Authors.Contains(staff.UserId!);

    private Actor Me => new(staff.UserId!, staff.DisplayName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        ActAsync(false, () => _desk.SubmitAsync(Id, staff.DeskAgencyId, Me, ct), DisclosureCodes.DoneSubmitted, ct);

    public Task<IActionResult> OnPostAcceptAsync(string findingId, string? reason, CancellationToken ct) =>
        ActAsync(true, () => _desk.RunAsync(Id, staff.DeskAgencyId, w => Task.FromResult(w.AcceptFinding(Me, findingId, reason ?? "", _desk.Now)), ct), DisclosureCodes.DoneFindingAccepted, ct);

    public Task<IActionResult> OnPostSecrecyAsync(string? comment, string? personalDataReason, CancellationToken ct) =>
        ActAsync(true, () => _desk.RunAsync(Id, staff.DeskAgencyId, w => Task.FromResult(w.PassSecrecyReview(Me, _desk.Now, comment, personalDataReason)), ct), DisclosureCodes.DoneSecrecyPassed, ct);

    public Task<IActionResult> OnPostLegalityAsync(string? comment, CancellationToken ct) =>
        ActAsync(true, () => _desk.RunAsync(Id, staff.DeskAgencyId, w => Task.FromResult(w.PassLegalityReview(Me, _desk.Now, comment)), ct), DisclosureCodes.DoneLegalityPassed, ct);

    public Task<IActionResult> OnPostReturnAsync(string? comment, CancellationToken ct) =>
        ActAsync(true, () => _desk.RunAsync(Id, staff.DeskAgencyId, w => Task.FromResult(w.Return(Me, comment ?? "", _desk.Now)), ct), DisclosureCodes.DoneReturned, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        ActAsync(true, () => _desk.PublishAsync(Id, staff.DeskAgencyId, Me, ct), DisclosureCodes.DonePublished, ct);

    public Task<IActionResult> OnPostWithdrawAsync(string? note, CancellationToken ct) =>
        ActAsync(true, () => _desk.RunAsync(Id, staff.DeskAgencyId, w => Task.FromResult(w.Withdraw(Me, note ?? "", _desk.Today, _desk.Now)), ct), DisclosureCodes.DoneWithdrawn, ct);

    /// <summary>更正: publishes the corrected text as a new version with a public note; the corrected text must pass the checks.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string? body, string? note, CancellationToken ct)
    {
        var checker = await _desk.CheckerAsync(ct);
        return await ActAsync(true, () => _desk.RunAsync(Id, staff.DeskAgencyId, async w =>
        {
            var corrected = w.Item with { Body = (body ?? "").ReplaceLineEndings("\n") };
            var checks = await checker.CheckAsync(corrected, _desk.Today, ct);
            return w.Correct(Me, corrected, checks, note ?? "", _desk.Now);
        }, ct), DisclosureCodes.DoneCorrected, ct);
    }

    private async Task<IActionResult> ActAsync(bool reviewerOnly, Func<Task<Result<DisclosureWorkflow>>> action, string done, CancellationToken ct)
    {
        if (reviewerOnly && !staff.IsApprover)
        {
            return Forbid();
        }

        var result = await action();
        if (result.Code == DisclosureDesk.NotFound)
        {
            return NotFound();
        }

        if (result.Problem is not { } refused)
        {
            Message = DisclosureCodes.Messages.Notice(done).MessageZh;
            return RedirectToPage(new { id = Id });
        }

        Error = refused.MessageZh;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var w = await _desk.LoadAsync(Id, staff.DeskAgencyId, ct);
        if (w is null)
        {
            return false;
        }

        Workflow = w;
        Deadline = _desk.Deadlines.For(w.Item, _desk.Today);
        return true;
    }

    public FindingAcceptance? AcceptanceOf(Finding f) => Workflow.Acceptances.FirstOrDefault(a => a.FindingId == f.Id);

    public static string KindLabel(FindingKind k) => k switch
    {
        FindingKind.IdNumber => "身份证号",
        FindingKind.IdNumberWrongCheck => "身份证号（校验码不符）",
        FindingKind.MobileNumber => "手机号码",
        FindingKind.BankCard => "银行卡号",
        FindingKind.PersonalAddress => "个人住址",
        FindingKind.WrongWord => "错别字",
        FindingKind.SensitiveWord => "敏感词",
        FindingKind.DeadLink => "失效链接",
        FindingKind.UncheckedExternalLink => "外部链接",
        FindingKind.AttachmentMissing => "附件缺失",
        FindingKind.ScannedAttachment => "扫描件",
        _ => k.ToString(),
    };

    public static string PositionLabel(TextPosition p) => p.Field switch
    {
        ItemField.Title => $"标题第{p.Column}字",
        ItemField.Body => $"正文第{p.Line}行第{p.Column}字",
        _ => $"附件{p.Start + 1}",
    };
}
