namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai import DIR|FILE.zip --out DIR [--csv FILE] [--xlsx FILE]</c>: batch import.</summary>
internal static class BatchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("批量导入尚未提供 (batch import is not available yet)");
        return 2;
    }
}
