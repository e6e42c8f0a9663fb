using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Render.Tests;

public class ReportRenderersTests
{
    [Theory]
    [InlineData("html", typeof(HtmlReportRenderer), ".html")]
    [InlineData("DOCX", typeof(DocxReportRenderer), ".docx")]
    [InlineData(".pdf", typeof(PdfReportRenderer), ".pdf")]
    [InlineData("csv", typeof(CsvReportRenderer), ".csv")]
    [InlineData("json", typeof(JsonReportRenderer), ".json")]
    public void Get_KnownFormat_ReturnsItsRenderer(string format, Type type, string extension)
    {
        var renderer = ReportRenderers.Get(format);

        Assert.IsType(type, renderer);
        Assert.Equal(extension, renderer.FileExtension);
        Assert.Equal(extension.TrimStart('.'), renderer.Format);
        Assert.NotEmpty(renderer.MediaType);
    }

    [Fact]
    public void Get_UnknownFormat_ThrowsListingTheFormats()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportRenderers.Get("xls"));

        Assert.Contains("html, docx, pdf, csv, json", error.Message, StringComparison.Ordinal);
        Assert.False(ReportRenderers.TryGet("xls", out _));
    }

    [Fact]
    public void Render_Json_IsTheCanonicalJson()
    {
        var report = Samples.Load(Samples.Zhoucun);

        var json = Encoding.UTF8.GetString(ReportRenderers.Render(report, "json"));

        Assert.Equal(ReportJson.Serialize(report), json);
        Assert.Equal(ReportJson.Serialize(report, includeExtras: false), ReportJson.Serialize(ReportJson.Parse(json), includeExtras: false));
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    [InlineData("pdf")]
    [InlineData("csv")]
    [InlineData("json")]
    public void Render_EmptyReport_DoesNotThrow(string format)
    {
        var report = Report.Empty("2021");

        Assert.NotEmpty(ReportRenderers.Render(report, format));
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    [InlineData("pdf")]
    [InlineData("csv")]
    [InlineData("json")]
    public void Render_ToAStream_LeavesItOpen(string format)
    {
        using var stream = new MemoryStream();

        ReportRenderers.Render(Samples.Format2019(), format, stream);

        Assert.True(stream.CanWrite, "the renderer closed the caller's stream");
        Assert.True(stream.Length > 0);
    }
}
