using System.Security.Cryptography;
using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Import.Batch;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai import DIR|FILE.zip|FILE... --out DIR [--csv FILE] [--xlsx FILE]</c>: batch import.
/// Writes <c>&lt;name&gt;.json</c> per report into <c>--out</c>, the table of all reports to
/// <c>--csv</c>/<c>--xlsx</c>, a progress bar on stderr when stderr is a terminal, and ends with
/// the summary. Exit 0 when every report imported clean, 1 when some have errors or failed,
/// 2 for bad usage, 3 when no file could be read.
/// </summary>
internal static class BatchCommand
{
    /// <summary>Width of the progress bar in characters.</summary>
    private const int BarWidth = 30;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, showProgress: !Console.IsErrorRedirected);

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool showProgress)
    {
        if (!Arguments.TryParse(args, ["--out", "--csv", "--xlsx"], out var inputs, out var options, out var error))
        {
            return Arguments.BadUsage(stderr, error);
        }

        if (inputs.Count == 0)
        {
            return Arguments.BadUsage(stderr, "import 需要一个目录、.zip 或文件 (import needs DIR, FILE.zip or FILE)");
        }

        options.TryGetValue("--out", out var outDir);
        options.TryGetValue("--csv", out var csv);
        options.TryGetValue("--xlsx", out var xlsx);
        if (outDir is null && csv is null && xlsx is null)
        {
            return Arguments.BadUsage(stderr, "批量导入需要 --out DIR、--csv FILE 或 --xlsx FILE (a batch needs --out, --csv or --xlsx)");
        }

        var missing = inputs.FirstOrDefault(i => !Directory.Exists(i) && !File.Exists(i));
        if (missing is not null)
        {
            stderr.WriteLine($"{missing}: SOURCE.unreadable 文件或目录不存在");
            return ExitCodes.Unreadable;
        }

        var progress = showProgress ? new ProgressBar(stderr) : null;
        var results = new List<BatchFileResult>();
        var containers = inputs.Where(i => Directory.Exists(i) || i.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var container in containers)
        {
            var batch = BatchImporter.ImportAsync(container, progress is null ? null : progress.Report).GetAwaiter().GetResult();
            var prefix = inputs.Count > 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(container)) + "/" : string.Empty;
            results.AddRange(batch.Files.Select(f => f with { File = prefix + f.File }));
        }

        var singles = inputs.Except(containers).ToList();
        if (singles.Count > 0)
        {
            results.AddRange(BatchImporter.ImportFilesAsync(singles, progress is null ? null : progress.Report).GetAwaiter().GetResult().Files);
        }

        progress?.Clear();
        var all = new BatchResult([.. results], BatchSummary.Of(results));

        var unwritten = 0;
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            var names = JsonNames(all);
            foreach (var file in all.Files.Where(f => f.Outcome != BatchOutcome.Failed))
            {
                var target = Path.Combine(outDir, names[file.File]);
                try
                {
                    File.WriteAllText(target, ReportJson.Serialize(file.Report) + "\n");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // One file that cannot be written does not stop the others.
                    stderr.WriteLine($"{file.File}: 无法写出 {target}：{e.Message}");
                    unwritten++;
                }
            }
        }

        foreach (var file in all.Files.Where(f => f.Outcome == BatchOutcome.Failed))
        {
            stderr.WriteLine($"{file.File}: {file.Reason}");
        }

        if (csv is not null)
        {
            BatchTableWriter.WriteCsv(all, csv);
        }

        if (xlsx is not null)
        {
            BatchTableWriter.WriteXlsx(all, xlsx);
        }

        foreach (var file in all.Files.Where(f => f.PreviousFile is not null))
        {
            // Read against the same agency's report of the year before (BatchCrossYear).
            var settled = file.Report.Diagnostics.Where(d => d.Code == Gongkai.Import.Flattened.FlattenedDiagnostics.SettledByPrevious).SelectMany(d => d.Cells).ToList();
            stdout.WriteLine($"{file.File}：与上一年度报告 {file.PreviousFile} 对照，按其确定 {settled.Count} 个单元格{(settled.Count > 0 ? "（" + string.Join("，", settled) + "）" : string.Empty)}");
        }

        stdout.WriteLine(all.Summary.ToString());
        return all.Summary.Total > 0 && all.Summary.Failed == all.Summary.Total ? ExitCodes.Unreadable
            : all.Summary.Failed + all.Summary.WithErrors + unwritten > 0 ? ExitCodes.Findings
            : ExitCodes.Clean;
    }

    /// <summary>
    /// <c>&lt;name&gt;.json</c> per file: the path without its extension, folders joined by <c>_</c>;
    /// when two files would share a name (report.pdf and report.docx), the extension stays in it.
    /// A name longer than a file system allows (255 bytes) is cut and given a short hash of the
    /// whole path, so that it stays unique; control characters become <c>_</c>.
    /// </summary>
    internal static Dictionary<string, string> JsonNames(BatchResult batch)
    {
        static string Stem(string file) => Path.ChangeExtension(file, null)!.Replace('/', '_').Replace('\\', '_');
        var clash = batch.Files.GroupBy(f => Stem(f.File), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return batch.Files.ToDictionary(
            f => f.File,
            f => SafeFileName(clash.Contains(Stem(f.File)) ? f.File.Replace('/', '_').Replace('\\', '_') : Stem(f.File), f.File) + ".json",
            StringComparer.Ordinal);
    }

    /// <summary>The longest file name stem written, in UTF-8 bytes (255 less room for the hash and <c>.json</c>).</summary>
    private const int MaxStemBytes = 255 - 5 - 9;

    /// <summary>A file name stem that the file system accepts, made from <paramref name="stem"/> (see <see cref="JsonNames"/>).</summary>
    internal static string SafeFileName(string stem, string file)
    {
        var clean = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            clean.Append(char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        stem = clean.Length == 0 || clean.ToString() is "." or ".." ? "_" : clean.ToString();
        if (Encoding.UTF8.GetByteCount(stem) <= MaxStemBytes + 9)
        {
            return stem;
        }

        var cut = new StringBuilder();
        var bytes = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > MaxStemBytes)
            {
                break;
            }

            cut.Append(rune.ToString());
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)))[..8];
        return $"{cut}~{hash}";
    }

    /// <summary>A one-line progress bar redrawn with a carriage return; thread-safe.</summary>
    private sealed class ProgressBar(TextWriter stderr)
    {
        private readonly Lock _gate = new();

        public void Report(BatchProgress p)
        {
            lock (_gate)
            {
                var filled = p.Total == 0 ? BarWidth : p.Done * BarWidth / p.Total;
                var name = p.File.Length > 40 ? "…" + p.File[^39..] : p.File;
                stderr.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {p.Done}/{p.Total} {name,-40}");
                stderr.Flush();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                stderr.Write("\r" + new string(' ', BarWidth + 60) + "\r");
                stderr.Flush();
            }
        }
    }
}
