using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// The automatic checks shown to reviewers: personal data (身份证号, 手机号, 银行卡号, names with
/// addresses), the administrator's 错敏字 list, links and attachments that do not resolve, and scans
/// without a text layer. Stateless and reusable; build one per site configuration.
/// </summary>
public sealed partial class ItemChecker(WrongWordList words, ILinkChecker links)
{
    /// <summary>Characters of context either side of a match in <see cref="Finding.Excerpt"/>.</summary>
    public const int ExcerptContext = 12;

    /// <summary>How far after a name an address may start to count as that person's (characters).</summary>
    public const int AddressWindow = 40;

    /// <summary>Longest text checked per field; longer text is checked up to this length.</summary>
    public const int MaxFieldLength = 1_000_000;

    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(2);

    public WrongWordList Words => words;

    /// <summary>Runs every check over the item and returns the findings, in field and text order.</summary>
    /// <param name="item">The item to check.</param>
    /// <param name="today">Today's date, the latest plausible date of birth in an ID number.</param>
    /// <param name="cancellationToken">Cancels link checks.</param>
    public async ValueTask<ItemCheckResult> CheckAsync(DisclosureItem item, DateOnly today, CancellationToken cancellationToken = default)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var (field, text) in new[] { (ItemField.Title, item.Title), (ItemField.Body, item.Body) })
        {
            var t = text.Length > MaxFieldLength ? text[..MaxFieldLength] : text;
            findings.AddRange(CheckPersonalData(field, t, today));
            findings.AddRange(CheckWords(field, t));
            findings.AddRange(await CheckLinksAsync(field, t, cancellationToken).ConfigureAwait(false));
        }

        for (var i = 0; i < item.Attachments.Length; i++)
        {
            findings.AddRange(await CheckAttachmentAsync(i, item.Attachments[i], cancellationToken).ConfigureAwait(false));
        }

        var ordered = findings
            .OrderBy(f => f.Position.Field)
            .ThenBy(f => f.Position.Start)
            .ThenBy(f => f.Kind)
            .ToImmutableArray();
        return new ItemCheckResult(item.ContentFingerprint(), ordered);
    }

    // 18 characters not inside a longer run of digits/letters X.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdCandidate();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![\d ])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"(?:姓名|申请人|当事人|被处罚人|被申请人|联系人|户主|法定代表人|负责人|经营者|租户|业主)\s*[:：]?\s*(?<name>[\u4e00-\u9fa5]{2,3})", RegexOptions.CultureInvariant)]
    private static partial Regex NameLead();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,12}?(?:省|市|区|县|镇|乡|街道)[\u4e00-\u9fa5\dA-Za-z]{0,30}?(?:路|街|巷|弄|村|小区|大道)[\u4e00-\u9fa5\d\-—]{0,12}?\d+\s*号(?:楼|院)?(?:\d+(?:单元|室|号))*", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(?:""(?<u>[^""]*)""|'(?<u>[^']*)'|(?<u>[^\s>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"(?<![""'=/\w])(?:https?://|www\.)[^\s""'<>，。；：、）》】（《【]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    private static IEnumerable<Finding> CheckPersonalData(ItemField field, string text, DateOnly today)
    {
        var idSpans = new List<(int Start, int End)>();
        foreach (Match m in IdCandidate().Matches(text))
        {
            var shape = PersonalData.ClassifyIdNumber(m.ValueSpan, today);
            if (shape == IdNumberShape.Valid)
            {
                idSpans.Add((m.Index, m.Index + m.Length));
                yield return Make(FindingKind.IdNumber, DisclosureCodes.IdNumber, field, text, m.Index, m.Length,
                    "删除或隐去身份证号（如保留前6位和后4位以外的数字用*代替）", blocking: true);
            }
            else if (shape == IdNumberShape.WrongCheckCharacter)
            {
                idSpans.Add((m.Index, m.Index + m.Length));
                yield return Make(FindingKind.IdNumberWrongCheck, DisclosureCodes.IdNumberWrongCheck, field, text, m.Index, m.Length,
                    "末位校验码不符，可能抄录有误，但仍属个人信息：删除或隐去", blocking: true);
            }
        }

        foreach (Match m in Mobile().Matches(text))
        {
            yield return Make(FindingKind.MobileNumber, DisclosureCodes.MobileNumber, field, text, m.Index, m.Length,
                "删除手机号码或隐去中间4位（如138****5678）", blocking: true);
        }

        foreach (Match m in CardCandidate().Matches(text))
        {
            var digits = new string([.. m.Value.Where(char.IsAsciiDigit)]);
            var overlapsId = idSpans.Any(s => m.Index < s.End && s.Start < m.Index + m.Length);
            if (!overlapsId && digits.Length is >= 16 and <= 19 && PersonalData.PassesLuhn(digits))
            {
                yield return Make(FindingKind.BankCard, DisclosureCodes.BankCard, field, text, m.Index, m.Length,
                    "删除银行卡号或只保留后4位", blocking: true);
            }
        }

        foreach (Match lead in NameLead().Matches(text))
        {
            var windowStart = lead.Index + lead.Length;
            var windowLength = Math.Min(AddressWindow + 40, text.Length - windowStart);
            if (windowLength <= 0)
            {
                continue;
            }

            var address = Address().Match(text, windowStart, windowLength);
            if (address.Success && address.Index - windowStart <= AddressWindow)
            {
                yield return Make(FindingKind.PersonalAddress, DisclosureCodes.PersonalAddress, field, text, address.Index, address.Length,
                    $"“{lead.Groups["name"].Value}”的住址属于个人信息，删除或只保留到县（区）一级", blocking: true);
            }
        }
    }

    private IEnumerable<Finding> CheckWords(ItemField field, string text)
    {
        foreach (var (start, entry) in words.Matches(text))
        {
            var wrong = entry.Kind == WordEntryKind.Wrong;
            var suggestion = wrong ? $"改为“{entry.Right}”" : entry.Right;
            if (entry.Note is not null)
            {
                suggestion += $"（{entry.Note}）";
            }

            yield return Make(wrong ? FindingKind.WrongWord : FindingKind.SensitiveWord,
                wrong ? DisclosureCodes.WrongWord : DisclosureCodes.SensitiveWord,
                field, text, start, entry.Wrong.Length, suggestion, blocking: true);
        }
    }

    private async Task<List<Finding>> CheckLinksAsync(ItemField field, string text, CancellationToken cancellationToken)
    {
        var found = new List<(int Start, int Length, string Link)>();
        foreach (Match m in Anchor().Matches(text))
        {
            var g = m.Groups["u"];
            found.Add((g.Index, g.Length, WebUtility.HtmlDecode(g.Value)));
        }

        foreach (Match m in BareUrl().Matches(text))
        {
            if (!found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length))
            {
                var link = m.Value.TrimEnd('.', ',', ')', ';');
                found.Add((m.Index, link.Length, link.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "http://" + link : link));
            }
        }

        var findings = new List<Finding>();
        foreach (var (start, length, link) in found.OrderBy(f => f.Start))
        {
            if (link.Length == 0 || link.StartsWith('#') || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                || link.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || link.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var status = await links.CheckAsync(link, cancellationToken).ConfigureAwait(false);
            if (status == LinkStatus.Broken)
            {
                findings.Add(Make(FindingKind.DeadLink, DisclosureCodes.DeadLink, field, text, start, length,
                    "修正链接地址或删除链接", blocking: true));
            }
            else if (status == LinkStatus.UncheckedExternal)
            {
                findings.Add(Make(FindingKind.UncheckedExternalLink, DisclosureCodes.UncheckedExternalLink, field, text, start, length,
                    "人工确认外部链接可访问", blocking: false));
            }
        }

        return findings;
    }

    private async Task<List<Finding>> CheckAttachmentAsync(int index, Attachment a, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var position = new TextPosition(ItemField.Attachment, index, 0, 1, 1);
        // A location that is neither a site path nor an http(s) URL (//host/x.pdf, \\host\x.pdf, javascript:…) cannot be served: missing.
        // An uploaded file is stored with the item; only a linked one can be missing.
        if (!a.IsUploaded
            && (!Attachment.IsLinkable(a.Location) || await links.CheckAsync(a.Location!, cancellationToken).ConfigureAwait(false) == LinkStatus.Broken))
        {
            findings.Add(new Finding(FindingKind.AttachmentMissing, DisclosureCodes.AttachmentMissing, position, a.Name, a.Name,
                "重新上传附件", Blocking: true));
        }

        if (a.IsScannable && !a.HasTextLayer)
        {
            findings.Add(new Finding(FindingKind.ScannedAttachment, DisclosureCodes.ScannedAttachment, position, a.Name, a.Name,
                "提供可检索的文字版（如原文PDF或OCR识别后的文本）", Blocking: true));
        }

        return findings;
    }

    private static Finding Make(FindingKind kind, string code, ItemField field, string text, int start, int length, string suggestion, bool blocking)
    {
        var from = Math.Max(0, start - ExcerptContext);
        var to = Math.Min(text.Length, start + length + ExcerptContext);
        var excerpt = (from > 0 ? "…" : "") + text[from..to].ReplaceLineEndings(" ") + (to < text.Length ? "…" : "");
        return new Finding(kind, code, TextPosition.In(field, text, start, length), text.Substring(start, length), excerpt, suggestion, blocking);
    }
}
