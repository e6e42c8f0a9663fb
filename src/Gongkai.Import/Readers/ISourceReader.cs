using System.Runtime.InteropServices;

namespace Gongkai.Import.Readers;

/// <summary>
/// The one reader contract: a reader turns a file's bytes of the kinds it can read into a
/// <see cref="SourceDocument"/> (lines of positioned fragments), and does only what its format
/// needs (decoding, splitting cells, rebuilding rows from PDF geometry). It runs within the
/// <see cref="ImportBudget.Current"/> budget the pipeline entered, and answers bad input with a
/// failed document carrying a refusal diagnostic, never with an exception (see
/// <see cref="ReportImportPipeline"/>).
/// </summary>
public interface ISourceReader
{
    /// <summary>Whether this reader reads files of <paramref name="kind"/> (<see cref="SourceDetector.Detect"/>).</summary>
    bool CanRead(SourceKind kind);

    /// <summary>Reads the whole file <paramref name="bytes"/>, named <paramref name="name"/> (for locations and diagnostics).</summary>
    SourceDocument Read(ReadOnlyMemory<byte> bytes, string name);
}

/// <summary>Helpers the readers share for the <see cref="ISourceReader"/> boundary.</summary>
internal static class SourceReaderBytes
{
    /// <summary>The bytes as an array, without a copy when they already are one.</summary>
    public static byte[] ToArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : bytes.ToArray();
}
