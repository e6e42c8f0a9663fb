using System.Text;

namespace Gongkai.Import.Tests.Readers;

/// <summary>How the bytes of a text report become its text (<see cref="TextDecoding"/>).</summary>
public sealed class TextDecodingTests
{
    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A UTF-8 byte order mark (Notepad, LibreOffice's text export) is not part of the text. It was
    /// kept until 2026-12-06 (the test compared with <c>"\xEF\xBB\xBF"u8</c>, which is six bytes, the
    /// UTF-8 of U+00EF U+00BB U+00BF), so the agency read from a title on the first line began with U+FEFF.
    /// </summary>
    [Fact]
    public void Utf8ByteOrderMark_IsDropped()
    {
        var text = TextDecoding.Decode([.. s_bom, .. Encoding.UTF8.GetBytes("某县2024年度报告")], out var encoding);

        Assert.Equal("某县2024年度报告", text);
        Assert.Equal("utf-8-bom", encoding);
    }

    [Fact]
    public void Utf8ByteOrderMark_BeforeTitle_AgencyHasNoMark()
    {
        // The title on the first line, right after the mark (the fixture encoding-utf8-bom has an empty line first).
        var sample = File.ReadAllText(Path.Combine(ReportFixtureTests.FixturePath("reports"), "sample-000-tabs", "input.txt")).TrimStart();
        using var stream = new MemoryStream([.. s_bom, .. Encoding.UTF8.GetBytes(sample)]);

        var report = ReportImporter.Import(stream, "report.txt");

        Assert.Equal("兰陵县卫健局", report.Agency);
    }

    [Fact]
    public void Utf8ByteOrderMark_BeforeMarkup_IsHtml()
    {
        var bytes = (byte[])[.. s_bom, .. Encoding.UTF8.GetBytes("<html><body><p>某县</p></body></html>")];

        Assert.Equal(SourceKind.Html, ReportImporter.Detect(bytes, "report.txt"));
    }
}
