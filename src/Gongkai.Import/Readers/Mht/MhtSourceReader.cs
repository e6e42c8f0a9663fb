using System.Text;
using Gongkai.Domain.Reports;
using MimeKit;

namespace Gongkai.Import.Readers.Mht;

/// <summary>
/// Reads a web archive (MHTML: a browser's "save as single file", Word's "单个文件网页", often named
/// .mht or .doc): a MIME message whose first <c>text/html</c> part is the page. The part is decoded
/// (quoted-printable or base64, in its charset; without one, as a page is sniffed) and read by the
/// HTML reader. MimeKit parses the message, nested at most <see cref="MaxMimeDepth"/> deep.
/// </summary>
public sealed class MhtSourceReader : ISourceReader
{
    /// <summary>Multiparts nested deeper than this are not looked into (a page is one level down).</summary>
    private const int MaxMimeDepth = 8;

    /// <summary>The reader (it holds no state).</summary>
    public static MhtSourceReader Instance { get; } = new();

    private MhtSourceReader()
    {
    }

    /// <summary>
    /// Whether the bytes start as a web archive does: a MIME header line first (<c>MIME-Version: 1.0</c>
    /// as Word writes, <c>From: &lt;Saved by Blink&gt;</c> as Chrome does), and <c>MIME-Version</c> and a
    /// <c>multipart/related</c> content type in the first 4 KB.
    /// </summary>
    public static bool IsMht(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var first = head.TrimStart();
        var colon = first.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && first[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && head.Contains("MIME-Version", StringComparison.OrdinalIgnoreCase)
            && head.Contains("multipart/related", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.Mht;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(SourceReaderBytes.ToArray(bytes), name, ImportBudget.Current);

    public static SourceDocument Read(byte[] bytes, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(bytes, name, b));

    private static SourceDocument ReadWithin(byte[] bytes, string name, ImportBudget budget)
    {
        MimeEntity? body;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            body = MimeMessage.Load(new ParserOptions { MaxMimeDepth = MaxMimeDepth }, stream).Body;
        }
        catch (FormatException)
        {
            return Fail(name, "网页归档文件的格式无效");
        }

        budget.CheckTime();
        if (FirstHtml(body, 0) is not { } page)
        {
            return Fail(name, "网页归档文件中没有网页正文");
        }

        using var decoded = new MemoryStream();
        page.Content?.DecodeTo(decoded);
        var content = decoded.ToArray();
        var html = page.ContentType.Charset is { } charset && TextDecoding.OfCharset(charset) is { } encoding
            ? encoding.GetString(content)
            : TextDecoding.Decode(content, out _);
        return HtmlSourceReader.Read(html, name, budget);
    }

    private static MimePart? FirstHtml(MimeEntity? entity, int depth) => entity switch
    {
        MimePart part when part.ContentType.IsMimeType("text", "html") => part,
        Multipart multipart when depth < MaxMimeDepth => multipart.Select(e => FirstHtml(e, depth + 1)).FirstOrDefault(p => p is not null),
        _ => null,
    };

    private static SourceDocument Fail(string name, string message) =>
        SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, message, new SourceLocation(name)));
}
