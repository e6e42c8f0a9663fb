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
/// file, reads it with the right reader, normalises it and evaluates every rule, all within one
/// <see cref="ImportBudget"/> (<see cref="ImportLimits"/>). Never throws for bad input: an
/// unreadable file or one over a budget gives a report with a refusal diagnostic (see
/// <see cref="Refusal"/>); only the caller's cancellation ends it with
/// <see cref="OperationCanceledException"/>.
/// </summary>
public static class ReportImporter
{
    /// <summary>The diagnostic that says the report could not be read at all (one of <see cref="DiagnosticCodes.Refusals"/>), or null when it was read.</summary>
    public static Diagnostic? Refusal(Report report) =>
        report.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error && DiagnosticCodes.Refusals.Contains(d.Code));

    public static Report Import(string path, CancellationToken cancellationToken = default) =>
        Import(path, previousYear: null, cancellationToken);

    /// <summary>
    /// Imports <paramref name="path"/>, with the same agency's report of the year before when given:
    /// ambiguous cells are settled by it where it allows one reading, and the cross-year checks are
    /// added (see <see cref="ReportNormaliser.Normalise(SourceDocument, Report, FormatCatalogue?)"/>).
    /// </summary>
    public static Report Import(string path, Report? previousYear, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"文件不存在：{path}", new SourceLocation(name)));
            }

            if (info.Length > ImportLimits.MaxFileBytes)
            {
                return Fail(name, ImportLimits.Refusal(ImportLimit.FileBytes, name));
            }

            using var stream = File.OpenRead(path);
            return Import(stream, path, previousYear, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"无法读取文件：{e.Message}", new SourceLocation(name)));
        }
    }

    public static Report Import(Stream stream, string name, CancellationToken cancellationToken = default) =>
        Import(stream, name, previousYear: null, cancellationToken);

    /// <inheritdoc cref="Import(string, Report?, CancellationToken)"/>
    public static Report Import(Stream stream, string name, Report? previousYear, CancellationToken cancellationToken = default)
    {
        using var budget = new ImportBudget(name, cancellationToken: cancellationToken);
        return Import(stream, name, budget, previousYear);
    }

    /// <summary>Imports within <paramref name="budget"/> (tests pass a short deadline).</summary>
    public static Report Import(Stream stream, string name, ImportBudget budget, Report? previousYear = null)
    {
        try
        {
            using var scope = budget.Enter();
            var document = Read(stream, name, budget);
            if (document.Lines.IsEmpty && document.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return Fail(name, document.Diagnostics[0]);
            }

            budget.CheckTime();
            return previousYear is null ? ReportNormaliser.Normalise(document) : ReportNormaliser.Normalise(document, previousYear);
        }
        catch (ImportLimitException e)
        {
            return Fail(name, e.Refusal);
        }
    }

    /// <summary>Reads a file into a <see cref="SourceDocument"/> with the reader its content calls for.</summary>
    public static SourceDocument Read(Stream stream, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(stream, name, b));

    private static SourceDocument ReadWithin(Stream stream, string name, ImportBudget budget)
    {
        byte[] bytes;
        try
        {
            bytes = ImportLimits.ReadBounded(stream, name);
        }
        catch (IOException e)
        {
            return SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"无法读取文件：{e.Message}", new SourceLocation(name)));
        }

        var kind = Detect(bytes, name);
        switch (kind)
        {
            case SourceKind.Pdf:
                return Pdf.PdfSourceReader.Read(bytes, name, budget);

            case SourceKind.Docx:
                return Docx.DocxSourceReader.Read(bytes, name, budget);

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
        bytes = [];
        return kind == SourceKind.Html ? HtmlSourceReader.Read(text, name, budget) : TextSourceReader.Read(text, name, budget);
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

    private static Report Fail(string name, Diagnostic refusal) =>
        new ReportBuilder("2021") { SourceName = name }.Add(refusal).Build();
}
