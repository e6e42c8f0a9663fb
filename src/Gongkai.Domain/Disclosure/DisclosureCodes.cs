using Gongkai.Domain.Results;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Stable codes for proactive-disclosure findings and workflow refusals, with their Chinese messages
/// (one catalogue keyed by code; tests assert codes, not prose).
/// </summary>
public static class DisclosureCodes
{
    // Item validation
    public const string ItemTitleMissing = "ITEM.title-missing";
    public const string ItemPublisherMissing = "ITEM.publisher-missing";
    public const string ItemCategoryInvalid = "ITEM.category-invalid";
    public const string ItemNoChannel = "ITEM.no-channel";
    public const string ItemValidityDates = "ITEM.validity-dates";
    public const string ItemChangedBeforeWritten = "ITEM.changed-before-written";

    // Automatic checks (findings)
    public const string IdNumber = "CHECK.id-number";
    public const string IdNumberWrongCheck = "CHECK.id-number-wrong-check";
    public const string MobileNumber = "CHECK.mobile";
    public const string BankCard = "CHECK.bank-card";
    public const string PersonalAddress = "CHECK.personal-address";
    public const string WrongWord = "CHECK.wrong-word";
    public const string SensitiveWord = "CHECK.sensitive-word";
    public const string DeadLink = "CHECK.dead-link";
    public const string UncheckedExternalLink = "CHECK.external-unchecked";
    public const string AttachmentMissing = "CHECK.attachment-missing";
    public const string ScannedAttachment = "CHECK.scanned-attachment";

    // Uploads of attachments
    public const string UploadTypeNotAllowed = "UPLOAD.type-not-allowed";
    public const string UploadTooLarge = "UPLOAD.too-large";
    public const string UploadEmpty = "UPLOAD.empty";
    public const string UploadContentMismatch = "UPLOAD.content-mismatch";
    public const string UploadTooMany = "UPLOAD.too-many";

    // Workflow refusals
    public const string WrongState = SharedCodes.WrongState;
    public const string OwnDraft = "FLOW.own-draft";
    public const string NotDesignated = "FLOW.not-designated";
    public const string CommentRequired = SharedCodes.CommentRequired;
    public const string ChecksStale = "FLOW.checks-stale";
    public const string FindingsOpen = "FLOW.findings-open";
    public const string UnknownFinding = "FLOW.unknown-finding";
    public const string ItemInvalid = "FLOW.item-invalid";
    public const string IdentityChanged = "FLOW.identity-changed";
    public const string SameReviewer = "FLOW.same-reviewer";
    public const string PersonalDataOpen = "FLOW.personal-data-open";

    // The desk (Web): the item changed meanwhile, or is not in the user's agency.
    public const string Concurrent = "FLOW.concurrent";
    public const string NotFound = "FLOW.not-found";

    // Notices: what a person is told after a step succeeded (Notice, never written in pages).
    public const string DoneSubmitted = "done.disclosure.submitted";
    public const string DoneFindingAccepted = "done.disclosure.finding-accepted";
    public const string DoneSecrecyPassed = "done.disclosure.secrecy-passed";
    public const string DoneLegalityPassed = "done.disclosure.legality-passed";
    public const string DoneReturned = "done.disclosure.returned";
    public const string DonePublished = "done.disclosure.published";
    public const string DoneWithdrawn = "done.disclosure.withdrawn";
    public const string DoneCorrected = "done.disclosure.corrected";

    /// <summary>The messages of the disclosure area; <see cref="SharedCodes"/> words the codes it shares with other areas.</summary>
    public static readonly MessageCatalogue Messages = new("disclosure", new Dictionary<string, (string, string?)>
    {
        [DoneSubmitted] = ("已提交保密审查。", null),
        [DoneFindingAccepted] = ("已记录接受理由。", null),
        [DoneSecrecyPassed] = ("保密审查通过，已转合法性审查。", null),
        [DoneLegalityPassed] = ("合法性审查通过，审核完成，可以发布。", null),
        [DoneReturned] = ("已退回修改。", null),
        [DonePublished] = ("已发布。", null),
        [DoneWithdrawn] = ("已撤回。", null),
        [DoneCorrected] = ("已发布更正版本。", null),
        [ItemTitleMissing] = ("缺少标题", null),
        [ItemPublisherMissing] = ("缺少发布机构", null),
        [ItemCategoryInvalid] = ("主题分类不是条例第二十条规定的事项", null),
        [ItemNoChannel] = ("未选择公开渠道", null),
        [ItemValidityDates] = ("有效性日期不完整或先后颠倒", null),
        [ItemChangedBeforeWritten] = ("变更日期早于成文日期", null),
        [IdNumber] = ("疑似公民身份号码", null),
        [IdNumberWrongCheck] = ("疑似公民身份号码（末位校验码不符）", null),
        [MobileNumber] = ("疑似手机号码", null),
        [BankCard] = ("疑似银行卡号", null),
        [PersonalAddress] = ("疑似个人姓名及住址", null),
        [WrongWord] = ("疑似错别字", null),
        [SensitiveWord] = ("敏感词", null),
        [DeadLink] = ("链接无法访问（失效链接）", null),
        [UncheckedExternalLink] = ("外部链接，未检查", null),
        [AttachmentMissing] = ("附件无法访问", null),
        [ScannedAttachment] = ("附件为扫描件，无文字层", null),
        [UploadTypeNotAllowed] = ("附件类型不允许：只接受PDF、DOCX、DOC、XLSX、XLS、OFD、JPG、PNG、ZIP文件", null),
        [UploadTooLarge] = ("附件过大：每个文件不超过20 MB", null),
        [UploadEmpty] = ("附件是空文件", null),
        [UploadContentMismatch] = ("附件内容与文件类型不符（例如把其他文件改了扩展名），请上传原文件", null),
        [UploadTooMany] = ("附件过多：每条信息最多20个附件", null),
        [OwnDraft] = ("审查人不能审查本人起草、修改或提交的稿件", null),
        [NotDesignated] = ("该用户不是指定的审查人", null),
        [ChecksStale] = ("自动检查结果与当前稿件不一致，请重新检查", null),
        [FindingsOpen] = ("仍有未处理的检查问题：请修改文稿或由审查人说明理由后接受", null),
        [UnknownFinding] = ("没有该检查问题", null),
        [ItemInvalid] = ("信息要素不完整", null),
        [IdentityChanged] = ("不能更改信息的标识或索引号", null),
        [SameReviewer] = ("保密审查和合法性审查须由两名不同的审查人进行：您已作保密审查，合法性审查须由另一人进行", null),
        [PersonalDataOpen] = ("仍有未处理的个人信息问题：请退回修改，或填写保留理由后再通过保密审查", null),
        [Concurrent] = ("该信息已被他人修改，请刷新页面后重试", null),
        [NotFound] = ("本机关没有该信息", null),
    }, SharedCodes.Messages);

    /// <summary>A disclosure problem for <paramref name="code"/>.</summary>
    public static Problem Problem(string code, params string[] args) => Messages.Problem(code, args);
}
