using Gongkai.Domain.Reports;
using Gongkai.Import;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai check FILE...</c>: prints each finding as <c>path:line: CODE message</c>.
/// Exit 0 when no file has an error, 1 with errors, 2 on bad usage, 3 when a file cannot be read
/// as a report. <c>--previous FILE</c> adds the cross-year checks against last year's report.
/// </summary>
internal static class CheckCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!Arguments.TryParse(args, ["--previous"], out var files, out var options, out var error))
        {
            return Arguments.BadUsage(stderr, error);
        }

        if (files.Count == 0)
        {
            return Arguments.BadUsage(stderr, "check 需要至少一个文件 (check needs at least one FILE)");
        }

        Report? previous = null;
        if (options.TryGetValue("--previous", out var previousPath))
        {
            previous = ReportImporter.Pipeline.Import(previousPath).Report;
            if (previous is null)
            {
                stderr.WriteLine($"{previousPath}: 无法读取上一年度报告");
                return ExitCodes.Unreadable;
            }
        }

        var exit = ExitCodes.Clean;
        foreach (var file in files)
        {
            var result = ReportImporter.Pipeline.Import(file);
            var findings = result.Diagnostics.ToList();
            if (previous is not null && result.Report is { } report)
            {
                findings.AddRange(RuleEngine.CheckAgainstPrevious(report, previous));
            }

            foreach (var d in findings.Where(d => d.Severity != Severity.Info))
            {
                (ImportResult.IsRefusal(d) ? stderr : stdout).WriteLine(d.ToLine(file));
            }

            if (!result.IsReadable)
            {
                exit = ExitCodes.Unreadable;
            }
            else if (exit == ExitCodes.Clean && findings.Any(d => d.Severity == Severity.Error))
            {
                exit = ExitCodes.Findings;
            }
        }

        return exit;
    }
}
