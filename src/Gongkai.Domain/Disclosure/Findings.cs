using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Domain.Disclosure;

/// <summary>What an automatic check found.</summary>
public enum FindingKind
{
    IdNumber,
    MobileNumber,
    BankCard,
    PersonalAddress,
    WrongWord,
    SensitiveWord,
    DeadLink,
    UncheckedExternalLink,
    AttachmentMissing,
    ScannedAttachment,

    /// <summary>An 18-digit 公民身份号码 whose check character is wrong (still personal data).</summary>
    IdNumberWrongCheck,
}

/// <summary>Which part of the item a finding is in.</summary>
public enum ItemField
{
    Title,
    Body,
    Attachment,
}

/// <summary>
/// Where a finding is: the field, the 0-based UTF-16 offset and length in that field's text, and the
/// 1-based line and column of the start. For <see cref="ItemField.Attachment"/>, <see cref="Start"/> is
/// the attachment's index and <see cref="Length"/> is 0.
/// </summary>
public sealed record TextPosition(ItemField Field, int Start, int Length, int Line, int Column)
{
    public override string ToString() => Field == ItemField.Attachment ? $"附件{Start + 1}" : $"{Field}:{Line}:{Column}";

    internal static TextPosition In(ItemField field, string text, int start, int length)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < start && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextPosition(field, start, length, line, start - lineStart + 1);
    }
}

/// <summary>
/// A finding shown to reviewers: its kind and code, where it is, the excerpt it is about (with a
/// little context), and what to do. <see cref="Blocking"/> findings stop publication until the text is
/// edited (the finding then disappears) or a reviewer accepts it with a reason.
/// </summary>
public sealed record Finding(FindingKind Kind, string Code, TextPosition Position, string Matched, string Excerpt, string Suggestion, bool Blocking)
{
    /// <summary>Stable id within one version of an item: kind, position and matched text.</summary>
    public string Id
    {
        get
        {
            var key = $"{Code}|{Position.Field}|{Position.Start}|{Position.Length}|{Matched}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        }
    }

    public string Message => DisclosureCodes.Messages.Zh(Code);

    /// <summary>Whether the finding is personal data (个人信息): 保密审查 cannot pass while one is open without a recorded reason.</summary>
    public bool IsPersonalData => Kind is FindingKind.IdNumber or FindingKind.IdNumberWrongCheck or FindingKind.MobileNumber
        or FindingKind.BankCard or FindingKind.PersonalAddress;
}

/// <summary>
/// The findings of <see cref="ItemChecker"/> for one exact content (see <see cref="DisclosureItem.ContentFingerprint"/>).
/// The workflow refuses a result whose fingerprint does not match the item it is applied to.
/// </summary>
public sealed record ItemCheckResult(string ContentFingerprint, ImmutableArray<Finding> Findings)
{
    public bool HasBlocking => Findings.Any(f => f.Blocking);

    public Finding? Find(string id) => Findings.FirstOrDefault(f => f.Id == id);
}
