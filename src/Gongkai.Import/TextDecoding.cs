using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Import;

/// <summary>
/// Turns the bytes of a text or HTML report into a string: the encoding is taken from a byte order
/// mark, then from an HTML <c>&lt;meta charset&gt;</c>, then from the content (strict UTF-8 first,
/// GB18030 — a superset of GBK and GB2312 — otherwise).
/// </summary>
public static partial class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, the encoding used for GBK/GB2312 files.</summary>
    public static Encoding Gb18030 { get; } = GetGb18030();

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>
    /// The UTF-8 byte order mark. (Not <c>"\xEF\xBB\xBF"u8</c>: in a C# string <c>\xEF</c> is the
    /// character U+00EF, so that literal is six bytes and never matched a mark.)
    /// </summary>
    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="encodingName"/> says which encoding was used.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            encodingName = "utf-8-bom";
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encodingName = "utf-16le";
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encodingName = "utf-16be";
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            encodingName = bigEndian ? "utf-16be" : "utf-16le";
            return (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
        }

        var declared = DeclaredCharset(bytes);
        if (declared is not null && IsGb(declared))
        {
            encodingName = "gb18030";
            return Gb18030.GetString(bytes);
        }

        try
        {
            var text = s_strictUtf8.GetString(bytes);
            encodingName = "utf-8";
            return text;
        }
        catch (DecoderFallbackException)
        {
            encodingName = "gb18030";
            return Gb18030.GetString(bytes);
        }
    }

    /// <summary>
    /// The encoding a declared charset names (a MIME part's <c>charset="gb2312"</c>): the GB family
    /// read as GB18030, its superset; null when .NET knows no such charset.
    /// </summary>
    public static Encoding? OfCharset(string charset)
    {
        if (IsGb(charset))
        {
            return Gb18030;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The encoding of a Windows code page (RTF's <c>\ansicpg936</c>): 936 read as GB18030; null when unknown.</summary>
    public static Encoding? OfCodePage(int codePage)
    {
        if (codePage == 936)
        {
            return Gb18030;
        }

        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsGb(string charset) =>
        charset.StartsWith("gb", StringComparison.OrdinalIgnoreCase) || charset.Equals("cp936", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("x-gbk", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the bytes look like UTF-16 text without a byte order mark.</summary>
    public static bool IsUtf16WithoutBom(ReadOnlySpan<byte> bytes) => LooksLikeUtf16(bytes, out _);

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length & ~1, 512);
        if (n < 8)
        {
            return false;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0)
            {
                zeroEven++;
            }

            if (bytes[i + 1] == 0)
            {
                zeroOdd++;
            }
        }

        // ASCII-heavy UTF-16 has a zero in every other byte; Chinese text still has many.
        var pairs = n / 2;
        if (zeroOdd > pairs / 3 && zeroEven == 0)
        {
            return true;
        }

        if (zeroEven > pairs / 3 && zeroOdd == 0)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        // Only the bytes after each "charset" (any case) in the first 4 KB are decoded and matched.
        var window = bytes[..Math.Min(bytes.Length, 4096)];
        for (var from = 0; from < window.Length && IndexOfCharset(window[from..]) is >= 0 and var at; from += at + 7)
        {
            var start = from + at;
            var m = CharsetPattern().Match(Encoding.ASCII.GetString(window[start..Math.Min(window.Length, start + 80)]));
            if (m.Success)
            {
                return m.Groups[1].Value;
            }
        }

        return null;
    }

    /// <summary>Where the word <c>charset</c> (any case) first stands in <paramref name="bytes"/>, or -1.</summary>
    private static int IndexOfCharset(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 7 <= bytes.Length; i++)
        {
            if ((bytes[i] | 0x20) == 'c' && System.Text.Ascii.EqualsIgnoreCase(bytes.Slice(i, 7), "charset"u8))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
