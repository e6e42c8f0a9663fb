using System.Text;
using CsCheck;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests;

/// <summary>No text, however mangled, makes the text or HTML importer throw.</summary>
public class TextFuzzTests
{
    private static readonly string[] s_inputs = Directory.GetDirectories(ReportFixtureTests.FixturePath("reports"))
        .SelectMany(d => Directory.GetFiles(d, "input.*"))
        .Where(f => !f.EndsWith(".pdf", StringComparison.Ordinal) && !f.EndsWith(".docx", StringComparison.Ordinal))
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Import_MutatedTextAndHtml_NeverThrows()
    {
        var gen = Gen.Select(Gen.Int[0, s_inputs.Length - 1], Gen.Int[0, 5], Gen.Int, Gen.Int[1, 200]);
        gen.Sample(
            t =>
            {
                var (file, op, seed, len) = t;
                var bytes = File.ReadAllBytes(s_inputs[file]);
                var mutated = Mutate(bytes, op, seed, len);
                var result = ReportImporter.Pipeline.Import(new MemoryStream(mutated), Path.GetFileName(s_inputs[file]));
                Assert.Null(result.Defect);
                _ = ReportJson.Serialize(result.ToReport());
            },
            iter: 300,
            seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Import_RandomUnicodeText_NeverThrows()
    {
        Gen.String[Gen.Char[(char)0, (char)0x9fff], 0, 400].Sample(
            s =>
            {
                var result = ReportImporter.Pipeline.Import(new MemoryStream(Encoding.UTF8.GetBytes(s)), "random.txt");
                Assert.Null(result.Defect);
                Assert.Equal(result.IsReadable, result.Report is not null);
            },
            iter: 300,
            seed: "0N0XIzNsQ0O2");
    }

    private static byte[] Mutate(byte[] bytes, int op, int seed, int len)
    {
        var rnd = new Random(seed);
        var list = new List<byte>(bytes);
        switch (op)
        {
            case 0:
                for (var i = 0; i < len && list.Count > 0; i++)
                {
                    list[rnd.Next(list.Count)] = (byte)rnd.Next(256);
                }

                break;
            case 1:
                return [.. list.Take(rnd.Next(list.Count + 1))];
            case 2:
                var start = rnd.Next(list.Count);
                list.RemoveRange(start, Math.Min(len, list.Count - start));
                break;
            case 3:
                var from = rnd.Next(list.Count);
                var chunk = list.Skip(from).Take(len).ToArray();
                list.InsertRange(rnd.Next(list.Count), chunk);
                break;
            case 4:
                var text = Encoding.UTF8.GetString(bytes).Replace('\t', "\t\t|"[rnd.Next(3)]);
                return Encoding.UTF8.GetBytes(text.Replace("0", rnd.Next(2) == 0 ? "/" : string.Empty, StringComparison.Ordinal));
            default:
                var lines = Encoding.UTF8.GetString(bytes).Split('\n').OrderBy(_ => rnd.Next()).ToArray();
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }

        return [.. list];
    }
}
