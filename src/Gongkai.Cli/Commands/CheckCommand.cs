namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai check FILE...</c>.</summary>
internal static class CheckCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("check: not yet available");
        return 2;
    }
}
