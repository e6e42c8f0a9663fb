using System.IO.Compression;

namespace Gongkai.Import;

/// <summary>
/// Checks a zip container against <see cref="ImportLimits"/> before anything trusts it: the number
/// of entries, each entry's and the total expanded size, and the compression ratio. Sizes are
/// measured by expanding the entries (the sizes a zip declares can lie), stopping as soon as a
/// limit is passed, so a zip bomb costs at most the limit in time and nothing in memory.
/// </summary>
public static class ZipCheck
{
    /// <summary>The outcome: the entry names, and the limit that was passed (a Chinese message) or null.</summary>
    public sealed record Result(HashSet<string> Entries, string? Problem);

    public static Result Inspect(byte[] bytes, long maxEntryBytes)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        return Inspect(ms, maxEntryBytes);
    }

    /// <summary>Inspects the zip in <paramref name="stream"/> (seekable). Throws <see cref="InvalidDataException"/> for a broken zip.</summary>
    public static Result Inspect(Stream stream, long maxEntryBytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.Entries.Count > ImportLimits.MaxZipEntries)
        {
            return new Result(names, $"压缩包条目过多（{archive.Entries.Count}），上限为 {ImportLimits.MaxZipEntries}");
        }

        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            names.Add(entry.FullName);
            if (entry.Length > maxEntryBytes)
            {
                return new Result(names, $"压缩包中的 {entry.FullName} 过大（{entry.Length / 1024 / 1024} MB），上限为 {maxEntryBytes / 1024 / 1024} MB");
            }

            var size = 0L;
            using (var content = entry.Open())
            {
                int n;
                while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    size += n;
                    total += n;
                    if (size > maxEntryBytes)
                    {
                        return new Result(names, $"压缩包中的 {entry.FullName} 解压后过大，上限为 {maxEntryBytes / 1024 / 1024} MB");
                    }

                    if (total > ImportLimits.MaxZipUncompressedBytes)
                    {
                        return new Result(names, $"压缩包解压后总大小超过上限 {ImportLimits.MaxZipUncompressedBytes / 1024 / 1024} MB");
                    }

                    if (size > ImportLimits.CompressionRatioFloorBytes && size > ImportLimits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    {
                        return new Result(names, $"压缩包中的 {entry.FullName} 压缩比异常（超过 {ImportLimits.MaxCompressionRatio}:1），疑似压缩炸弹");
                    }
                }
            }
        }

        return new Result(names, null);
    }
}
