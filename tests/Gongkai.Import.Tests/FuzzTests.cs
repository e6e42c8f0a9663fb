using System.IO.Compression;
using CsCheck;
using Gongkai.Domain.Reports;
using Gongkai.Import.Readers.Docx;
using Gongkai.Import.Readers.Pdf;
using Gongkai.Import.Readers.Rtf;
using Gongkai.Import.Readers.WordBinary;

namespace Gongkai.Import.Tests;

/// <summary>
/// Mangled PDFs, DOCX, Word 97-2003 and RTF files (byte flips, truncation, overwritten spans, zip entries replaced,
/// removed or added) give a <see cref="SourceDocument"/> or a diagnostic: never an exception, never
/// a hang. Fixed seeds and bounded iterations keep the run short and repeatable.
/// </summary>
public class FuzzTests
{
    /// <summary>How long one read may take before the test calls it a hang.</summary>
    private static readonly TimeSpan s_readTimeout = TimeSpan.FromSeconds(20);

    private static readonly byte[][] s_pdfs =
    [
        File.ReadAllBytes(Fixture("pdf", "sample-000", "input.pdf")),
        File.ReadAllBytes(Fixture("pdf", "rich-split", "input.pdf")),
    ];

    private static readonly byte[][] s_docx =
    [
        File.ReadAllBytes(Fixture("docx", "sample-000", "input.docx")),
        File.ReadAllBytes(Fixture("docx", "rich-split", "input.docx")),
    ];

    private static readonly byte[][] s_docs =
    [
        File.ReadAllBytes(Fixture("doc", "sample-000", "input.doc")),
        File.ReadAllBytes(Fixture("doc", "rich-split", "input.doc")),
    ];

    private static readonly byte[][] s_rtfs =
    [
        File.ReadAllBytes(Fixture("rtf", "sample-000", "input.rtf")),
        File.ReadAllBytes(Fixture("rtf", "rich-split", "input.rtf")),
    ];

    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    [Fact]
    public void PdfReader_MutatedPdf_NeverThrowsOrHangs() =>
        SampleMutated(s_pdfs, Mutate, 64, iter: 60, bytes => AssertReads(() => PdfSourceReader.Read(new MemoryStream(bytes), "fuzz.pdf")));

    [Fact]
    public void DocxReader_MutatedBytes_NeverThrowsOrHangs() =>
        SampleMutated(s_docx, Mutate, 64, iter: 150, bytes => AssertReads(() => DocxSourceReader.Read(new MemoryStream(bytes), "fuzz.docx")));

    /// <summary>Word 97-2003 files mangled: the compound file's chains, the FIB, the piece table and the PAPX pages all come from the bytes.</summary>
    [Fact]
    public void WordBinaryReader_MutatedBytes_NeverThrowsOrHangs() =>
        SampleMutated(s_docs, Mutate, 64, iter: 300, bytes =>
        {
            AssertReads(() => WordBinarySourceReader.Read(bytes, "fuzz.doc"));
            Assert.Null(Finishes(() => ReportImporter.Pipeline.Import(new MemoryStream(bytes), "fuzz.doc")).Defect);
        });

    [Fact]
    public void RtfReader_MutatedBytes_NeverThrowsOrHangs() =>
        SampleMutated(s_rtfs, Mutate, 64, iter: 200, bytes =>
        {
            AssertReads(() => RtfSourceReader.Read(bytes, "fuzz.rtf"));
            Assert.Null(Finishes(() => ReportImporter.Pipeline.Import(new MemoryStream(bytes), "fuzz.rtf")).Defect);
        });

    [Fact]
    public void DocxReader_MutatedZipEntries_NeverThrowsOrHangs() =>
        SampleMutated(s_docx, MutateEntries, 32, iter: 50, bytes =>
        {
            AssertReads(() => DocxSourceReader.Read(new MemoryStream(bytes), "fuzz.docx"));
            Assert.Null(Finishes(() => ReportImporter.Pipeline.Import(new MemoryStream(bytes), "fuzz.docx")).Defect);
        });

