namespace Gongkai.Render.Tests;

/// <summary>
/// Writes the sample report as HTML, PDF and DOCX into the folder named by GONGKAI_RENDER_OUT, for
/// docs/screenshots/make.sh to photograph. Skipped when the variable is not set.
/// </summary>
public class ScreenshotTests
{
    private const string OutVariable = "GONGKAI_RENDER_OUT";

    [RenderOutFact]
    [Trait("Category", "Screenshots")]
    public void WriteSampleRenderings()
    {
        var folder = Environment.GetEnvironmentVariable(OutVariable)!;
        Directory.CreateDirectory(folder);
        var report = Samples.Load(Samples.Lanling);
        foreach (var format in new[] { "html", "pdf", "docx" })
        {
            File.WriteAllBytes(Path.Combine(folder, "report." + format), ReportRenderers.Render(report, format));
        }

        File.WriteAllBytes(Path.Combine(folder, "report-2019.pdf"), ReportRenderers.Render(Samples.Format2019(), "pdf"));
        File.WriteAllBytes(Path.Combine(folder, "report-2019.html"), ReportRenderers.Render(Samples.Format2019(), "html"));
    }

    private sealed class RenderOutFactAttribute : FactAttribute
    {
        public RenderOutFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OutVariable)))
            {
                Skip = $"Set {OutVariable} to a folder to write the sample renderings (docs/screenshots/make.sh does).";
            }
        }
    }
}
