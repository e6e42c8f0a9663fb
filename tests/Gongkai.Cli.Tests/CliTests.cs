using System.Text.Json.Nodes;

namespace Gongkai.Cli.Tests;

public class CliTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Cli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Import_Sample_PrintsCanonicalJson()
    {
        var (exit, output, _) = Run("import", Fixture("000.txt"));

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        var expected = JsonNode.Parse(File.ReadAllText(Fixture("000.expected.json")))!;
        Assert.Equal("兰陵县卫健局", (string?)json["agency"]);
        Assert.Equal(2021, (int?)json["year"]);
        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            Assert.True(JsonNode.DeepEquals(expected[table], json[table]), table);
        }
    }

    [Fact]
    public void Import_SeveralFilesWithOut_WritesOneJsonPerInput()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gongkai-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, _) = Run("import", Fixture("000.txt"), Fixture("wrong.txt"), "--out", dir);

            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(dir, "000.json")));
            Assert.True(File.Exists(Path.Combine(dir, "wrong.json")));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Check_CleanReport_ExitsZeroSilently()
    {
        var (exit, output, _) = Run("check", Fixture("000.txt"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Check_WrongNumbers_ExitsOneWithPathLineCodeMessage()
    {
        var (exit, output, _) = Run("check", Fixture("wrong.txt"));

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"wrong\.txt:\d+: T3\.balance 自然人列：本年新收\(13\)\+上年结转\(2\)≠总计\(13\)\+结转下年度\(1\)"));
        Assert.Contains(lines, l => l.Contains(": T3.row-total 本年新收行：总计(18)≠", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(": T4.total 行政复议行：", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_EmptyFile_ExitsThreeWithOneClearLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            var (exit, output, error) = Run("check", path);

            Assert.Equal(3, exit);
            Assert.Equal(string.Empty, output);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("SOURCE.not-a-report", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_BinaryFile_ExitsThree()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0, 1, 2, 3, 255, 254, 0, 0, 7, 8]);

            Assert.Equal(3, Run("check", path).Exit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("check")]
    [InlineData("import")]
    [InlineData("check", "--bogus", "x")]
    [InlineData("import", "a.txt", "b.txt")]
    public void BadUsage_ExitsTwo(params string[] args) => Assert.Equal(2, Run(args).Exit);

    [Fact]
    public void Import_DirectoryWithBrokenFiles_FinishesAndReportsThem()
    {
        var root = Path.Combine(Path.GetTempPath(), "gongkai-batch-" + Guid.NewGuid().ToString("N"));
        var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
        var output = Path.Combine(root, "out");
        try
        {
            File.Copy(Fixture("000.txt"), Path.Combine(input, "good.txt"));
            File.Copy(Fixture("wrong.txt"), Path.Combine(input, "wrong.txt"));
            File.WriteAllText(Path.Combine(input, "broken.pdf"), "%PDF-1.4 not really");
            File.WriteAllText(Path.Combine(input, "empty.txt"), string.Empty);
            var csv = Path.Combine(root, "reports.csv");

            var (exit, stdout, stderr) = Run("import", input, "--out", output, "--csv", csv);

            Assert.Equal(1, exit);
            Assert.True(File.Exists(Path.Combine(output, "good.json")));
            Assert.True(File.Exists(Path.Combine(output, "wrong.json")));
            var all = stdout + stderr;
            Assert.Contains("broken.pdf: SOURCE.unreadable", all, StringComparison.Ordinal);
            Assert.Contains("empty.txt: SOURCE.not-a-report", all, StringComparison.Ordinal);
            Assert.Contains("共 4 个文件", all, StringComparison.Ordinal);
            var rows = File.ReadAllLines(csv);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(csv)[..3]);
            Assert.StartsWith("file,agency,year,format,table2.rules.issued", rows[0], StringComparison.Ordinal);
            Assert.Contains(rows, r => r.StartsWith("good.txt,兰陵县卫健局,2021,2021,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Import_BatchWithPreviousYear_SettlesAmbiguousCellsAndSaysWhich()
    {
        var root = Directory.CreateTempSubdirectory("gongkai-cli-crossyear-").FullName;
        try
        {
            var output = Path.Combine(root, "out");

            var (_, stdout, _) = Run("import", Fixture("crossyear"), "--out", output);

            var line = Assert.Single(stdout.Split('\n'), l => l.StartsWith("2022.txt：与上一年度报告 2021.txt 对照，按其确定 ", StringComparison.Ordinal));
            Assert.Contains("table2.normative_documents[2]", line, StringComparison.Ordinal);
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, "2022.json")))!;
            Assert.Equal(45m, (decimal)json["table2"]!["normative_documents"]!["in_force"]!);
            Assert.Contains(json["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "FLAT.settled-by-previous");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Readme_CheckExample_IsWhatTheCommandPrints()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var readme = File.ReadAllLines(Path.Combine(dir.FullName, "README.md"));
        const string Prefix = "tests/Gongkai.Cli.Tests/Fixtures/wrong.txt:";
        var example = readme.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(example);

        var (exit, output, _) = Run("check", Fixture("wrong.txt"));

        Assert.Equal(1, exit);
        var printed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Prefix + l[(l.IndexOf("wrong.txt:", StringComparison.Ordinal) + "wrong.txt:".Length)..])
            .ToArray();
        Assert.Equal(example, printed);
    }
}
