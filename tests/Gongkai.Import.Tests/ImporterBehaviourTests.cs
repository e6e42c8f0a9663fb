using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests;

public class ImporterBehaviourTests
{
    private static Report ImportText(string text, string name = "report.txt") =>
        ReportImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    private static string Rich() => File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("reports"), "rich-tabs", "input.txt"));

    [Fact]
    public void Import_BlankCell_IsNullWithCellBlank_NeverZero()
    {
        var report = ImportText(Rich().Replace("行政处罚\t87", "行政处罚\t", StringComparison.Ordinal));

        var cell = report["table2", "penalty"];
        Assert.Null(cell.Value);
        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.CellBlank && d.Message.Contains("行政处罚", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SlashCell_IsNullWithCellNonNumeric()
    {
        var report = ImportText(Rich().Replace("行政强制\t6", "行政强制\t/", StringComparison.Ordinal));

        Assert.Equal(CellState.NonNumeric, report["table2", "coercion"].State);
        Assert.Null(report["table2", "coercion"].Value);
        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.CellNonNumeric && d.Message.Contains("“/”", StringComparison.Ordinal));
    }

    /// <summary>
    /// A count printed in scientific notation (tabulate's default, so pandas' <c>to_markdown</c> of a
    /// float column): rounded to six digits, so not read as a number, but the row's other cells are.
    /// Until 2026-12-07 the whole row was CELL.missing.
    /// </summary>
    [Fact]
    public void Import_ScientificNotationCell_IsNonNumericAndTheRowIsRead()
    {
        var report = ImportText(Rich().Replace("规章\t1\t0\t12", "规章\t1\t0\t1.23457e+06", StringComparison.Ordinal));

        Assert.Equal(1m, report["table2", "rules", 0].Value);
        Assert.Equal(0m, report["table2", "rules", 1].Value);
        Assert.Equal(CellState.NonNumeric, report["table2", "rules", 2].State);
        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.CellNonNumeric && d.Message.Contains("“1.23457e+06”是四舍五入后的科学记数法", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == DiagnosticCodes.CellMissing);
    }

    [Fact]
    public void Check_BalanceBroken_NamesRowColumnAndLine()
    {
        var text = Rich().Replace("二、上年结转政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t2", "二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3", StringComparison.Ordinal);
        var report = ImportText(text);

        var balance = report.Diagnostics.Where(d => d.Code == DiagnosticCodes.T3Balance).ToList();
        Assert.Equal(["自然人列：本年新收(12)+上年结转(3)≠总计(13)+结转下年度(1)", "总计列：本年新收(18)+上年结转(3)≠总计(18)+结转下年度(2)"], balance.Select(b => b.Message));
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("一、本年新收", StringComparison.Ordinal)) + 1;
        Assert.Equal($"report.txt:{line}: T3.balance {balance[0].Message}", balance[0].ToLine());
    }

    [Fact]
    public void Import_MissingRow_GivesCellMissing()
    {
        var text = string.Join('\n', Rich().Split('\n').Where(l => !l.Contains("重复申请", StringComparison.Ordinal)));
        var report = ImportText(text);

        Assert.Equal(CellState.Missing, report["table3", "not_processed_repeated", 0].State);
        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.CellMissing && d.Message.Contains("重复申请", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("一、总体情况\n本年度无。")]
    public void Import_UnrelatedText_IsNotAReport(string text)
    {
        var report = ImportText(text);

        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.SourceNotReport);
    }

    [Fact]
    public void Import_BinaryFile_IsNotAReport()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var report = ReportImporter.Import(new MemoryStream(bytes), "x.bin");

        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.SourceNotReport);
    }

    /// <summary>
    /// A file of no kind the importer reads (a picture's bytes) is refused naming the kinds it does
    /// read, with no English word on screen (written "Word" until 2026-12-07).
    /// </summary>
    [Fact]
    public void Import_BinaryFile_NamesTheKindsRead_WithoutEnglish()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

        var report = ReportImporter.Import(new MemoryStream(png), "picture.png");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticCodes.SourceNotReport, d.Code);
        Assert.Equal("不是文本、HTML、DOCX、DOC、RTF 或 PDF 文件，无法作为年度报告读取", d.Message);
    }

    /// <summary>A Word 97-2003 file cut short: read as one (no longer refused as a format), and said to be broken.</summary>
    [Fact]
    public void Import_BrokenOldWordFile_IsUnreadableWithReason()
    {
        var bytes = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0 };

        var report = ReportImporter.Import(new MemoryStream(bytes), "report.doc");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticCodes.SourceUnreadable, d.Code);
        Assert.Contains("DOC 文档已损坏", d.Message, StringComparison.Ordinal);
    }

    /// <summary>A compound file that is no Word document (an Excel 97 workbook): refused with advice.</summary>
    [Fact]
    public void Import_CompoundFileWithoutWordDocument_IsUnsupportedWithAdvice()
    {
        var doc = File.ReadAllBytes(Path.Combine(ReportFixtureTests.FixturePath("doc"), "sample-000", "input.doc"));
        var renamed = (byte[])doc.Clone();
        var name = Encoding.Unicode.GetBytes("WordDocument");
        var at = renamed.AsSpan().IndexOf(name);
        Assert.True(at > 0);
        Encoding.Unicode.GetBytes("Workbook\0\0\0\0").CopyTo(renamed, at);

        var report = ReportImporter.Import(new MemoryStream(renamed), "report.xls");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticCodes.SourceUnsupported, d.Code);
        Assert.Contains("DOCX", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFile_IsUnreadable()
    {
        var report = ReportImporter.Import("/nonexistent/report.txt");

        Assert.Contains(report.Diagnostics, d => d.Code == DiagnosticCodes.SourceUnreadable);
    }

    [Fact]
    public void Import_Numbers_CarryTheirSourceLine()
    {
        var report = ImportText(Rich());

        var cell = report["table2", "penalty"];
        Assert.Equal(87m, cell.Value);
        var line = Rich().Split('\n').ToList().FindIndex(l => l.StartsWith("行政处罚", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, cell.Source!.Line);
    }

    /// <summary>
    /// A section with no text of its own (its heading right before the next one's) has empty text,
    /// not the rest of the report up to the heading after; a page number alone on a line is no
    /// section's text. (Was: 五's text was 六's heading and text; 一's, when 二 followed at once, the
    /// whole of table 2.)
    /// </summary>
    [Fact]
    public void Import_SectionWithoutText_IsEmptyAndPageNumbersAreNoText()
    {
        var text = Rich().Replace("一是公开内容的深度还不够。二是政策解读形式较单一。\n", string.Empty, StringComparison.Ordinal)
            .Replace("本年度未收取信息处理费。", "本年度未收取信息处理费。\n- 3 -", StringComparison.Ordinal);
        Assert.Contains("五、存在的主要问题及改进情况\n六、其他需要报告的事项", text, StringComparison.Ordinal);

        var report = ImportText(text);

        Assert.Equal(string.Empty, report.Sections.Single(s => s.Number == 5).Text);
        Assert.Equal("本年度未收取信息处理费。", report.Sections.Single(s => s.Number == 6).Text.Trim());
    }

    [Fact]
    public void Import_Title_GivesAgencyAndYear()
    {
        var report = ImportText(Rich());

        Assert.Equal("某市生态环境局", report.Agency);
        Assert.Equal(2023, report.Year);
        Assert.Equal("2021", report.Format);
        Assert.Contains(report.Sections, s => s.Number == 5 && s.Text.Contains("深度", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_PortalPageWithoutAgencyInTitle_TakesThePublisher()
    {
        var html = File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("reports"), "html-portal-page", "input.html"))
            .Replace("某市生态环境局2023年", "2023年", StringComparison.Ordinal);

        var report = ReportImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(html)), "page.html");

        Assert.Equal("某市生态环境局", report.Agency);
        Assert.Equal(2023, report.Year);
    }

    [Fact]
    public void Import_FlattenedText_KeepsTheSourceLineOfEachRow()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "flattened", "zhoucun-2022-line-per-row", "input.txt");
        var line = File.ReadAllLines(path).ToList().FindIndex(l => l.StartsWith("一、本年新收", StringComparison.Ordinal)) + 1;

        var report = ReportImporter.Import(path);

        Assert.Equal(1m, report["table3", "new_received", 0].Value);
        Assert.Equal(line, report["table3", "new_received", 0].Source!.Line);
    }
}
