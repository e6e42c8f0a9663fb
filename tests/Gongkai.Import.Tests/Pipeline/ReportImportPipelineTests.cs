using System.Text;
using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;
using Gongkai.Import.Readers;
using Gongkai.Import.Structured;

namespace Gongkai.Import.Tests.Pipeline;

public class ReportImportPipelineTests
{
    private static readonly string[] Table4Anchors = ["行政复议", "结果维持"];

    private static byte[] Rich() => File.ReadAllBytes(Path.Combine(ReportFixtureTests.FixturePath("reports"), "rich-tabs", "input.txt"));

    private static byte[] BrokenBalance() => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Rich()).Replace(
        "二、上年结转政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t2",
        "二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3",
        StringComparison.Ordinal));

    [Fact]
    public void Import_ReadableFile_GivesReportAndItsDiagnostics()
    {
        var result = ReportImportPipeline.Default.Import(new MemoryStream(Rich()), "report.txt");

        Assert.True(result.IsReadable);
        Assert.NotNull(result.Report);
        Assert.Null(result.Refusal);
        Assert.Equal(result.Report.Diagnostics, result.Diagnostics);
        Assert.Equal("report.txt", result.SourceName);
    }

    [Fact]
    public void Import_NotAReport_IsUnreadableWithoutReport_AndToReportCarriesTheRefusal()
    {
        var result = ReportImportPipeline.Default.Import(new MemoryStream("hello world"u8.ToArray()), "x.txt");

        Assert.False(result.IsReadable);
        Assert.Null(result.Report);
        Assert.Equal(DiagnosticCodes.SourceNotReport, result.Refusal?.Code);
        var report = result.ToReport();
        Assert.Equal("x.txt", report.SourceName);
        Assert.Equal(DiagnosticCodes.SourceNotReport, ImportResult.RefusalOf(report)?.Code);
        Assert.Equal(ImportResult.RefusalOf(report), ReportImporter.Refusal(ReportImporter.Import(new MemoryStream("hello world"u8.ToArray()), "x.txt")));
    }

    [Fact]
    public void Validation_IsTheLastStage_AndCanBeSwitchedOff()
    {
        var validated = ReportImportPipeline.Default.Import(new MemoryStream(BrokenBalance()), "report.txt");
        var unvalidated = ReportImportPipeline.Default.WithValidation(false).Import(new MemoryStream(BrokenBalance()), "report.txt");

        Assert.Contains(validated.Diagnostics, d => d.Code == DiagnosticCodes.T3Balance);
        Assert.DoesNotContain(unvalidated.Diagnostics, d => d.Code == DiagnosticCodes.T3Balance);
        Assert.Equal(validated.Report!.Cells, unvalidated.Report!.Cells);
        Assert.Equal(RuleEngine.Validate(unvalidated.Report).Diagnostics.Select(d => d.ToLine()), validated.Report.Diagnostics.Select(d => d.ToLine()));
    }

    [Fact]
    public void Readers_AreChosenByKind_AndAKindWithoutReaderIsRefused()
    {
        var textOnly = new ReportImportPipeline(readers: [TextSourceReader.Instance]);
        var html = "<html><body><p>2023年度政府信息公开工作年度报告</p></body></html>"u8.ToArray();

        Assert.True(textOnly.Import(new MemoryStream(Rich()), "report.txt").IsReadable);
        var refused = textOnly.Import(new MemoryStream(html), "report.html");
        Assert.False(refused.IsReadable);
        Assert.Equal(DiagnosticCodes.SourceNotReport, refused.Refusal?.Code);
        Assert.Equal(SourceKind.Html, SourceDetector.Detect(html, "report.html"));
    }

    [Fact]
    public void Defect_InAReader_IsARefusalThatKeepsTheException()
    {
        var pipeline = new ReportImportPipeline(readers: [new ThrowingReader()]);

        var result = pipeline.Import(new MemoryStream(Rich()), "report.txt");

        Assert.False(result.IsReadable);
        Assert.Equal(DiagnosticCodes.SourceUnreadable, result.Refusal?.Code);
        Assert.IsType<InvalidOperationException>(result.Defect);
    }

    [Fact]
    public void Cancellation_StillEndsTheImport()
    {
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ReportImportPipeline.Default.Import(new MemoryStream(Rich()), "report.txt", cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Normalisers_AreTriedInOrder_TheFlattenedOneReadsWhatTheStructuredOneCannot()
    {
        var oneLine = File.ReadAllBytes(Path.Combine(ReportFixtureTests.FixturePath("flattened"), "lanling-2021-one-line", "input.txt"));
        var structuredOnly = new ReportImportPipeline(normalisers: [StructuredNormaliser.Instance]);

        var both = ReportImportPipeline.Default.Import(new MemoryStream(oneLine), "one-line.txt");
        var alone = structuredOnly.Import(new MemoryStream(oneLine), "one-line.txt");

        Assert.Equal(2, ReportImportPipeline.Default.Normalisers.Length);
        var missingAlone = alone.ToReport().Cells.Values.Count(c => c.State == CellState.Missing);
        var missingBoth = both.Report!.Cells.Values.Count(c => c.State == CellState.Missing);
        Assert.True(missingBoth < missingAlone, $"flattened reading misses {missingBoth} cells, structured alone {missingAlone}");
        Assert.Equal("兰陵县卫健局", both.Report.Agency);
    }

    [Fact]
    public void Table4_IsFoundByTheCataloguesAnchors()
    {
        using var embedded = typeof(FormatCatalogue).Assembly.GetManifestResourceStream("Gongkai.Domain.Data.format-catalogue.json")!;
        var json = JsonNode.Parse(embedded)!;
        var table4 = json["layouts"]!.AsArray().Single(l => (string)l!["id"]! == "table4")!;
        table4["anchors"] = new JsonArray("不在文中的词");
        var catalogue = FormatCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())));

        var withAnchors = new ReportImportPipeline(normalisers: [StructuredNormaliser.Instance]).Import(new MemoryStream(Rich()), "report.txt").Report!;
        var without = new ReportImportPipeline(normalisers: [StructuredNormaliser.Instance], catalogue: catalogue).Import(new MemoryStream(Rich()), "report.txt").Report!;

        Assert.Equal(Table4Anchors.Select(LabelText.Normalize), FormatCatalogue.Default.Layout("table4").Anchors);
        Assert.All(FormatCatalogue.Default.Layout("table4").Cells(), c => Assert.Equal(CellState.Number, withAnchors[c].State));
        Assert.All(FormatCatalogue.Default.Layout("table4").Cells(), c => Assert.Equal(CellState.Missing, without[c].State));
    }

    private sealed class ThrowingReader : ISourceReader
    {
        public bool CanRead(SourceKind kind) => true;

        public SourceDocument Read(ReadOnlyMemory<byte> bytes, string name) => throw new InvalidOperationException("a defect");
    }
}
