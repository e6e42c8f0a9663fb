using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

public class CsvReportRendererTests
{
    private static string[] Lines(byte[] csv)
    {
        Assert.True(csv.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "the CSV starts with a UTF-8 byte order mark");
        var text = new UTF8Encoding(false).GetString(csv, 3, csv.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text[..^2].Split("\r\n");
    }

    [Fact]
    public void Render_Sample_WritesOneLinePerCellWithLabels()
    {
        var lines = Lines(ReportRenderers.Render(Samples.Load(Samples.Lanling), "csv"));

        Assert.Equal("table,row,column,row_label,column_label,value", lines[0]);
        Assert.Equal(1 + 10 + 175 + 15, lines.Length);
        Assert.Contains("table2,penalty,,行政处罚,本年处理决定数量,105", lines);
        Assert.Contains("table2,normative_documents,in_force,行政规范性文件,现行有效件数,9", lines);
        Assert.Contains("table3,new_received,natural_person,一、本年新收政府信息公开申请数量,自然人,0", lines);
        Assert.Contains("table4,litigation_after_reconsideration,total,行政诉讼 复议后起诉,总计,0", lines);
    }

    [Fact]
    public void Render_Format2019_WritesEveryValueAndBlankAsEmpty()
    {
        var blank = new CellRef("table3", "other", 3);
        var report = Samples.Format2019(blank);
        var lines = Lines(ReportRenderers.Render(report, "csv"));

        Assert.Equal(1 + 22 + (23 * 7) + 15, lines.Length);
        Assert.Contains("table2,licensing,change,行政许可,本年增/减,-8", lines);
        Assert.Contains(lines, l => l.StartsWith("table2,procurement,amount,政府集中采购,采购总金额,", StringComparison.Ordinal) && l.EndsWith(".25", StringComparison.Ordinal));
        Assert.Contains("table3,other,public_welfare_organization,（六）其他处理,社会公益组织,", lines);
    }

    [Fact]
    public void Render_LabelWithFullWidthCommas_IsWrittenAsIs()
    {
        var text = new CsvReportRenderer().RenderToString(Samples.Load(Samples.Zhoucun));

        Assert.Contains(",三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("规章", "规章")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("说\"明\"", "\"说\"\"明\"\"\"")]
    [InlineData("两\n行", "\"两\n行\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    public void Escape_Field_QuotesOnlyWhenNeededAndNeutralisesFormulas(string field, string expected) =>
        Assert.Equal(expected, CsvWriter.Escape(field));
}
