using SkiaSharp;

namespace Gongkai.Render;

/// <summary>No font with Chinese glyphs could be found for the PDF.</summary>
public sealed class CjkFontNotFoundException : InvalidOperationException
{
    public CjkFontNotFoundException()
        : this(CjkFonts.NotFoundMessage)
    {
    }

    public CjkFontNotFoundException(string message)
        : base(message)
    {
    }

    public CjkFontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The typefaces the PDF is set in: a regular and a bold face with Chinese glyphs.</summary>
/// <param name="Regular">Body text, tables.</param>
/// <param name="Bold">Title, headings and table headers; the regular face when no bold one exists (drawn emboldened).</param>
/// <param name="HasRealBold">Whether <paramref name="Bold"/> is a bold face of its own.</param>
internal sealed record CjkTypefaces(SKTypeface Regular, SKTypeface Bold, bool HasRealBold);

/// <summary>
/// Finds a font with Chinese glyphs: a path given by the caller, else the usual places of Noto CJK
/// (Debian's fonts-noto-cjk, Fedora, Arch), WenQuanYi, AR PL, SimSun and Songti, else whatever the
/// platform's font manager offers for 中. In a collection (.ttc) the Simplified Chinese face (SC) is
/// preferred, so that the glyphs have the mainland shapes.
/// </summary>
internal static class CjkFonts
{
    internal const string NotFoundMessage =
        "No font with Chinese glyphs was found, so the PDF cannot be drawn. Install one, e.g. `apt-get install fonts-noto-cjk` "
        + "(Debian/Ubuntu; fedora: google-noto-serif-cjk-fonts), or pass its path in PdfRenderOptions.FontPath.";

    /// <summary>Where fonts with Chinese glyphs are usually installed, best first.</summary>
    internal static readonly IReadOnlyList<string> CandidatePaths =
    [
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-serif-cjk-fonts/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/source-han-serif/SourceHanSerif-Regular.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "C:\\Windows\\Fonts\\simsun.ttc",
        "/System/Library/Fonts/Supplemental/Songti.ttc",
    ];

    private const int ProbeCodePoint = '中';

    private static readonly Lazy<CjkTypefaces?> s_installed = new(FindInstalled);

    /// <summary>The typefaces for <paramref name="regularPath"/> (and <paramref name="boldPath"/>), or the installed ones.</summary>
    /// <exception cref="CjkFontNotFoundException">No usable font.</exception>
    public static CjkTypefaces Resolve(string? regularPath, string? boldPath)
    {
        if (regularPath is null)
        {
            return s_installed.Value ?? throw new CjkFontNotFoundException();
        }

        var regular = Load(regularPath)
            ?? throw new CjkFontNotFoundException($"The font '{regularPath}' does not exist or has no Chinese glyphs. " + NotFoundMessage);
        var bold = boldPath is not null ? Load(boldPath) : LoadBoldSibling(regularPath);
        return new CjkTypefaces(regular, bold ?? regular, bold is not null);
    }

    private static CjkTypefaces? FindInstalled()
    {
        foreach (var path in CandidatePaths)
        {
            if (Load(path) is { } regular)
            {
                var bold = LoadBoldSibling(path);
                return new CjkTypefaces(regular, bold ?? regular, bold is not null);
            }
        }

        var matched = SKFontManager.Default.MatchCharacter(string.Empty, ["zh-CN", "zh-Hans", "zh"], ProbeCodePoint)
            ?? SKFontManager.Default.MatchCharacter(ProbeCodePoint);
        return matched is not null && HasChinese(matched) ? new CjkTypefaces(matched, matched, false) : null;
    }

    private static SKTypeface? LoadBoldSibling(string regularPath)
    {
        var bold = regularPath.Replace("-Regular", "-Bold", StringComparison.Ordinal);
        return bold != regularPath ? Load(bold) : null;
    }

    private static bool HasChinese(SKTypeface face)
    {
        using var font = new SKFont(face);
        return font.ContainsGlyph(ProbeCodePoint);
    }

    /// <summary>
    /// The Simplified Chinese face of the file (or its first face with 中), or null. The font is
    /// read into memory and its radical aliases unmapped (<see cref="FontCmapPatch"/>) so that
    /// the PDF's text layer holds the ideographs.
    /// </summary>
    internal static SKTypeface? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        FontCmapPatch.UnmapRadicalAliases(bytes);
        using var data = SKData.CreateCopy(bytes);
        SKTypeface? first = null;
        for (var index = 0; index < 32; index++)
        {
            var face = SKTypeface.FromData(data, index);
            if (face is null)
            {
                break;
            }

            if (!HasChinese(face))
            {
                face.Dispose();
                continue;
            }

            var family = face.FamilyName ?? string.Empty;
            if (family.EndsWith(" SC", StringComparison.Ordinal) || family.Contains("SimSun", StringComparison.OrdinalIgnoreCase))
            {
                first?.Dispose();
                return face;
            }

            if (first is null)
            {
                first = face;
            }
            else
            {
                face.Dispose();
            }
        }

        return first;
    }
}
