using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Batch;

/// <summary>How one file of a batch ended.</summary>
public enum BatchOutcome
{
    /// <summary>Read and every rule passed.</summary>
    Imported,

    /// <summary>Read, but the report has errors (rules broken, cells missing).</summary>
    WithErrors,

    /// <summary>Not read as a report at all (a refusal, <see cref="ImportResult.RefusalOf"/>: unreadable, unsupported, over a budget, not a report).</summary>
    Failed,
}

/// <summary>
/// One file of a batch: <c>File</c> is the path relative to the directory or inside the zip (with
/// <c>/</c> separators), <c>Kind</c> what its name says it is, the report, how it ended, its error
/// count, and for a failed file the <c>SOURCE.*</c> code and message as <c>Reason</c>.
/// </summary>
public sealed record BatchFileResult(string File, SourceKind Kind, Report Report, BatchOutcome Outcome, int ErrorCount, string? Reason)
{
    /// <summary>
    /// The file of the batch that holds the same agency's report of the year before, when there is
    /// one (see <see cref="BatchCrossYear"/>): its figures settled this report's ambiguous cells and
    /// the cross-year checks were run against it.
    /// </summary>
    public string? PreviousFile { get; init; }

    /// <summary>The code of the failure (e.g. <c>SOURCE.unsupported</c>), or null.</summary>
    public string? FailureCode => Outcome == BatchOutcome.Failed ? ImportResult.RefusalOf(Report)?.Code : null;
}

/// <summary>Counts over a batch, and the failures by code.</summary>
public sealed record BatchSummary(int Total, int Imported, int WithErrors, int Failed, ImmutableSortedDictionary<string, int> FailuresByCode)
{
    /// <summary>The summary of <paramref name="files"/>.</summary>
    public static BatchSummary Of(IReadOnlyCollection<BatchFileResult> files) => new(
        files.Count,
        files.Count(f => f.Outcome == BatchOutcome.Imported),
        files.Count(f => f.Outcome == BatchOutcome.WithErrors),
        files.Count(f => f.Outcome == BatchOutcome.Failed),
        files.Where(f => f.FailureCode is not null).GroupBy(f => f.FailureCode!).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    /// <summary>One line for a person, e.g. <c>共 12 个文件：导入 9，有错误 2，失败 1（SOURCE.unsupported 1）</c>.</summary>
    public override string ToString()
    {
        var reasons = FailuresByCode.Count == 0 ? string.Empty : "（" + string.Join("，", FailuresByCode.Select(kv => $"{kv.Key} {kv.Value}")) + "）";
        return $"共 {Total} 个文件：导入 {Imported}，有错误 {WithErrors}，失败 {Failed}{reasons}";
    }
}

/// <summary>The files in path order, and the summary.</summary>
public sealed record BatchResult(ImmutableArray<BatchFileResult> Files, BatchSummary Summary);

/// <summary>Progress of a batch: how many files are done of how many, and the one just finished.</summary>
public readonly record struct BatchProgress(int Done, int Total, string File);

/// <summary>
/// Imports every report in a directory (recursively) or a .zip, in parallel (at most
/// <see cref="Environment.ProcessorCount"/> files at once), each with <see cref="ReportImportPipeline"/>.
/// A file that fails is a result, never the end of the batch. A .zip is checked against
/// <see cref="ImportLimits"/> before any entry is read. Results come back in path order. Reports of
/// the same agency for consecutive years are then read against each other (<see cref="BatchCrossYear"/>).
/// </summary>
public static class BatchImporter
{
    /// <summary>The file name extensions taken as reports (others, e.g. images, are passed over).</summary>
    public static readonly ImmutableHashSet<string> ReportExtensions = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, ".txt", ".text", ".md", ".htm", ".html", ".shtml", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".mht", ".mhtml", ".ofd");

    /// <summary>
    /// Imports the directory or .zip at <paramref name="path"/> (a single report file is a batch of
    /// one). <paramref name="progress"/> is called after each file, from worker threads.
    /// </summary>
    public static async Task<BatchResult> ImportAsync(string path, Action<BatchProgress>? progress = null, int? maxParallelism = null, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => ReportExtensions.Contains(Path.GetExtension(f)))
                .Take(ImportLimits.MaxBatchFiles + 1)
                .Select(f => (Display: Path.GetRelativePath(path, f).Replace('\\', '/'), Full: f))
                .OrderBy(f => f.Display, StringComparer.Ordinal)
                .ToList();
            if (files.Count > ImportLimits.MaxBatchFiles)
            {
                return Single(path, DiagnosticCodes.SourceTooLarge, $"目录中的报告文件过多，上限为 {ImportLimits.MaxBatchFiles} 个");
            }

