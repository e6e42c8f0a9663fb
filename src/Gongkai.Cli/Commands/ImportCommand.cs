namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai import FILE... [--out DIR]</c>.</summary>
internal static class ImportCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("import: not yet available");
        return 2;
    }
}
