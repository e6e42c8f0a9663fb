namespace Gongkai.Cli;

/// <summary>The exit codes of every <c>gongkai</c> command (README).</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing wrong.</summary>
    public const int Clean = 0;

    /// <summary>Done; some report has errors (rules broken, cells missing) or some file failed in a batch.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage: unknown verb or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>An input could not be read as a report at all (<c>ImportResult.IsReadable</c>), or an internal error.</summary>
    public const int Unreadable = 3;
}
