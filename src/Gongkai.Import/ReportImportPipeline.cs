using System.Collections.Immutable;
using Gongkai.Domain.Reports;
using Gongkai.Import.Flattened;
using Gongkai.Import.Readers;
using Gongkai.Import.Readers.Docx;
using Gongkai.Import.Readers.Mht;
using Gongkai.Import.Readers.Pdf;
using Gongkai.Import.Readers.Rtf;
using Gongkai.Import.Readers.WordBinary;
using Gongkai.Import.Structured;

namespace Gongkai.Import;

/// <summary>
/// The one import pipeline (decision record 1), built once and immutable: the file's kind is
/// detected (<see cref="SourceDetector"/>) and the first <see cref="ISourceReader"/> that reads
/// that kind turns it into a <see cref="SourceDocument"/>; the normalisers find the tables and
/// the metadata, tried in order (<see cref="INormaliser"/>: structured, then flattened); a report with ambiguous cells is read again with the previous year's report when
/// one is given (<see cref="Normalise"/>); the rules are evaluated as the last, separate stage,
/// which the caller can switch off (<see cref="WithValidation"/>). Everything runs within one
/// <see cref="ImportBudget"/>. The answer is one <see cref="ImportResult"/>, never an exception for
/// bad input: an unreadable file, one over a budget and an importer defect are refusals; only the
/// caller's cancellation ends an import with <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ReportImportPipeline
{
    /// <summary>Every reader of the project, the embedded catalogue, the default limits, rules evaluated.</summary>
    public static ReportImportPipeline Default { get; } = new();

    /// <summary>A pipeline of <paramref name="readers"/> (default: text, HTML, PDF, DOCX).</summary>
    /// <param name="readers">The readers, tried in order for a file's kind.</param>
    /// <param name="normalisers">The normalisers, tried in order (default: structured, then flattened).</param>
    /// <param name="catalogue">The formats, layouts and rules (default <see cref="FormatCatalogue.Default"/>).</param>
    /// <param name="maxTime">The time one import may take (default <see cref="ImportLimits.MaxTime"/>).</param>
    /// <param name="validate">Whether the rules are evaluated as the last stage.</param>
    public ReportImportPipeline(IEnumerable<ISourceReader>? readers = null, IEnumerable<INormaliser>? normalisers = null, FormatCatalogue? catalogue = null, TimeSpan? maxTime = null, bool validate = true)
    {
        Readers = readers is null
            ? [TextSourceReader.Instance, HtmlSourceReader.Instance, PdfSourceReader.Instance, DocxSourceReader.Instance, WordBinarySourceReader.Instance, RtfSourceReader.Instance, MhtSourceReader.Instance]
            : [.. readers];
        Normalisers = normalisers is null ? [StructuredNormaliser.Instance, FlattenedNormaliser.Instance] : [.. normalisers];
        Catalogue = catalogue ?? FormatCatalogue.Default;
        MaxTime = maxTime ?? ImportLimits.MaxTime;
        Validates = validate;
    }

    /// <summary>The readers, tried in order for a file's kind.</summary>
    public ImmutableArray<ISourceReader> Readers { get; }

    /// <summary>The normalisers, tried in order, each given the reading of those before it (<see cref="INormaliser"/>).</summary>
    public ImmutableArray<INormaliser> Normalisers { get; }

    /// <summary>The formats, layouts and rules the normaliser and the rules read.</summary>
    public FormatCatalogue Catalogue { get; }

    /// <summary>The time one import may take (<see cref="ImportBudget"/>).</summary>
    public TimeSpan MaxTime { get; }

    /// <summary>Whether the rules (<see cref="RuleEngine.Validate"/>, and <see cref="RuleEngine.CheckAgainstPrevious"/> with a previous year) are evaluated.</summary>
    public bool Validates { get; }

    /// <summary>This pipeline with the rules evaluated or not.</summary>
    public ReportImportPipeline WithValidation(bool validate) =>
        validate == Validates ? this : new ReportImportPipeline(Readers, Normalisers, Catalogue, MaxTime, validate);

    /// <summary>
    /// Imports the file at <paramref name="path"/>, with the same agency's report of the year before
    /// when given (see <see cref="Normalise"/>).
    /// </summary>
    public ImportResult Import(string path, Report? previousYear = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ImportResult.Refused(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"文件不存在：{path}", new SourceLocation(name)));
            }

            if (info.Length > ImportLimits.MaxFileBytes)
            {
                return ImportResult.Refused(name, ImportLimits.Refusal(ImportLimit.FileBytes, name));
            }

            using var stream = File.OpenRead(path);
            return Import(stream, path, previousYear, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImportResult.Refused(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"无法读取文件：{e.Message}", new SourceLocation(name)));
        }
    }

    /// <inheritdoc cref="Import(string, Report?, CancellationToken)"/>
    public ImportResult Import(Stream stream, string name, Report? previousYear = null, CancellationToken cancellationToken = default)
    {
        using var budget = new ImportBudget(name, MaxTime, cancellationToken: cancellationToken);
        return Import(stream, name, budget, previousYear);
    }

    /// <summary>Imports within <paramref name="budget"/> (tests pass a short deadline).</summary>
    public ImportResult Import(Stream stream, string name, ImportBudget budget, Report? previousYear = null)
    {
        ArgumentNullException.ThrowIfNull(budget);
        try
        {
            using var scope = budget.Enter();
            var document = Read(stream, name, budget);
            if (document.Lines.IsEmpty && document.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } error)
            {
                return ImportResult.Refused(name, error);
            }

            budget.CheckTime();
            return Normalise(document, previousYear);
        }
        catch (ImportLimitException e)
        {
            return ImportResult.Refused(name, e.Refusal);
        }
