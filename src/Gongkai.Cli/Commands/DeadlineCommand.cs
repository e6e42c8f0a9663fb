namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai deadline YYYY-MM-DD [--days N]</c>: the last day of a statutory period.</summary>
internal static class DeadlineCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("deadline: not yet available");
        return 2;
    }
}
