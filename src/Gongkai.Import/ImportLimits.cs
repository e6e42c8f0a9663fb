using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>The budgets of one import, each with a Chinese refusal message (see <see cref="ImportLimits.Refusal"/>).</summary>
public enum ImportLimit
{
    /// <summary><see cref="ImportLimits.MaxFileBytes"/>.</summary>
    FileBytes,

    /// <summary><see cref="ImportLimits.MaxTextChars"/>.</summary>
    TextChars,

    /// <summary><see cref="ImportLimits.MaxLineChars"/>.</summary>
    LineChars,

    /// <summary><see cref="ImportLimits.MaxFragments"/>.</summary>
    Fragments,

    /// <summary><see cref="ImportLimits.MaxHtmlElements"/>.</summary>
    HtmlElements,

    /// <summary><see cref="ImportLimits.MaxDocxElements"/>.</summary>
    DocxElements,

    /// <summary><see cref="ImportLimits.MaxNestingDepth"/>.</summary>
    NestingDepth,

    /// <summary><see cref="ImportLimits.MaxPdfPages"/>.</summary>
    PdfPages,

    /// <summary><see cref="ImportLimits.MaxTime"/>.</summary>
    Time,
}

/// <summary>
/// The one owner of the budgets that keep a hostile or broken file from exhausting memory or
/// time, the same for the web and the CLI: bytes, characters, table cells and text fragments,
/// markup elements, nesting depth, pages, and time (see <see cref="ImportBudget"/>). Passing a
/// budget refuses the file with a <c>SOURCE.too-large</c>, <c>SOURCE.too-deep</c> or
/// <c>SOURCE.too-slow</c> diagnostic whose Chinese message names the limit, never an exception.
/// See docs/import-limits.md.
/// </summary>
public static class ImportLimits
{
    /// <summary>The largest single file accepted (bytes), by the CLI and by the web upload alike.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>
    /// The most characters of text one file may hold: the decoded text of a text file, the text
    /// (not the markup) of an HTML page or a DOCX, the glyphs of a PDF. A long annual report has
    /// about 30,000.
    /// </summary>
    public const int MaxTextChars = 2_000_000;

    /// <summary>The longest line of a text file, in characters (a flattened table scraped into one line has about 20,000).</summary>
    public const int MaxLineChars = 200_000;

    /// <summary>
    /// The most fragments (table cells, fields of a text line, paragraphs, PDF word groups) one file
    /// may give. An annual report has about 1,000; every fragment costs the normaliser memory.
    /// </summary>
    public const int MaxFragments = 200_000;

    /// <summary>
    /// The most elements of an HTML page, counted before the tree is built. A portal page holds a
    /// few thousand, a report saved as HTML from Word about 30,000; AngleSharp's tree costs about
    /// 1.5 KB per element.
    /// </summary>
    public const int MaxHtmlElements = 100_000;

    /// <summary>The most elements of a DOCX's <c>word/document.xml</c>, counted before the Open XML SDK builds its tree (a report has about 20,000).</summary>
    public const int MaxDocxElements = 400_000;

    /// <summary>
    /// How deeply elements may nest in an HTML page or a DOCX's <c>word/document.xml</c>, counted
    /// before the tree is built (browsers flatten beyond 512; a report nests about 20 deep).
    /// </summary>
    public const int MaxNestingDepth = 256;

    /// <summary>The most time one import may take, reading, normalising and solving flattened tables together.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);

    /// <summary>The most pages read from one PDF. Annual reports run to 5-30 pages.</summary>
    public const int MaxPdfPages = 300;

    /// <summary>The most glyphs laid out on one PDF page (a dense page holds a few thousand).</summary>
    public const int MaxPdfLettersPerPage = 50_000;

    /// <summary>The most ruling-line segments considered on one PDF page.</summary>
    public const int MaxPdfSegmentsPerPage = 20_000;

    /// <summary>The most entries in one zip container (a DOCX package or a batch .zip).</summary>
    public const int MaxZipEntries = 10_000;

    /// <summary>The most bytes all entries of one zip container may expand to.</summary>
    public const long MaxZipUncompressedBytes = 500L * 1024 * 1024;

    /// <summary>The largest ratio of expanded to compressed size allowed for any entry larger than <see cref="CompressionRatioFloorBytes"/>.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries that expand to less than this are not held to <see cref="MaxCompressionRatio"/> (tiny XML parts compress very well).</summary>
    public const long CompressionRatioFloorBytes = 1024 * 1024;

    /// <summary>The largest single part of a DOCX package (e.g. word/document.xml) after expansion.</summary>
    public const long MaxDocxPartBytes = 64L * 1024 * 1024;

