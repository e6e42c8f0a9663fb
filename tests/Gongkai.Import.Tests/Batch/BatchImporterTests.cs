using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Domain.Reports;
using Gongkai.Import.Batch;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Gongkai.Import.Tests.Batch;

public sealed class BatchImporterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-batch-" + Guid.NewGuid().ToString("N"));

    public BatchImporterTests()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        Directory.CreateDirectory(Path.Combine(_dir, "in", "pdf"));
        File.Copy(Path.Combine(fixtures, "pdf", "hzq2023", "input.pdf"), Path.Combine(_dir, "in", "pdf", "hzq2023.pdf"));
        File.Copy(Path.Combine(fixtures, "docx", "rich-split", "input.docx"), Path.Combine(_dir, "in", "rich.docx"));
        File.Copy(Path.Combine(fixtures, "reports", "rich-tabs", "input.txt"), Path.Combine(_dir, "in", "rich.txt"));
        File.WriteAllBytes(Path.Combine(_dir, "in", "old.ofd"), Ofd());
        File.WriteAllBytes(Path.Combine(_dir, "in", "broken.pdf"), "%PDF-1.4 nothing here"u8.ToArray());
        File.WriteAllText(Path.Combine(_dir, "in", "picture.png"), "not a report");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An OFD package (a zip with OFD.xml): a format the importer does not read.</summary>
    private static byte[] Ofd()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("OFD.xml").Open());
            w.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
        }

        return ms.ToArray();
    }

    [Fact]
    public async Task ImportAsync_Directory_ImportsEveryReportAndSummarises()
    {
        var progress = new List<BatchProgress>();
        var batch = await BatchImporter.ImportAsync(Path.Combine(_dir, "in"), p => { lock (progress) { progress.Add(p); } });

        Assert.Equal(["broken.pdf", "old.ofd", "pdf/hzq2023.pdf", "rich.docx", "rich.txt"], batch.Files.Select(f => f.File).ToArray());
        Assert.Equal(5, progress.Count);
        Assert.Equal(5, progress.Max(p => p.Done));
        Assert.Equal((5, 2, 1, 2), (batch.Summary.Total, batch.Summary.Imported, batch.Summary.WithErrors, batch.Summary.Failed));
        Assert.Equal(1, batch.Summary.FailuresByCode[DiagnosticCodes.SourceUnsupported]);
        Assert.Equal(1, batch.Summary.FailuresByCode[DiagnosticCodes.SourceUnreadable]);
        var hzq = batch.Files.Single(f => f.File == "pdf/hzq2023.pdf");
        Assert.Equal(BatchOutcome.WithErrors, hzq.Outcome);
        Assert.Equal(SourceKind.Pdf, hzq.Kind);
        Assert.Equal(2, hzq.ErrorCount);
        Assert.StartsWith(DiagnosticCodes.SourceUnsupported, batch.Files.Single(f => f.File == "old.ofd").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_Zip_ReadsEntries()
    {
        var zip = Path.Combine(_dir, "reports.zip");
        ZipFile.CreateFromDirectory(Path.Combine(_dir, "in"), zip);
        var batch = await BatchImporter.ImportAsync(zip);
        Assert.Equal(5, batch.Summary.Total);
        Assert.Equal(18m, batch.Files.Single(f => f.File == "rich.docx").Report[new CellRef("table3", "new_received", 6)].Value);
    }

    [Fact]
    public async Task ImportAsync_ZipBomb_FailsAsTooLargeWithoutExpanding()
    {
        var zip = Path.Combine(_dir, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var s = archive.CreateEntry("report.txt", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 60; i++)
            {
                s.Write(zeros);
            }
        }

        var batch = await BatchImporter.ImportAsync(zip);
        var file = Assert.Single(batch.Files);
        Assert.Equal(BatchOutcome.Failed, file.Outcome);
        Assert.Equal(DiagnosticCodes.SourceTooLarge, file.FailureCode);
    }

    [Fact]
    public async Task ImportAsync_BrokenZip_IsOneFailedFile()
    {
        var zip = Path.Combine(_dir, "broken.zip");
        File.WriteAllBytes(zip, "PK\x03\x04 this is not a zip"u8.ToArray());
        var batch = await BatchImporter.ImportAsync(zip);
        Assert.Equal(DiagnosticCodes.SourceUnreadable, Assert.Single(batch.Files).FailureCode);
    }

    [Fact]
    public async Task WriteCsv_OneRowPerReportWithCanonicalKeys()
    {
        var batch = await BatchImporter.ImportAsync(Path.Combine(_dir, "in"));
        var csv = Path.Combine(_dir, "out.csv");
        BatchTableWriter.WriteCsv(batch, csv);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(6, lines.Length);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        Assert.Equal(["file", "agency", "year", "format"], header[..4]);
        Assert.Contains("table2.rules.issued", header);
        Assert.Contains("table3.new_received.0", header);
        Assert.Contains("table3.other.6", header); // the 2019 row of hzq2023
        Assert.Contains("table4.litigation_after_reconsideration.4", header);
        Assert.Equal(["errors", "status"], header[^2..]);
        var hzq = lines.Single(l => l.StartsWith("pdf/hzq2023.pdf,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("21", hzq[Array.IndexOf(header, "table3.new_received.0")]);
        Assert.Equal("7730.28", hzq[Array.IndexOf(header, "table2.fees")]);
        Assert.Equal("2", hzq[^2]);
        var doc = lines.Single(l => l.StartsWith("old.ofd,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(string.Empty, doc[Array.IndexOf(header, "table3.new_received.0")]);
    }

    [Fact]
    public async Task WriteXlsx_OneSheetWithNumbersAsNumbers()
    {
        var batch = await BatchImporter.ImportAsync(Path.Combine(_dir, "in"));
        var path = Path.Combine(_dir, "out.xlsx");
        BatchTableWriter.WriteXlsx(batch, path);
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("file", rows[0].Elements<Cell>().First().InnerText);
        var numbers = rows[3].Elements<Cell>().Where(c => c.DataType?.Value == CellValues.Number).ToList();
        Assert.Contains(numbers, c => c.CellValue!.Text == "4119");
    }
}
