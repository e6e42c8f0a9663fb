using BenchmarkDotNet.Attributes;
using Gongkai.Domain.Reports;
using Gongkai.Import;
using Gongkai.Import.Batch;

namespace Gongkai.Benchmarks;

/// <summary>Where the test fixtures are, found by walking up to the repository root.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Gongkai.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new DirectoryNotFoundException("repository root (Gongkai.slnx) not found above " + AppContext.BaseDirectory);
        }

        return System.IO.Path.Combine([dir.FullName, "tests", "Gongkai.Import.Tests", "Fixtures", .. parts]);
    }
}

/// <summary>
/// One report per operation, single thread, end to end (read, normalise, rules): reports per
/// second is 1 / mean. The PDF is the real 5-page hzq2023 report; the DOCX a converted sample.
/// </summary>
[MemoryDiagnoser]
public class PdfDocxBenchmarks
{
    private byte[] _pdf = [];
    private byte[] _pdfSmall = [];
    private byte[] _docx = [];

    [GlobalSetup]
    public void Setup()
    {
        _pdf = File.ReadAllBytes(Fixtures.Path("pdf", "hzq2023", "input.pdf"));
        _pdfSmall = File.ReadAllBytes(Fixtures.Path("pdf", "rich-split", "input.pdf"));
        _docx = File.ReadAllBytes(Fixtures.Path("docx", "rich-split", "input.docx"));
    }

    [Benchmark]
    public Report PdfReport() => ReportImporter.Import(new MemoryStream(_pdf, writable: false), "hzq2023.pdf");

    [Benchmark]
    public Report PdfReportLibreOffice() => ReportImporter.Import(new MemoryStream(_pdfSmall, writable: false), "rich-split.pdf");

    [Benchmark]
    public Report DocxReport() => ReportImporter.Import(new MemoryStream(_docx, writable: false), "rich-split.docx");
}

/// <summary>
/// A batch of 1,000 text and HTML reports (copies of the fixtures, half each) imported end to end
/// by <see cref="BatchImporter"/> on all cores. Target: under 10 s.
/// </summary>
public class BatchImportBenchmarks
{
    /// <summary>How many reports the batch holds.</summary>
    public const int Reports = 1000;

    private string _dir = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gongkai-bench-batch");
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        Directory.CreateDirectory(_dir);
        var sources = Directory.GetDirectories(Fixtures.Path("reports"))
            .SelectMany(d => Directory.GetFiles(d, "input.*"))
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var text = sources.Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).ToArray();
        var html = sources.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        for (var i = 0; i < Reports; i++)
        {
            var source = i % 2 == 0 ? text[i / 2 % text.Length] : html[i / 2 % html.Length];
            File.Copy(source, System.IO.Path.Combine(_dir, $"r{i:D4}{System.IO.Path.GetExtension(source)}"));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public BatchResult Batch1000TextHtml() => BatchImporter.ImportAsync(_dir).GetAwaiter().GetResult();
}
