namespace Gongkai.Import.Readers;

/// <summary>
/// Tells the kind of a file from its content, so that the pipeline can hand it to the
/// <see cref="ISourceReader"/> that reads that kind (the name's extension only breaks a tie
/// between text and HTML).
/// </summary>
public static class SourceDetector
{
    /// <summary>Detects the kind of a file from its first bytes (and, for HTML, its markup).</summary>
    public static SourceKind Detect(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return SourceKind.Pdf;
        }

        if (Rtf.RtfSourceReader.IsRtf(bytes))
        {
            return SourceKind.Rtf;
        }

        if (WordBinary.CompoundFile.IsCompoundFile(bytes))
        {
            // Word 97-2003 (.doc), WPS (.wps); the reader refuses other compound files (.xls, .ppt).
            return SourceKind.WordBinary;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return SourceKind.Unsupported;
        }

        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            var ascii = System.Text.Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 1 << 16)]);
            return ascii.Contains("word/", StringComparison.Ordinal) ? SourceKind.Docx : SourceKind.Unsupported;
        }

        if (Mht.MhtSourceReader.IsMht(bytes))
        {
            return SourceKind.Mht;
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        var zeros = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                zeros++;
            }
            else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                controls++;
            }
        }

        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || TextDecoding.IsUtf16WithoutBom(head);
        if (!utf16 && (zeros > 0 || controls > head.Length / 20 + 2))
        {
            return SourceKind.Binary;
        }

        if (!utf16 && !StartsWithMarkup(head))
        {
            return ByName(name);
        }

        var text = utf16 ? TextDecoding.Decode(head, out _) : System.Text.Encoding.UTF8.GetString(head);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('<') && (trimmed.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("<table", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("<!doctype", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("<p", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("<div", StringComparison.OrdinalIgnoreCase)))
        {
            return SourceKind.Html;
        }

        return ByName(name);
    }

    private static SourceKind ByName(string name) =>
        name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            ? SourceKind.Html
            : SourceKind.Text;

    /// <summary>Whether 8-bit text begins, after byte order marks and white space, with <c>&lt;</c> (else it is not markup, and is not decoded to tell).</summary>
    private static bool StartsWithMarkup(ReadOnlySpan<byte> head)
    {
        while (true)
        {
            if (head.StartsWith(TextDecoding.Utf8Bom))
            {
                head = head[3..];
            }
            else if (head.Length > 0 && head[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                head = head[1..];
            }
            else
            {
                return head.Length > 0 && head[0] == (byte)'<';
            }
        }
    }
}
