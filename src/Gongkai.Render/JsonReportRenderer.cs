using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>Writes the canonical report JSON (<see cref="ReportJson.Write"/>), with provenance and sections.</summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    public string Format => "json";

    public string MediaType => "application/json; charset=utf-8";

    public string FileExtension => ".json";

    public void Render(Report report, Stream output) => ReportJson.Write(output, report);
}
