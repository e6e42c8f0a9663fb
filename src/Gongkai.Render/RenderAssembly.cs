namespace Gongkai.Render;

/// <summary>Marker for the rendering assembly (report to HTML, DOCX, PDF, CSV).</summary>
public static class RenderAssembly;
