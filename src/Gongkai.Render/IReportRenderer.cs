using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>Writes a report in one file format.</summary>
public interface IReportRenderer
{
    /// <summary>The short name the renderer is chosen by (<c>html</c>, <c>docx</c>, <c>pdf</c>, <c>csv</c>, <c>json</c>).</summary>
    string Format { get; }

    /// <summary>The IANA media type of the output, e.g. <c>text/html; charset=utf-8</c>.</summary>
    string MediaType { get; }

    /// <summary>The file name extension including the dot, e.g. <c>.html</c>.</summary>
    string FileExtension { get; }

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>; the stream is left open.</summary>
    void Render(Report report, Stream output);
}