    /// <summary>How deeply tables may nest inside table cells in a DOCX; deeper tables are skipped.</summary>
    public const int MaxDocxTableNesting = 16;

    /// <summary>The most files one batch import reads.</summary>
    public const int MaxBatchFiles = 100_000;

    /// <summary>The refusal for a budget passed, with its code and a Chinese message naming the limit.</summary>
    /// <param name="limit">The budget passed.</param>
    /// <param name="name">The file, for the location.</param>
    /// <param name="line">The line where it was passed, when known.</param>
    public static Diagnostic Refusal(ImportLimit limit, string name, int? line = null)
    {
        var (code, message) = limit switch
        {
            ImportLimit.FileBytes => (DiagnosticCodes.SourceTooLarge, $"文件过大，上限为 {MaxFileBytes / 1024 / 1024} MB"),
            ImportLimit.TextChars => (DiagnosticCodes.SourceTooLarge, $"文本过长，上限为 {N(MaxTextChars)} 个字符"),
            ImportLimit.LineChars => (DiagnosticCodes.SourceTooLarge, $"一行文本过长，上限为 {N(MaxLineChars)} 个字符"),
            ImportLimit.Fragments => (DiagnosticCodes.SourceTooLarge, $"表格单元格和文本段过多，上限为 {N(MaxFragments)} 个"),
            ImportLimit.HtmlElements => (DiagnosticCodes.SourceTooLarge, $"HTML 元素（标签）过多，上限为 {N(MaxHtmlElements)} 个"),
            ImportLimit.DocxElements => (DiagnosticCodes.SourceTooLarge, $"DOCX 正文元素过多，上限为 {N(MaxDocxElements)} 个"),
            ImportLimit.NestingDepth => (DiagnosticCodes.SourceTooDeep, $"文档嵌套层数过深，上限为 {MaxNestingDepth} 层"),
            ImportLimit.PdfPages => (DiagnosticCodes.SourceTooLarge, $"PDF 页数过多，上限为 {MaxPdfPages} 页"),
            _ => (DiagnosticCodes.SourceTooSlow, $"文件过于复杂，处理时间超过上限 {MaxTime.TotalSeconds:0} 秒"),
        };
        return DiagnosticCodes.Create(code, message, new SourceLocation(name, line));

        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a whole stream, refusing more than <see cref="MaxFileBytes"/>.</summary>
    /// <exception cref="ImportLimitException">The stream is longer than <see cref="MaxFileBytes"/>.</exception>
    public static byte[] ReadBounded(Stream stream, string name)
    {
        if (stream.CanSeek && stream.Length - stream.Position is var known and >= 0 and <= MaxFileBytes)
        {
            // The size is known: one array of it (a stream that grows as it is read goes on below).
            var bytes = new byte[known];
            var read = 0;
            while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is > 0 and var got)
            {
                read += got;
            }

            if (read < bytes.Length)
            {
                return bytes[..read];
            }

            var next = stream.ReadByte();
            if (next < 0)
            {
                return bytes;
            }

            using var rest = new MemoryStream();
            rest.Write(bytes);
            rest.WriteByte((byte)next);
            return ReadRest(stream, rest, name);
        }

        using var buffer = new MemoryStream();
        return ReadRest(stream, buffer, name);
    }

    private static byte[] ReadRest(Stream stream, MemoryStream buffer, string name)
    {
        if (buffer.Length > MaxFileBytes)
        {
            throw new ImportLimitException(Refusal(ImportLimit.FileBytes, name));
        }

        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > MaxFileBytes)
                {
                    throw new ImportLimitException(Refusal(ImportLimit.FileBytes, name));
                }

                buffer.Write(chunk, 0, n);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}

/// <summary>
/// Thrown inside the import when a budget is passed, and turned into its diagnostic at the
/// readers' and the importer's public boundary: it never leaves <see cref="ReportImportPipeline"/>.
/// </summary>
public sealed class ImportLimitException : Exception
{
    public ImportLimitException(Diagnostic refusal)
        : base(refusal.Message) => Refusal = refusal;

    public ImportLimitException()
        : this(ImportLimits.Refusal(ImportLimit.Time, "-"))
    {
    }

    public ImportLimitException(string message)
        : this(DiagnosticCodes.Create(DiagnosticCodes.SourceTooLarge, message, null))
    {
    }

    public ImportLimitException(string message, Exception innerException)
        : base(message, innerException) => Refusal = DiagnosticCodes.Create(DiagnosticCodes.SourceTooLarge, message, null);

    /// <summary>The refusal, with its code and Chinese message.</summary>
    public Diagnostic Refusal { get; }
}
