using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

/// <summary>
/// Hostile files posted to the upload API (<c>/api/reports/check</c>) of one app (issue 13): each is
/// answered with a clear Chinese refusal (422, naming the limit) or a result, within a time bound,
/// and the process's peak memory stays far below what the same files cost before the import budget
/// (2.9-4.1 GB). The files are generated here. Memory is measured alone (no other test collection runs
/// beside these), as the growth of the peak resident set over the resident set before each upload.
/// </summary>
[Collection("measured alone")]
public sealed class HostileUploadTests(HostileUploadTests.App shared) : IClassFixture<HostileUploadTests.App>
{
    private const long MB = 1024 * 1024;

    /// <summary>How far one upload may raise the process's peak resident memory (one such file took it to 2.9-4.1 GB before).</summary>
    private const long MaxGrowthBytes = 512 * MB;

    private StaffClient Officer => shared.Officer;

    public static TheoryData<string, string, int> Files => new()
    {
        { "numbers19mb", "SOURCE.too-large", 15 },
        { "paragraphs19mb", "SOURCE.too-large", 15 },
        { "divs50000", "SOURCE.too-deep", 5 },
        { "tables5000", "SOURCE.too-deep", 5 },
        { "utf16", "SOURCE.not-a-report", 5 },
        { "random", "", 5 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Upload_HostileFile_IsAnsweredWithinBounds(string file, string code, int seconds)
    {
        var (bytes, name) = Make(file);
        var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new("application/octet-stream");
        var before = ResetPeak();
        var clock = Stopwatch.StartNew();
        var response = await Officer.Http.PostAsync($"/api/reports/check?name={name}", body);
        var elapsed = clock.Elapsed;
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(elapsed.TotalSeconds < seconds, $"{file}: answered in {elapsed.TotalSeconds:0.0} s, bound {seconds} s");
        var growth = Status("VmHWM:") - before;
        Assert.True(growth < MaxGrowthBytes, $"{file}: peak resident memory rose by {growth / MB} MB (from {before / MB} MB)");
        if (code.Length == 0)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{file}: {response.StatusCode}");
            return;
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith("无法读取该文件：", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
        if (code == "SOURCE.too-large")
        {
            Assert.Contains("上限", detail, StringComparison.Ordinal);
        }
        else if (code == "SOURCE.too-deep")
        {
            Assert.Contains("嵌套层数过深", detail, StringComparison.Ordinal);
        }
    }

    private static (byte[] Bytes, string Name) Make(string file) => file switch
    {
        "numbers19mb" => (Encoding.ASCII.GetBytes(Repeat("1 ", (int)(19 * MB / 2))), "numbers.txt"),
        "paragraphs19mb" => (Encoding.ASCII.GetBytes("<html><body>" + Repeat("<p>1 2 3</p>", (int)(19 * MB / 12)) + "</body></html>"), "paragraphs.html"),
        "divs50000" => (Encoding.ASCII.GetBytes("<html><body>" + Repeat("<div>", 50_000) + "x" + Repeat("</div>", 50_000) + "</body></html>"), "divs.html"),
        "tables5000" => (Docx(Repeat("<w:tbl><w:tr><w:tc>", 5000) + "<w:p/>" + Repeat("</w:tc></w:tr></w:tbl>", 5000)), "tables.docx"),
        "utf16" => ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("年度报告\n" + string.Concat(Enumerable.Range(0x80, 0xFF80).Select(c => (char)c)))], "utf16.txt"),
        _ => (RandomBytes(), "random.pdf"),
    };

    private static byte[] RandomBytes()
    {
        var bytes = new byte[64 * 1024];
        new Random(13).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    private static byte[] Docx(string bodyXml)
    {
        const string types = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
        const string rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";
        var document = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""" + bodyXml + "</w:body></w:document>";
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document) })
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return ms.ToArray();
    }

    /// <summary>
    /// Resets the process's peak resident set to its current size (Linux: <c>5</c> to <c>/proc/self/clear_refs</c>)
    /// and returns that size, so <c>VmHWM</c> afterwards is the peak of what follows.
    /// </summary>
    private static long ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Status("VmRSS:");
    }

    /// <summary>A size line of <c>/proc/self/status</c> (<c>VmHWM:</c>, <c>VmRSS:</c>) in bytes.</summary>
    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>One app and one signed-in officer for every file (the files are independent).</summary>
#pragma warning disable CA1001 // The app is disposed by xUnit through IAsyncLifetime.DisposeAsync.
    public sealed class App : IAsyncLifetime
#pragma warning restore CA1001
    {
        private readonly GongkaiApp _app = new();

        public StaffClient Officer { get; private set; } = null!;

        public async Task InitializeAsync() => Officer = await StaffClient.CreateAsync(_app, DemoUsers.HealthOfficer);

        public async Task DisposeAsync() => await _app.DisposeAsync();
    }
}
