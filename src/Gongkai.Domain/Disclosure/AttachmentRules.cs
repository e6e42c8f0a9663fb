using System.Collections.Frozen;
using System.IO.Compression;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// What may be uploaded as an attachment (附件) of a disclosure item: the type allow-list (by
/// extension, each with the signature its content must start with), the size limit, and the check of
/// one file. Refusals are codes of <see cref="DisclosureCodes"/> (<c>UPLOAD.*</c>), shown in Chinese.
/// </summary>
public static class AttachmentRules
{
    /// <summary>The largest file accepted: 20 MB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The most attachments one item may have.</summary>
    public const int MaxPerItem = 20;

    /// <summary>The longest file name kept (characters).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The accepted extensions (lower case, without the dot) and their MIME types.</summary>
    public static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["doc"] = "application/msword",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["xls"] = "application/vnd.ms-excel",
        ["ofd"] = "application/ofd",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["png"] = "image/png",
        ["zip"] = "application/zip",
    }.ToFrozenDictionary();

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> EmptyZip => [0x50, 0x4B, 0x05, 0x06];

    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The lower-case extension of <paramref name="name"/> without the dot ("" if none).</summary>
    public static string ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? "" : name[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>
    /// The name to keep: the last path segment (browsers may send <c>C:\fakepath\x.pdf</c>), without
    /// control characters, at most <see cref="MaxNameLength"/> characters keeping the extension.
    /// </summary>
    public static string CleanName(string name)
    {
        var last = name.Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        if (clean.Length <= MaxNameLength)
        {
            return clean;
        }

        var ext = ExtensionOf(clean);
        return clean[..(MaxNameLength - ext.Length - 1)] + "." + ext;
    }

    /// <summary>
    /// Why <paramref name="content"/> named <paramref name="name"/> cannot be attached, as a code, or
    /// null when it can: the extension must be on the list, the size within <see cref="MaxBytes"/>, and
    /// the content must be what the extension says (a PDF starts with <c>%PDF-</c>, a DOCX is a ZIP
    /// package with <c>word/document.xml</c>, an XLSX one with <c>xl/workbook.xml</c>, an OFD one with
    /// <c>OFD.xml</c>, DOC and XLS are OLE2 compound files, JPG and PNG start with their signatures).
    /// </summary>
    public static string? Refusal(string name, ReadOnlySpan<byte> content)
    {
        var ext = ExtensionOf(CleanName(name));
        if (!Types.ContainsKey(ext))
        {
            return DisclosureCodes.UploadTypeNotAllowed;
        }

        if (content.IsEmpty)
        {
            return DisclosureCodes.UploadEmpty;
        }

        if (content.Length > MaxBytes)
        {
            return DisclosureCodes.UploadTooLarge;
        }

        var matches = ext switch
        {
            "pdf" => content[..Math.Min(content.Length, 1024)].IndexOf(Pdf) >= 0,
            "doc" or "xls" => content.StartsWith(Ole2),
            "jpg" or "jpeg" => content.StartsWith(Jpeg),
            "png" => content.StartsWith(Png),
            "zip" => content.StartsWith(Zip) || content.StartsWith(EmptyZip),
            "docx" => HasZipEntry(content, "word/document.xml"),
            "xlsx" => HasZipEntry(content, "xl/workbook.xml"),
            "ofd" => HasZipEntry(content, "OFD.xml"),
            _ => false,
        };
        return matches ? null : DisclosureCodes.UploadContentMismatch;
    }

    /// <summary>Whether an item with <paramref name="existing"/> attachments may take <paramref name="adding"/> more.</summary>
    public static string? CountRefusal(int existing, int adding) =>
        existing + adding > MaxPerItem ? DisclosureCodes.UploadTooMany : null;

    /// <summary>PDFs and images may be scans; the caller decides whether a PDF has a text layer.</summary>
    public static string ContentTypeOf(string name) =>
        Types.TryGetValue(ExtensionOf(name), out var type) ? type : "application/octet-stream";

    private static bool HasZipEntry(ReadOnlySpan<byte> content, string entry)
    {
        if (!content.StartsWith(Zip))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => string.Equals(e.FullName, entry, StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
