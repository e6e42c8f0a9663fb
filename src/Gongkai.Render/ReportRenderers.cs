using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Gongkai.Domain.Reports;

namespace Gongkai.Render;

/// <summary>
/// The entry point for rendering: chooses a renderer by format name (<c>html</c>, <c>docx</c>,
/// <c>pdf</c>, <c>csv</c>, <c>json</c>; case-insensitive, a leading dot allowed).
/// </summary>
public static class ReportRenderers
{
    private static readonly FrozenDictionary<string, Func<IReportRenderer>> s_factories =
        new Dictionary<string, Func<IReportRenderer>>(StringComparer.OrdinalIgnoreCase)
        {
            ["html"] = () => new HtmlReportRenderer(),
            ["docx"] = () => new DocxReportRenderer(),
            ["pdf"] = () => new PdfReportRenderer(),
            ["csv"] = () => new CsvReportRenderer(),
            ["json"] = () => new JsonReportRenderer(),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The format names, in the order above.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["html", "docx", "pdf", "csv", "json"];

    /// <summary>The renderer for <paramref name="format"/>, or false when there is none.</summary>
    public static bool TryGet(string format, [NotNullWhen(true)] out IReportRenderer? renderer)
    {
        if (s_factories.TryGetValue(format.Trim().TrimStart('.'), out var factory))
        {
            renderer = factory();
            return true;
        }

        renderer = null;
        return false;
    }

    /// <summary>The renderer for <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentException">No renderer has that name.</exception>
    public static IReportRenderer Get(string format) =>
        TryGet(format, out var renderer)
            ? renderer
            : throw new ArgumentException($"Unknown report format '{format}'; expected one of {string.Join(", ", Formats)}.", nameof(format));

    /// <summary>Renders <paramref name="report"/> in <paramref name="format"/> to <paramref name="output"/>.</summary>
    public static void Render(Report report, string format, Stream output) => Get(format).Render(report, output);

    /// <summary>Renders <paramref name="report"/> in <paramref name="format"/> to a byte array.</summary>
    public static byte[] Render(Report report, string format)
    {
        using var buffer = new MemoryStream();
        Render(report, format, buffer);
        return buffer.ToArray();
    }
}
