using Gongkai.Domain.Reports;
using Gongkai.Import;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai import FILE</c> prints the canonical JSON; <c>gongkai import FILE... --out DIR</c>
/// writes one <c>&lt;name&gt;.json</c> per input. <c>--previous LAST.json</c> (or last year's report in
/// any form) settles ambiguous cells by last year's figures and adds the cross-year checks. A directory, a .zip, <c>--csv</c> or
/// <c>--xlsx</c> is a batch (see <see cref="BatchCommand"/>).
/// </summary>
internal static class ImportCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!Arguments.TryParse(args, ["--out", "--csv", "--xlsx", "--previous"], out var files, out var options, out var error))
        {
            return Arguments.BadUsage(stderr, error);
        }

        if (files.Count == 0)
        {
            return Arguments.BadUsage(stderr, "import 需要至少一个文件 (import needs at least one FILE)");
        }

        if (options.ContainsKey("--csv") || options.ContainsKey("--xlsx")
            || files.Any(f => Directory.Exists(f) || f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            return BatchCommand.Run(args, stdout, stderr);
        }

        options.TryGetValue("--out", out var outDir);
        if (files.Count > 1 && outDir is null)
        {
            return Arguments.BadUsage(stderr, "多个文件时请用 --out DIR (several files need --out DIR)");
        }

        Report? previous = null;
        if (options.TryGetValue("--previous", out var previousPath))
        {
            // Last year's report of the same agency: canonical JSON, or any form the importer reads.
            previous = previousPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(previousPath)
                ? ReportJson.Parse(File.ReadAllText(previousPath))
                : ReportImporter.Pipeline.Import(previousPath).Report;
            if (previous is null)
            {
                stderr.WriteLine($"{previousPath}: 无法读取上一年度报告");
                return ExitCodes.Unreadable;
            }
        }

        var exit = ExitCodes.Clean;
        foreach (var file in files)
        {
            var result = ReportImporter.Pipeline.Import(file, previous);
            if (result.Report is not { } report)
            {
                foreach (var d in result.Diagnostics.Where(ImportResult.IsRefusal))
                {
                    stderr.WriteLine(d.ToLine(file));
                }

                exit = ExitCodes.Unreadable;
                continue;
            }

            var json = ReportJson.Serialize(report);
            if (outDir is null)
            {
                stdout.WriteLine(json);
            }
            else
            {
                Directory.CreateDirectory(outDir);
                var target = Path.Combine(outDir, BatchCommand.SafeFileName(Path.GetFileNameWithoutExtension(file), file) + ".json");
                File.WriteAllText(target, json + "\n");
                stdout.WriteLine($"{file} -> {target}");
            }
        }

        return exit;
    }
}
