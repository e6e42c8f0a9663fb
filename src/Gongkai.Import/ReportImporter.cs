using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>What kind of file a report arrived as.</summary>
public enum SourceKind
{
    Text,
    Html,
    Pdf,
    Docx,
    Unsupported,
    Binary,
}

/// <summary>
/// The entry point for importing a published report from a file or stream: detects the kind of
/// file, reads it with the right reader, normalises it and evaluates every rule. Never throws for
/// bad input: an unreadable file gives a report with a SOURCE.* error.
/// </summary>
public static class ReportImporter
{
    public static Report Import(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(name, DiagnosticCodes.SourceUnreadable, $"文件不存在：{path}");
            }

            if (info.Length > ImportLimits.MaxFileBytes)
            {
                return Fail(name, DiagnosticCodes.SourceTooLarge, $"文件过大（{info.Length / 1024 / 1024} MB），上限为 {ImportLimits.MaxFileBytes / 1024 / 1024} MB");
            }

            using var stream = File.OpenRead(path);
            return Import(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(name, DiagnosticCodes.SourceUnreadable, $"无法读取文件：{e.Message}");
        }
    }

    public static Report Import(Stream stream, string name) => Import(stream, name, previousYear: null);

    /// <summary>
    /// Imports <paramref name="path"/> with the same agency's report of the year before: ambiguous
    /// cells are settled by it where it allows one reading, and the cross-year checks are added
    /// (see <see cref="ReportNormaliser.Normalise(SourceDocument, Report, FormatCatalogue?)"/>).
    /// </summary>
    public static Report Import(string path, Report? previousYear)
    {
        if (previousYear is null)
        {
            return Import(path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Import(stream, path, previousYear);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Import(path);
        }
    }

    /// <inheritdoc cref="Import(string, Report?)"/>
    public static Report Import(Stream stream, string name, Report? previousYear)
    {
        var document = Read(stream, name);
        if (document.Lines.IsEmpty && document.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new ReportBuilder("2021") { SourceName = name }.Add(document.Diagnostics[0]).Build();
        }

        return previousYear is null ? ReportNormaliser.Normalise(document) : ReportNormaliser.Normalise(document, previousYear);
    }

    /// <summary>Reads a file into a <see cref="SourceDocument"/> with the reader its content calls for.</summary>
    public static SourceDocument Read(Stream stream, string name)
    {
        byte[] bytes;
        try
        {
            bytes = ImportLimits.ReadBounded(stream);
        }
        catch (InvalidDataException)
        {
            return SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceTooLarge, $"文件过大，上限为 {ImportLimits.MaxFileBytes / 1024 / 1024} MB", new SourceLocation(name)));
        }
        catch (IOException e)
        {
            return SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"无法读取文件：{e.Message}", new SourceLocation(name)));
        }

        var kind = Detect(bytes, name);
        switch (kind)
        {
            case SourceKind.Pdf:
                using (var ms = new MemoryStream(bytes, writable: false))
                {
                    return Pdf.PdfSourceReader.Read(ms, name);
                }

            case SourceKind.Docx:
                using (var ms = new MemoryStream(bytes, writable: false))
                {
                    return Docx.DocxSourceReader.Read(ms, name);
                }

            case SourceKind.Unsupported:
                return SourceDocument.Failed(name, DiagnosticCodes.Create(
                    DiagnosticCodes.SourceUnsupported,
                    "不支持的文件格式（.doc/.wps/.ofd 等），请另存为 DOCX 或 PDF 后导入",
                    new SourceLocation(name)));
            case SourceKind.Binary:
                return SourceDocument.Failed(name, DiagnosticCodes.Create(
                    DiagnosticCodes.SourceNotReport,
                    "不是文本、HTML、DOCX 或 PDF 文件，无法作为年度报告读取",
                    new SourceLocation(name)));
        }

        var text = TextDecoding.Decode(bytes, out _);
        return kind == SourceKind.Html ? HtmlSourceReader.Read(text, name) : TextSourceReader.Read(text, name);
    }

    /// <summary>Detects the kind of a file from its first bytes (and, for HTML, its markup).</summary>
    public static SourceKind Detect(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return SourceKind.Pdf;
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

        var text = utf16 ? TextDecoding.Decode(head, out _) : System.Text.Encoding.UTF8.GetString(head);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('<') && (trimmed.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("<table", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("<!doctype", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("<p", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("<div", StringComparison.OrdinalIgnoreCase)))
        {
            return SourceKind.Html;
        }

        return name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            ? SourceKind.Html
            : SourceKind.Text;
    }

    private static Report Fail(string name, string code, string message) =>
        new ReportBuilder("2021") { SourceName = name }.Add(DiagnosticCodes.Create(code, message, new SourceLocation(name))).Build();
}
