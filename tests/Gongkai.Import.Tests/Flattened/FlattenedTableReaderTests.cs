using System.Diagnostics;
using CsCheck;
using Gongkai.Domain.Reports;
using Gongkai.Import.Flattened;
using Gongkai.Import.Readers;

namespace Gongkai.Import.Tests.Flattened;

public sealed class FlattenedTableReaderTests
{
    private static string Fixture(string name, string file = "input.txt") =>
        File.ReadAllText(Path.Combine(FlattenedFixtureTests.FixtureRoot(), name, file));

    private static Report Source(string name) => ReportJson.Parse(Fixture(name, "source.json"));

    [Fact]
    public void TryRead_TablesWithSeparatedCells_Null()
    {
        var text = FlattenedTextWriter.Write(Source("synthetic-2021-column-settled"), new FlattenStyle(OneLine: false, Ordinals: true, Separator: "\t"), "示例市自然资源局2022年政府信息公开工作年度报告");

        Assert.Null(FlattenedTableReader.TryRead(text, "intact.txt"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("无")]
    [InlineData("一、总体情况\n本年新收政府信息公开申请12件，予以公开10件。")]
    public void TryRead_NoTables_Null(string text) => Assert.Null(FlattenedTableReader.TryRead(text, "prose.txt"));

    [Fact]
    public void TryRead_RowEndsInTheNextOrdinal_OrdinalGoesToTheLabel()
    {
        // 属于国家秘密 2,0,0,0,0,0,2 is followed by "2.其他法律…": the run reads 200000022.
        var text = Fixture("lanling-2021-one-line").Replace("属于国家秘密00000002.", "属于国家秘密20000022.", StringComparison.Ordinal);

        var report = FlattenedTableReader.TryRead(text, "input.txt")!;

        Assert.Equal(2m, report["table3", "withheld_state_secret", 0].Value);
        Assert.Equal(2m, report["table3", "withheld_state_secret", 6].Value);
        Assert.Equal(0m, report["table3", "withheld_prohibited_by_law", 0].Value);
    }

    [Fact]
    public void TryRead_EveryCellCarriesItsLine()
    {
        var report = FlattenedTableReader.TryRead(Fixture("zhoucun-2022-line-per-row"), "input.txt")!;

        Assert.Equal(new SourceLocation("input.txt", 8), report["table2", "rules", 0].Source);
        Assert.Equal(new SourceLocation("input.txt", 21), report["table3", "new_received", 6].Source);
        Assert.Equal(new SourceLocation("input.txt", 49), report["table4", "litigation_after_reconsideration", 4].Source);
    }

    [Fact]
    public void TryRead_PreviousYearGiven_SettlesTable2()
    {
        var text = Fixture("synthetic-2021-previous-year");
        var previous = ReportJson.Parse(Fixture("synthetic-2021-previous-year", "previous.json"));

        var alone = FlattenedTableReader.TryRead(text, "input.txt")!;
        var withPrevious = FlattenedTableReader.TryRead(text, "input.txt", previous)!;

        Assert.Equal(CellState.Ambiguous, alone["table2", "normative_documents", 2].State);
        Assert.Equal([5m, 45m, 345m], alone["table2", "normative_documents", 2].Readings);
        Assert.Equal(45m, withPrevious["table2", "normative_documents", 2].Value);
    }

    [Fact]
    public void TryRead_HugeDigitRun_DiagnosticNotABlowUp()
    {
        var text = Fixture("lanling-2021-one-line").Replace("予以公开0000000", "予以公开" + new string('9', 5000), StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();

        var report = FlattenedTableReader.TryRead(text, "input.txt")!;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains(report.Diagnostics, d => d.Code == FlattenedDiagnostics.Unsplittable);
        Assert.Equal(CellState.Missing, report["table3", "granted", 0].State);
    }

    [Fact]
    public void TryRead_ArbitraryText_NeverThrows() =>
        Gen.String[0, 400].Sample(text => FlattenedTableReader.TryRead(text, "fuzz.txt"), iter: 2000);

    [Fact]
    public void TryRead_DamagedFlattenedReport_NeverThrows()
    {
        var text = Fixture("synthetic-2021-column-settled");
        const string alphabet = "0123456789 .-/、（）\n一二三其他总计";
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var rnd = new Random(seed);
                var chars = text.ToCharArray();
                for (var k = 0; k < 12; k++)
                {
                    chars[rnd.Next(chars.Length)] = alphabet[rnd.Next(alphabet.Length)];
                }

                _ = FlattenedTableReader.TryRead(new string(chars), "damaged.txt");
            },
            iter: 100);
    }

    [Fact]
    public void TryRead_SourceDocument_KeepsTheReadersLineNumbers()
    {
        var text = Fixture("zhoucun-2022-line-per-row");
        var document = TextSourceReader.Read(text, "input.txt");

        var fromDocument = FlattenedTableReader.TryRead(document)!;
        var fromText = FlattenedTableReader.TryRead(text, "input.txt")!;

        Assert.Equal(fromText.Cells.Count, fromDocument.Cells.Count);
        foreach (var (cell, value) in fromText.Cells)
        {
            Assert.Equal(value.Value, fromDocument[cell].Value);
            Assert.Equal(value.Source, fromDocument[cell].Source);
        }
    }

    [Fact]
    public void Import_FlattenedText_TheNormaliserFallsBackToTheSplitter()
    {
        var source = Source("synthetic-2021-column-settled");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Fixture("synthetic-2021-column-settled")));

