namespace Gongkai.Import;

/// <summary>
/// The limits that keep a hostile or broken file from exhausting memory or time. Exceeding one
/// gives a <c>SOURCE.too-large</c> diagnostic, never an exception. See docs/import-limits.md.
/// </summary>
public static class ImportLimits
{
    /// <summary>The largest single file accepted (bytes).</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The most pages read from one PDF. Annual reports run to 5-30 pages.</summary>
    public const int MaxPdfPages = 300;

    /// <summary>The most glyphs laid out on one PDF page (a dense page holds a few thousand).</summary>
    public const int MaxPdfLettersPerPage = 50_000;

    /// <summary>The most ruling-line segments considered on one PDF page.</summary>
    public const int MaxPdfSegmentsPerPage = 20_000;

    /// <summary>The most entries in one zip container (a DOCX package or a batch .zip).</summary>
    public const int MaxZipEntries = 10_000;

    /// <summary>The most bytes all entries of one zip container may expand to.</summary>
    public const long MaxZipUncompressedBytes = 500L * 1024 * 1024;

    /// <summary>The largest ratio of expanded to compressed size allowed for any entry larger than <see cref="CompressionRatioFloorBytes"/>.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries that expand to less than this are not held to <see cref="MaxCompressionRatio"/> (tiny XML parts compress very well).</summary>
    public const long CompressionRatioFloorBytes = 1024 * 1024;

    /// <summary>The largest single part of a DOCX package (e.g. word/document.xml) after expansion.</summary>
    public const long MaxDocxPartBytes = 64L * 1024 * 1024;

    /// <summary>How deeply tables may nest inside table cells in a DOCX.</summary>
    public const int MaxDocxTableNesting = 16;

    /// <summary>The most files one batch import reads.</summary>
    public const int MaxBatchFiles = 100_000;

    /// <summary>Reads a whole stream, refusing more than <see cref="MaxFileBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is longer than <see cref="MaxFileBytes"/>.</exception>
    public static byte[] ReadBounded(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxFileBytes)
            {
                throw new InvalidDataException("too large");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}
