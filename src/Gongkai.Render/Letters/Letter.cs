using System.Collections.Immutable;
using System.Globalization;

namespace Gongkai.Render.Letters;

/// <summary>
/// A letter's content, the one owner of what it says: the DOCX and PDF writers only lay it out
/// (GB/T 9704). Built from the case by <see cref="LetterComposer"/>.
/// </summary>
/// <param name="Kind">Which letter.</param>
/// <param name="Issuer">发文机关 (the 版头 and the 落款).</param>
/// <param name="DocumentNumber">发文字号, e.g. 兰卫公开〔2026〕3号.</param>
/// <param name="Title">标题.</param>
/// <param name="Recipient">主送 (the applicant, or the third party or agency consulted).</param>
/// <param name="Paragraphs">正文, one paragraph per string.</param>
/// <param name="Attachments">附件说明 (names only).</param>
/// <param name="Signer">落款 (the agency's name).</param>
/// <param name="Date">成文日期.</param>
/// <param name="Contact">联系方式 under the date, or null.</param>
public sealed record Letter(
    LetterKind Kind,
    string Issuer,
    string DocumentNumber,
    string Title,
    string Recipient,
    ImmutableArray<string> Paragraphs,
    ImmutableArray<string> Attachments,
    string Signer,
    DateOnly Date,
    string? Contact)
{
    /// <summary>成文日期 as written (GB/T 9704: Arabic numerals, 年月日, no leading zeros), e.g. 2026年12月5日.</summary>
    public string DateZh => LetterDates.Zh(Date);

    /// <summary>Every line of text in reading order (for tests and plain-text views).</summary>
    public IEnumerable<string> Lines()
    {
        yield return Issuer;
        yield return DocumentNumber;
        yield return Title;
        yield return Recipient + "：";
        foreach (var p in Paragraphs)
        {
            yield return p;
        }

        foreach (var a in AttachmentLines())
        {
            yield return a;
        }

        yield return Signer;
        yield return DateZh;
        if (Contact is not null)
        {
            yield return Contact;
        }
    }

    /// <summary>附件说明 lines: 附件：1.… then 2.… aligned (none when there are no attachments).</summary>
    public IEnumerable<string> AttachmentLines()
    {
        for (var i = 0; i < Attachments.Length; i++)
        {
            var number = Attachments.Length == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{i + 1}.");
            yield return (i == 0 ? "附件：" : "　　　") + number + Attachments[i];
        }
    }
}

/// <summary>Dates in letters.</summary>
public static class LetterDates
{
    /// <summary>e.g. 2026年12月5日.</summary>
    public static string Zh(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}

/// <summary>
/// The issuing agency's letter settings (kept per agency in the database): its name and contacts, and the
/// bodies named in the 救济途径 of an adverse letter.
/// </summary>
/// <param name="Name">发文机关 and 落款.</param>
/// <param name="Address">Address of the 政府信息公开工作机构.</param>
/// <param name="Phone">Its telephone.</param>
/// <param name="ReviewBody">复议机关, e.g. 兰陵县人民政府; null: the letter says 有权受理的行政复议机关.</param>
/// <param name="Court">The court for 行政诉讼, e.g. 兰陵县人民法院; null: the letter says 有管辖权的人民法院.</param>
public sealed record LetterIssuer(string Name, string? Address = null, string? Phone = null, string? ReviewBody = null, string? Court = null);
