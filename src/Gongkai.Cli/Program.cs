using Gongkai.Cli.Commands;

// gongkai <verb> [args]: exit 0 clean, 1 findings, 2 bad usage, 3 unreadable input.
Console.OutputEncoding = System.Text.Encoding.UTF8;
return Gongkai.Cli.Cli.Run(args, Console.Out, Console.Error);

namespace Gongkai.Cli
{
    internal static class Cli
    {
        public const string Usage = """
            用法 / usage:
              gongkai import FILE...            打印规范 JSON（多个文件时用 --out DIR）
              gongkai import FILE... --out DIR  每个输入写出 <name>.json
              gongkai check FILE...             检查勾稽关系，输出 path:line: CODE message
              gongkai deadline YYYY-MM-DD [--days N]  计算法定期限（工作日）
            """;

        /// <summary>
        /// Runs a command. Whatever escapes a command (a defect: every reader is meant to answer with
        /// a diagnostic) ends as exit code 3 with one line on stderr, never an unhandled exception.
        /// </summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                return Dispatch(args, stdout, stderr);
            }
#pragma warning disable CA1031 // The last resort: no input may end the CLI with an unhandled exception (issue 13).
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                stderr.WriteLine($"gongkai: 内部错误，已停止（{e.GetType().Name}：{e.Message}）");
                return ExitCodes.Unreadable;
            }
        }

        private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 0)
            {
                stderr.WriteLine(Usage);
                return ExitCodes.Usage;
            }

            var rest = args[1..];
            return args[0] switch
            {
                "import" => ImportCommand.Run(rest, stdout, stderr),
                "check" => CheckCommand.Run(rest, stdout, stderr),
                "deadline" => DeadlineCommand.Run(rest, stdout, stderr),
                "-h" or "--help" or "help" => Help(stdout),
                _ => Unknown(args[0], stderr),
            };
        }

        private static int Help(TextWriter stdout)
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Clean;
        }

        private static int Unknown(string verb, TextWriter stderr)
        {
            stderr.WriteLine($"未知命令 unknown command: {verb}");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }
    }
}