            var full = files.ToDictionary(f => f.Display, f => f.Full, StringComparer.Ordinal);
            return await RunAsync(full.Keys.Order(StringComparer.Ordinal).ToList(), (f, previous) => ReportImporter.Pipeline.Import(full[f], previous, cancellationToken), progress, maxParallelism, cancellationToken).ConfigureAwait(false);
        }

        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return await ImportZipAsync(path, progress, maxParallelism, cancellationToken).ConfigureAwait(false);
        }

        var name = Path.GetFileName(path);
        return await RunAsync([name], (_, previous) => ReportImporter.Pipeline.Import(path, previous, cancellationToken), progress, maxParallelism, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports a list of files (each a path), as one batch; names shown are the paths as given.</summary>
    public static Task<BatchResult> ImportFilesAsync(IReadOnlyList<string> paths, Action<BatchProgress>? progress = null, int? maxParallelism = null, CancellationToken cancellationToken = default) =>
        RunAsync(paths, (p, previous) => ReportImporter.Pipeline.Import(p, previous, cancellationToken), progress, maxParallelism, cancellationToken);

    private static async Task<BatchResult> ImportZipAsync(string path, Action<BatchProgress>? progress, int? maxParallelism, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Single(path, DiagnosticCodes.SourceUnreadable, $"无法读取压缩包：{e.Message}");
        }

        await using (stream.ConfigureAwait(false))
        {
            ZipArchive archive;
            try
            {
                var check = ZipCheck.Inspect(stream, ImportLimits.MaxFileBytes);
                if (check.Problem is { } problem)
                {
                    return Single(path, DiagnosticCodes.SourceTooLarge, problem);
                }

                stream.Position = 0;
                archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException e)
            {
                return Single(path, DiagnosticCodes.SourceUnreadable, $"压缩包已损坏：{e.Message}");
            }

            using (archive)
            {
                var entries = archive.Entries
                    .Where(e => e.Length > 0 && !e.FullName.EndsWith('/') && ReportExtensions.Contains(Path.GetExtension(e.FullName)))
                    .GroupBy(e => e.FullName, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var gate = new Lock();
                return await RunAsync(
                    entries.Keys.Order(StringComparer.Ordinal).ToList(),
                    (name, previous) =>
                    {
                        byte[] bytes;
                        try
                        {
                            lock (gate)
                            {
                                // Entries were checked by ZipCheck; reading stays bounded all the same.
                                using var content = entries[name].Open();
                                using var ms = new MemoryStream();
                                content.CopyTo(ms);
                                bytes = ms.ToArray();
                            }
                        }
                        catch (Exception e) when (e is InvalidDataException or IOException)
                        {
                            return ImportResult.Refused(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"压缩包中的文件已损坏：{e.Message}", new SourceLocation(name)));
                        }

                        return ReportImporter.Pipeline.Import(new MemoryStream(bytes, writable: false), name, previous, cancellationToken);
                    },
                    progress,
                    maxParallelism,
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<BatchResult> RunAsync(IReadOnlyList<string> names, Func<string, Report?, ImportResult> import, Action<BatchProgress>? progress, int? maxParallelism, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<int, BatchFileResult>();
        var done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Clamp(maxParallelism ?? Environment.ProcessorCount, 1, Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), options, (i, ct) =>
        {
            results[i] = ImportOne(names[i], name => import(name, null));
            progress?.Invoke(new BatchProgress(Interlocked.Increment(ref done), names.Count, names[i]));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var files = BatchCrossYear.Apply(Enumerable.Range(0, names.Count).Select(i => results[i]).ToImmutableArray(), (name, previous) => ImportOne(name, n => import(n, previous)));
        return new BatchResult(files, Summarise(files));
    }

    /// <summary>The file's result: the pipeline answers bad input and its own defects with a refusal, so one file never stops the batch.</summary>
    internal static BatchFileResult ImportOne(string name, Func<string, ImportResult> import) => Finish(name, import(name).ToReport());

    /// <summary>The result of <paramref name="report"/> read from <paramref name="name"/>: its outcome and error count.</summary>
    internal static BatchFileResult Finish(string name, Report report)
    {
        var kind = KindOf(name);
        var errors = report.Diagnostics.Count(d => d.Severity == Severity.Error);
        var failure = ImportResult.RefusalOf(report);
        var outcome = failure is not null ? BatchOutcome.Failed : errors > 0 ? BatchOutcome.WithErrors : BatchOutcome.Imported;
        return new BatchFileResult(name, kind, report, outcome, errors, failure is null ? null : $"{failure.Code} {failure.Message}");
    }

    /// <summary>The kind by extension, for the summary (the importer itself looks at the bytes).</summary>
    private static SourceKind KindOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => SourceKind.Pdf,
        ".docx" => SourceKind.Docx,
        ".htm" or ".html" or ".shtml" => SourceKind.Html,
        ".doc" or ".wps" => SourceKind.WordBinary,
        ".rtf" => SourceKind.Rtf,
        ".mht" or ".mhtml" => SourceKind.Mht,
        ".ofd" => SourceKind.Unsupported,
        _ => SourceKind.Text,
    };

    private static BatchSummary Summarise(ImmutableArray<BatchFileResult> files) => BatchSummary.Of(files);

    private static BatchResult Single(string path, string code, string message)
    {
        var name = Path.GetFileName(path);
        var report = ImportResult.Refused(name, DiagnosticCodes.Create(code, message, new SourceLocation(name))).ToReport();
        var files = ImmutableArray.Create(new BatchFileResult(name, SourceKind.Unsupported, report, BatchOutcome.Failed, 1, $"{code} {message}"));
        return new BatchResult(files, Summarise(files));
    }
}
