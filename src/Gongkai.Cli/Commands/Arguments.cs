namespace Gongkai.Cli.Commands;

/// <summary>A small parser for <c>FILE... --option VALUE</c> command lines.</summary>
internal static class Arguments
{
    public static bool TryParse(
        string[] args,
        IReadOnlyCollection<string> valueOptions,
        out List<string> positional,
        out Dictionary<string, string> options,
        out string error)
    {
        positional = [];
        options = [];
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!valueOptions.Contains(arg))
                {
                    error = $"未知选项 unknown option: {arg}";
                    return false;
                }

                if (i + 1 >= args.Length)
                {
                    error = $"选项 {arg} 需要一个值 (option {arg} needs a value)";
                    return false;
                }

                options[arg] = args[++i];
            }
            else
            {
                positional.Add(arg);
            }
        }

        return true;
    }

    public static int BadUsage(TextWriter stderr, string error)
    {
        stderr.WriteLine(error);
        stderr.WriteLine(Cli.Usage);
        return ExitCodes.Usage;
    }
}
