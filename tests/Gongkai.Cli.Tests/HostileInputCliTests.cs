using System.IO.Compression;
using System.Text;

namespace Gongkai.Cli.Tests;

/// <summary>Inputs that once crashed the CLI or spoiled its output (issue 13): each must end in an exit code and a clear line.</summary>
public sealed class HostileInputCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileInputCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Cli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>UTF-16 text holding U+FFFE, which <c>string.Normalize</c> refuses (was: ArgumentException in FlatText.Fold, exit 134).</summary>
    [Theory]
    [InlineData("import")]
    [InlineData("check")]
    public void ImportAndCheck_Utf16WithNonCharacter_ExitThreeWithALine(string verb)
    {
        var path = Path.Combine(_dir, "bad16.txt");
        var text = "2021年度政府信息公开工作年度报告\n" + string.Concat(Enumerable.Range(0x80, 0xFF80).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c));
        File.WriteAllBytes(path, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);

        var (exit, _, err) = Run(verb, path);

        Assert.Equal(3, exit);
        Assert.Contains($"{path}: SOURCE.", err, StringComparison.Ordinal);
    }

    /// <summary>A zip entry whose name is longer than a file name may be (was: PathTooLongException, nothing written).</summary>
    [Fact]
    public void Batch_ZipWithOverlongEntryName_WritesTheOthersAndReportsIt()
    {
        var zip = Path.Combine(_dir, "reports.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Fixture("000.txt"), "good.txt");
            archive.CreateEntryFromFile(Fixture("000.txt"), new string('长', 200) + ".txt");
        }

        var outDir = Path.Combine(_dir, "out");
        var csv = Path.Combine(_dir, "all.csv");
        var (exit, output, err) = Run("import", zip, "--out", outDir, "--csv", csv);

        Assert.True(File.Exists(Path.Combine(outDir, "good.json")));
        Assert.True(File.Exists(csv));
        Assert.Equal(2, Directory.GetFiles(outDir, "*.json").Length);
        Assert.All(Directory.GetFiles(outDir), f => Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(f)) <= 255));
        Assert.Contains("共 2 个文件", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    /// <summary>A cell a spreadsheet would run as a formula (here the file name) is written as text.</summary>
    [Theory]
    [InlineData("=HYPERLINK(1).txt")]
    [InlineData("+1+1.txt")]
    [InlineData("-1+1.txt")]
    [InlineData("@SUM(1).txt")]
    public void Batch_Csv_NeutralisesFormulaCells(string name)
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.Copy(Fixture("000.txt"), Path.Combine(input, name));
        var csv = Path.Combine(_dir, "all.csv");

        Run("import", input, "--csv", csv);

        var row = File.ReadAllLines(csv)[1];
        Assert.StartsWith("'" + name[0], row.TrimStart('"'), StringComparison.Ordinal);
        Assert.DoesNotContain("," + name[0], row, StringComparison.Ordinal);
    }
}