    /// <summary>
    /// <paramref name="iter"/> files made by <paramref name="mutate"/> (one of four operations, a seed,
    /// up to <paramref name="maxCount"/> changes) from one of <paramref name="sources"/>, each given to
    /// <paramref name="check"/>; fixed seed, two threads.
    /// </summary>
    private static void SampleMutated(byte[][] sources, Func<byte[], int, int, int, byte[]> mutate, int maxCount, int iter, Action<byte[]> check) =>
        Gen.Select(Gen.Int[0, sources.Length - 1], Gen.Int[0, 3], Gen.Int, Gen.Int[1, maxCount]).Sample(
            t =>
            {
                var (file, op, seed, count) = t;
                check(mutate(sources[file], op, seed, count));
            },
            iter: iter,
            seed: "0N0XIzNsQ0O2",
            threads: 2);

    [Fact]
    public void Importer_RandomBytesWithPdfOrZipHeader_NeverThrows()
    {
        Gen.Select(Gen.Bool, Gen.Byte.Array[0, 2000]).Sample(
            t =>
            {
                var (pdf, tail) = t;
                byte[] head = pdf ? "%PDF-1.7\n"u8.ToArray() : "PK\x03\x04"u8.ToArray();
                var bytes = head.Concat(tail).ToArray();
                var result = Finishes(() => ReportImporter.Pipeline.Import(new MemoryStream(bytes), pdf ? "random.pdf" : "random.docx"));
                Assert.Null(result.Defect);
                Assert.Contains(result.Diagnostics, d => d.Code.StartsWith("SOURCE.", StringComparison.Ordinal));
            },
            iter: 200,
            seed: "0N0XIzNsQ0O2",
            threads: 2);
    }

    private static void AssertReads(Func<SourceDocument> read)
    {
        var doc = Finishes(read);
        Assert.NotNull(doc);
        Assert.True(doc.Lines.Length > 0 || doc.Diagnostics.Length > 0, "a document has lines or says why not");
    }

    /// <summary>Runs <paramref name="work"/> on the pool and fails the test if it takes longer than <see cref="s_readTimeout"/>.</summary>
    private static T Finishes<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(s_readTimeout), "the read finished in time");
        return task.Result;
    }

    /// <summary>0: flip bytes; 1: truncate; 2: overwrite a span with random bytes; 3: cut a span out.</summary>
    private static byte[] Mutate(byte[] source, int op, int seed, int count)
    {
        var random = new Random(seed);
        var bytes = (byte[])source.Clone();
        switch (op)
        {
            case 0:
                for (var i = 0; i < count; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                {
                    var at = random.Next(bytes.Length);
                    var span = bytes.AsSpan(at, Math.Min(count * 16, bytes.Length - at));
                    random.NextBytes(span);
                    return bytes;
                }

            default:
                {
                    var at = random.Next(bytes.Length);
                    var length = Math.Min(count * 64, bytes.Length - at);
                    return [.. bytes[..at], .. bytes[(at + length)..]];
                }
        }
    }

    /// <summary>0: replace an entry with random bytes; 1: remove an entry; 2: add random entries; 3: flip bytes inside an entry's XML.</summary>
    private static byte[] MutateEntries(byte[] docx, int op, int seed, int count)
    {
        var random = new Random(seed);
        var entries = new List<(string Name, byte[] Data)>();
        using (var read = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        {
            foreach (var entry in read.Entries)
            {
                using var s = entry.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                entries.Add((entry.FullName, ms.ToArray()));
            }
        }

        var target = random.Next(entries.Count);
        switch (op)
        {
            case 0:
                {
                    var data = new byte[random.Next(count * 32)];
                    random.NextBytes(data);
                    entries[target] = (entries[target].Name, data);
                    break;
                }

            case 1:
                entries.RemoveAt(target);
                break;
            case 2:
                for (var i = 0; i < count; i++)
                {
                    var data = new byte[random.Next(256)];
                    random.NextBytes(data);
                    entries.Add(($"word/random{i}.{(random.Next(2) == 0 ? "xml" : "bin")}", data));
                }

                break;
            default:
                {
                    var data = (byte[])entries[target].Data.Clone();
                    for (var i = 0; i < count && data.Length > 0; i++)
                    {
                        const string noise = "<>/\"=&x \u0000";
                        data[random.Next(data.Length)] = (byte)noise[random.Next(noise.Length)];
                    }

                    entries[target] = (entries[target].Name, data);
                    break;
                }
        }

        using var output = new MemoryStream();
        using (var write = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = write.CreateEntry(name).Open();
                s.Write(data);
            }
        }

        return output.ToArray();
    }
}
