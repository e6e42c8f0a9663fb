using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

public class OfficialTablesTests
{
    [Theory]
    [InlineData("table2")]
    [InlineData("table3")]
    [InlineData("table4")]
    public void Build_EveryTable_CoversEachGridPositionExactlyOnce(string table)
    {
        foreach (var report in new[] { Samples.Load(Samples.Lanling), Samples.Format2019() })
        {
            var layout = OfficialTables.Build(report, table);
            var covered = new int[layout.RowCount, layout.ColumnCount];
            foreach (var cell in layout.Cells)
            {
                for (var r = cell.Row; r <= cell.LastRow; r++)
                {
                    for (var c = cell.Column; c <= cell.LastColumn; c++)
                    {
                        covered[r, c]++;
                    }
                }
            }

            Assert.All(covered.Cast<int>(), n => Assert.Equal(1, n));
        }
    }

    [Fact]
    public void Build_Table2Of2021_HasFourBlocksWithCaptionsAndTenValues()
    {
        var table = OfficialTables.Build(Samples.Load(Samples.Lanling), "table2");

        var captions = table.Cells.Where(c => c.Kind == OfficialCellKind.Caption).ToList();
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], captions.Select(c => c.Text));
        Assert.All(captions, c => Assert.Equal(4, c.ColumnSpan));
        Assert.Equal(14, table.RowCount);
        Assert.Equal(10, table.Cells.Count(c => c.Kind == OfficialCellKind.Value));
        Assert.Equal(4, table.Cells.Count(c => c.Text == OfficialTables.ContentHeader));
        var penalty = table.Cells.Single(c => c.Ref == new CellRef("table2", "penalty", 0));
        Assert.Equal(("105", 3), (penalty.Text, penalty.ColumnSpan));
        Assert.Equal(3, table.Cells.Single(c => c.Text == "本年收费金额（单位：万元）").ColumnSpan);
    }

    [Fact]
    public void Build_Table2Of2019_HasFiveBlocksWithThe2019Columns()
    {
        var table = OfficialTables.Build(Samples.Format2019(), "table2");

        var captions = table.Cells.Where(c => c.Kind == OfficialCellKind.Caption).Select(c => c.Text);
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"], captions);
        Assert.Equal(18, table.RowCount);
        Assert.Contains(table.Cells, c => c.Text == "本年新制作数量");
        Assert.Contains(table.Cells, c => c.Text == "其他对外管理服务事项");
        Assert.Contains(table.Cells, c => c.Text == "规范性文件");
        Assert.Equal(2, table.Cells.Single(c => c.Ref == new CellRef("table2", "procurement", 1)).ColumnSpan);
    }

    [Theory]
    [InlineData("2021", 22, 3, 28)]
    [InlineData("2019", 20, 1, 26)]
    public void Build_Table3_MergesTheLabelGroupsAsTheFormat(string format, int outcomeSpan, int otherSpan, int rows)
    {
        var report = format == "2019" ? Samples.Format2019() : Samples.Load(Samples.Lanling);
        var table = OfficialTables.Build(report, "table3");

        Assert.Equal(rows, table.RowCount);
        Assert.Equal(10, table.ColumnCount);
        Assert.Equal(3, table.HeaderRowCount);
        var note = table.Cells.Single(c => c.Kind == OfficialCellKind.Note);
        Assert.Equal((OfficialTables.Table3Note, 3, 3), (note.Text, note.RowSpan, note.ColumnSpan));
        Assert.Equal(7, Cell(table, "申请人情况").ColumnSpan);
        Assert.Equal(2, Cell(table, "自然人").RowSpan);
        Assert.Equal(5, Cell(table, "法人或其他组织").ColumnSpan);
        Assert.Equal(2, table.Cells.Single(c => c.Text == "总计" && c.Kind == OfficialCellKind.Header).RowSpan);
        Assert.Equal(outcomeSpan, Cell(table, "三、本年度办理结果").RowSpan);
        Assert.Equal(8, Cell(table, "（三）不予公开").RowSpan);
        Assert.Equal(3, Cell(table, "（四）无法提供").RowSpan);
        Assert.Equal(5, Cell(table, "（五）不予处理").RowSpan);
        var other = Cell(table, "（六）其他处理");
        Assert.Equal(otherSpan, other.RowSpan);
        Assert.Equal(format == "2019" ? 2 : 1, other.ColumnSpan);
        Assert.Equal(3, Cell(table, "一、本年新收政府信息公开申请数量").ColumnSpan);
        Assert.Equal(3, Cell(table, "四、结转下年度继续办理").ColumnSpan);
        Assert.Equal(2, Cell(table, "（一）予以公开").ColumnSpan);
        Assert.Equal(2, Cell(table, "（七）总计").ColumnSpan);
        Assert.Equal(1, Cell(table, "1.属于国家秘密").ColumnSpan);
        Assert.Equal(7 * (rows - 3), table.Cells.Count(c => c.Kind == OfficialCellKind.Value));
    }

    [Fact]
    public void Build_Table4_HasTheTwoLevelHeaderAndFifteenValues()
    {
        var table = OfficialTables.Build(Samples.Load(Samples.Zhoucun), "table4");

        Assert.Equal((4, 15, 3), (table.RowCount, table.ColumnCount, table.HeaderRowCount));
        Assert.Equal(5, Cell(table, "行政复议").ColumnSpan);
        Assert.Equal(10, Cell(table, "行政诉讼").ColumnSpan);
        Assert.Equal(5, Cell(table, "未经复议直接起诉").ColumnSpan);
        Assert.Equal(5, Cell(table, "复议后起诉").ColumnSpan);
        var firstGroup = table.Cells.Where(c => c.Row == 1 && c.Column < 5).ToList();
        Assert.Equal(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], firstGroup.Select(c => c.Text));
        Assert.All(firstGroup, c => Assert.Equal(2, c.RowSpan));
        Assert.Equal(10, table.Cells.Count(c => c.Row == 2));
        Assert.Equal(15, table.Cells.Count(c => c.Kind == OfficialCellKind.Value && c.Row == 3));
    }

    [Fact]
    public void Build_BlankCell_IsEmptyNeverZero()
    {
        var blank = new CellRef("table3", "granted", 2);
        var table = OfficialTables.Build(Samples.Format2019(blank), "table3");

        Assert.Equal(string.Empty, table.Cells.Single(c => c.Ref == blank).Text);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(105, "105")]
    [InlineData(-8, "-8")]
    [InlineData(1.50, "1.5")]
    [InlineData(0.0125, "0.0125")]
    public void FormatValue_Number_IsInvariantWithoutTrailingZeros(double value, string expected) =>
        Assert.Equal(expected, OfficialTables.FormatValue(Domain.Reports.Cell.Of((decimal)value)));

    private static OfficialCell Cell(OfficialTable table, string text) => table.Cells.Single(c => c.Text == text);
}