#pragma warning disable CA1031 // The last resort, in one place: bad input is answered with a diagnostic, so anything escaping a reader or a normaliser is a defect, kept in ImportResult.Defect for the caller to log; the person still gets a plain answer.
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
#pragma warning restore CA1031
        {
            return ImportResult.Refused(
                name,
                DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"文件内容无法识别或已损坏（读取时出错：{e.GetType().Name}）", new SourceLocation(name)),
                e);
        }
    }

    /// <summary>Reads a file into a <see cref="SourceDocument"/> with the reader its content calls for.</summary>
    public SourceDocument Read(Stream stream, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(stream, name, b));

    /// <summary>
    /// The stages after reading: the normalisers build the report; when <paramref name="previousYear"/>
    /// (the same agency's report of the year before) is given and cells are ambiguous, the document is
    /// read again with it, which settles them where last year's figures allow one reading
    /// (现行有效 = last year's + 本年制发 − 本年废止; 上年结转 = last year's 结转下年度), each with a
    /// <see cref="Flattened.FlattenedDiagnostics.SettledByPrevious"/> note; then, unless switched off,
    /// the rules and the cross-year checks (X.carry-over, X.in-force).
    /// </summary>
    public ImportResult Normalise(SourceDocument document, Report? previousYear = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var report = Run(document, null);
        if (ImportResult.RefusalOf(report) is not null)
        {
            return ImportResult.Of(report);
        }

        IReadOnlyList<Diagnostic> notes = [];
        if (previousYear is not null && report.Cells.Values.Any(c => c.State == CellState.Ambiguous))
        {
            var settled = Run(document, previousYear);
            notes = SettledNotes(report, settled);
            report = settled;
        }

        if (Validates)
        {
            report = RuleEngine.Validate(report, Catalogue);
        }

        report = report.WithDiagnostics(notes);
        if (Validates && previousYear is not null)
        {
            report = report.WithDiagnostics(RuleEngine.CheckAgainstPrevious(report, previousYear, Catalogue));
        }

        return ImportResult.Of(report);
    }

    /// <summary>The normalisers in order; a document none of them reads gives the <c>SOURCE.not-report</c> refusal.</summary>
    private Report Run(SourceDocument document, Report? previousYear)
    {
        var input = new NormaliseInput(document, Catalogue, previousYear);
        NormalisedReading? reading = null;
        foreach (var normaliser in Normalisers)
        {
            reading = normaliser.Normalise(input, reading);
            ImportBudget.ThrowIfOutOfTime();
        }

        return reading?.Report ?? new ReportBuilder(Catalogue.FormatForYear(null).Id, Catalogue) { SourceName = document.Name }
            .Add(DiagnosticCodes.Create(DiagnosticCodes.SourceNotReport, "未识别出政府信息公开工作年度报告的表格（表二至表四均未找到）", new SourceLocation(document.Name)))
            .Build();
    }

    /// <summary>A note for each cell <paramref name="alone"/> left ambiguous that <paramref name="settled"/> (read with the previous year) has a number for.</summary>
    private List<Diagnostic> SettledNotes(Report alone, Report settled)
    {
        var notes = new List<Diagnostic>();
        foreach (var (cellRef, cell) in alone.Cells.Where(kv => kv.Value.State == CellState.Ambiguous).OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal))
        {
            if (settled[cellRef] is { State: CellState.Number, Value: { } value })
            {
                var layout = settled.LayoutOf(cellRef.Table, Catalogue);
                notes.Add(new Diagnostic(
                    Flattened.FlattenedDiagnostics.SettledByPrevious,
                    Severity.Info,
                    $"{RuleEngine.CellName(layout, layout.Row(cellRef.Row)!, cellRef.Column)}：数字可拆成{string.Join("、", cell.Readings ?? [])}，按上一年度报告取{value}",
                    settled[cellRef].Source ?? cell.Source,
                    [cellRef]));
            }
        }

        return notes;
    }

    private SourceDocument ReadWithin(Stream stream, string name, ImportBudget budget)
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

        var kind = SourceDetector.Detect(bytes, name);
        var reader = Readers.FirstOrDefault(r => r.CanRead(kind));
        if (reader is not null)
        {
            using var scope = budget.Enter();
            return reader.Read(bytes, name);
        }

        return kind == SourceKind.Unsupported
            ? SourceDocument.Failed(name, DiagnosticCodes.Create(
                DiagnosticCodes.SourceUnsupported,
                "不支持的文件格式（.ofd 等），请另存为 DOCX 或 PDF 后导入",
                new SourceLocation(name)))
            : SourceDocument.Failed(name, DiagnosticCodes.Create(
                DiagnosticCodes.SourceNotReport,
                "不是文本、HTML、DOCX、DOC、RTF 或 PDF 文件，无法作为年度报告读取",
                new SourceLocation(name)));
    }
}
