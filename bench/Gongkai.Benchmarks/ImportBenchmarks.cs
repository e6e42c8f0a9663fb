using BenchmarkDotNet.Attributes;
using Gongkai.Domain.Reports;
using Gongkai.Import;

namespace Gongkai.Benchmarks;

/// <summary>
/// Reports imported per second on one thread, for text and HTML inputs of real size (the
/// published samples and the HTML portal-page fixture), end to end: decode, read, normalise,
/// validate. Run: <c>dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*ImportBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private byte[] _tabs = [];
    private byte[] _pipes = [];
    private byte[] _pdfText = [];
    private byte[] _html = [];
    private byte[] _gbk = [];

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = Path.Combine(RepositoryRoot(), "tests", "Gongkai.Import.Tests", "Fixtures", "reports");
        _tabs = File.ReadAllBytes(Path.Combine(fixtures, "sample-000-tabs", "input.txt"));
        _pipes = File.ReadAllBytes(Path.Combine(fixtures, "sample-001-scraped-pipes", "input.txt"));
        _pdfText = File.ReadAllBytes(Path.Combine(fixtures, "pdftotext-hzq2023", "input.txt"));
        _html = File.ReadAllBytes(Path.Combine(fixtures, "html-portal-page", "input.html"));
        _gbk = File.ReadAllBytes(Path.Combine(fixtures, "encoding-gbk", "input.txt"));
    }

    [Benchmark(Baseline = true)]
    public Report TextTabs() => ReportImporter.Import(new MemoryStream(_tabs), "000.txt");

    [Benchmark]
    public Report TextScrapedPipes() => ReportImporter.Import(new MemoryStream(_pipes), "001.txt");

    [Benchmark]
    public Report TextFromPdfLayout() => ReportImporter.Import(new MemoryStream(_pdfText), "003.txt");

    [Benchmark]
    public Report TextGbk() => ReportImporter.Import(new MemoryStream(_gbk), "gbk.txt");

    [Benchmark]
    public Report HtmlPortalPage() => ReportImporter.Import(new MemoryStream(_html), "page.html");

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the Gongkai repository.");
    }
}