        var report = ReportImporter.Import(stream, "input.txt");

        foreach (var cell in source.LayoutOf("table3").Cells())
        {
            Assert.Equal(source[cell].Value, report[cell].Value);
        }
    }

    [Fact]
    public void TryRead_PreviousYearGiven_CarryOverSettlesTable3()
    {
        // 一 reads 110000011 (11,0,… or 1,10,…) and so does 二; either way the columns add up to 12, 10.
        var builder = new ReportBuilder("2021");
        foreach (var layout in new[] { builder.LayoutOf("table2"), builder.LayoutOf("table3"), builder.LayoutOf("table4") })
        {
            foreach (var cell in layout.Cells())
            {
                builder.Set(cell, Cell.Of(0));
            }
        }

        void Row(string key, params decimal[] values)
        {
            for (var c = 0; c < values.Length; c++)
            {
                builder.Set("table3", key, c, values[c]);
            }
        }

        Row("new_received", 11, 0, 0, 0, 0, 0, 11);
        Row("carried_over", 1, 10, 0, 0, 0, 0, 11);
        Row("granted", 12, 10, 0, 0, 0, 0, 22);
        Row("total", 12, 10, 0, 0, 0, 0, 22);
        var text = FlattenedTextWriter.Write(builder.Build(), new FlattenStyle(OneLine: true, Ordinals: true), "示例县人民政府2022年政府信息公开工作年度报告");
        var last = new ReportBuilder("2021");
        for (var c = 0; c < 7; c++)
        {
            last.Set("table3", "carried_forward", c, new decimal[] { 1, 10, 0, 0, 0, 0, 11 }[c]);
        }

        var alone = FlattenedTableReader.TryRead(text, "input.txt")!;
        var withPrevious = FlattenedTableReader.TryRead(text, "input.txt", last.Build())!;

        Assert.Equal(CellState.Ambiguous, alone["table3", "new_received", 0].State);
        Assert.Equal(11m, withPrevious["table3", "new_received", 0].Value);
        Assert.Equal(1m, withPrevious["table3", "carried_over", 0].Value);
        Assert.Equal(10m, withPrevious["table3", "carried_over", 1].Value);
    }

    [Fact]
    public void TryRead_NarrativeMentions2019Rows_Table2StaysIn2021Layout()
    {
        var text = Fixture("synthetic-2021-column-settled").Replace("均已按期答复。", "均已按期答复。政府集中采购和其他对外管理服务事项另行公开。", StringComparison.Ordinal);

        var report = FlattenedTableReader.TryRead(text, "input.txt")!;

        Assert.Equal("table2-2021", report.Layouts["table2"]);
        Assert.Equal(1050m, report["table2", "licensing", 0].Value);
    }

    [Fact]
    public void TryRead_NoTable2AndRowQuotedInTheNarrative_Table3StillFound()
    {
        var full = Fixture("synthetic-2021-column-settled");
        var start = full.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal);
        var end = full.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal);
        var header = full.IndexOf("（本列数据的勾稽关系", StringComparison.Ordinal);
        var filler = string.Concat(Enumerable.Repeat("全面推进决策、执行、管理、服务、结果公开，不断提升政务公开质量。", 30));
        var text = full[..start] + "本年新收政府信息公开申请数量较上年有所增加。" + filler + full[end..header] + full[header..].Replace("申请人情况", string.Empty, StringComparison.Ordinal).Replace("法律服务机构", string.Empty, StringComparison.Ordinal).Replace("社会公益组织", string.Empty, StringComparison.Ordinal);

        var report = FlattenedTableReader.TryRead(text, "input.txt")!;

        Assert.Equal(105m, report["table3", "new_received", 0].Value);
        Assert.Equal(128m, report["table3", "total", 6].Value);
    }

    [Fact]
    public void TryRead_NoOrdinalsAndARowEndingIn3BeforeOther_DigitStaysWithTheRow()
    {
        // Without ordinals "…00003其他…" must not read as the label "3.其他" (found by the property test).
        var source = Source("synthetic-2021-column-settled");
        var builder = new ReportBuilder("2021");
        foreach (var (cell, value) in source.Cells)
        {
            var row = cell.Row switch
            {
                "other_no_supplement" => "other_fee_unpaid",
                "other_fee_unpaid" => "other_no_supplement",
                _ => cell.Row,
            };
            builder.Set(cell with { Row = row }, value);
        }

        var text = FlattenedTextWriter.Write(builder.Build(), new FlattenStyle(OneLine: true, Ordinals: false), "示例市自然资源局2022年政府信息公开工作年度报告");

        var report = FlattenedTableReader.TryRead(text, "input.txt")!;

        Assert.Equal(3m, report["table3", "other_fee_unpaid", 6].Value);
        Assert.Equal(3m, report["table3", "other_other", 6].Value);
    }
}
