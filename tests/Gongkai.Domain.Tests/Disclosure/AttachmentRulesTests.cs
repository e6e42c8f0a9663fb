using System.IO.Compression;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class AttachmentRulesTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in entries)
            {
                zip.CreateEntry(e);
            }
        }

        return ms.ToArray();
    }

    private static readonly byte[] s_pdf = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
    private static readonly byte[] s_ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0];

    public static TheoryData<string, byte[]> Accepted => new()
    {
        { "通知.pdf", s_pdf },
        { "通知.PDF", s_pdf },
        { "通知.docx", Zip("[Content_Types].xml", "word/document.xml") },
        { "通知.doc", s_ole2 },
        { "分配表.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml") },
        { "分配表.xls", s_ole2 },
        { "公文.ofd", Zip("OFD.xml", "Doc_0/Document.xml") },
        { "现场.jpg", s_jpeg },
        { "现场.jpeg", s_jpeg },
        { "截图.png", s_png },
        { "材料.zip", Zip("a.txt") },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Refusal_AllowedTypeWithMatchingContent_None(string name, byte[] content) =>
        Assert.Null(AttachmentRules.Refusal(name, content));

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "程序.exe", [0x4D, 0x5A], DisclosureCodes.UploadTypeNotAllowed },
        { "网页.html", "<html>"u8.ToArray(), DisclosureCodes.UploadTypeNotAllowed },
        { "无扩展名", s_pdf, DisclosureCodes.UploadTypeNotAllowed },
        { "空.pdf", [], DisclosureCodes.UploadEmpty },
        { "改名的.pdf", s_png, DisclosureCodes.UploadContentMismatch },
        { "改名的.docx", Zip("readme.txt"), DisclosureCodes.UploadContentMismatch },
        { "改名的.xlsx", Zip("[Content_Types].xml", "word/document.xml"), DisclosureCodes.UploadContentMismatch },
        { "改名的.ofd", Zip("a.txt"), DisclosureCodes.UploadContentMismatch },
        { "改名的.doc", s_pdf, DisclosureCodes.UploadContentMismatch },
        { "改名的.jpg", s_png, DisclosureCodes.UploadContentMismatch },
        { "改名的.zip", s_pdf, DisclosureCodes.UploadContentMismatch },
        { "坏的.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], DisclosureCodes.UploadContentMismatch },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refusal_WrongTypeOrContent_Code(string name, byte[] content, string code)
    {
        Assert.Equal(code, AttachmentRules.Refusal(name, content));
        Assert.DoesNotContain(code, DisclosureCodes.Messages.Zh(code), StringComparison.Ordinal); // a Chinese message, not the code
    }

    [Fact]
    public void Refusal_OverSizeLimit_TooLarge()
    {
        var big = new byte[AttachmentRules.MaxBytes + 1];
        s_pdf.CopyTo(big, 0);
        Assert.Equal(DisclosureCodes.UploadTooLarge, AttachmentRules.Refusal("大.pdf", big));
        Assert.Null(AttachmentRules.Refusal("刚好.pdf", big.AsSpan(0, (int)AttachmentRules.MaxBytes)));
    }

    [Theory]
    [InlineData(@"C:\fakepath\补助资金分配表.pdf", "补助资金分配表.pdf")]
    [InlineData("../../etc/通知.pdf", "通知.pdf")]
    [InlineData("通\u0000知.pdf", "通知.pdf")]
    public void CleanName_PathAndControlCharactersRemoved(string raw, string clean) =>
        Assert.Equal(clean, AttachmentRules.CleanName(raw));

    [Fact]
    public void CleanName_TooLong_KeepsExtension()
    {
        var name = AttachmentRules.CleanName(new string('长', 500) + ".pdf");
        Assert.Equal(AttachmentRules.MaxNameLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void CountRefusal_OverMaxPerItem_TooMany()
    {
        Assert.Null(AttachmentRules.CountRefusal(AttachmentRules.MaxPerItem - 1, 1));
        Assert.Equal(DisclosureCodes.UploadTooMany, AttachmentRules.CountRefusal(AttachmentRules.MaxPerItem, 1));
    }

    [Fact]
    public void Checker_UploadedAttachment_NotMissing_LinkedOneStillChecked()
    {
        var item = TestData.Item() with
        {
            Attachments =
            [
                new Attachment("分配表.pdf", "application/pdf", true, null, Guid.NewGuid(), 1234, new string('a', 64)),
                new Attachment("旧附件.pdf", "application/pdf", true, "/zwgk/old.pdf"),
            ],
        };
        var missing = Assert.Single(TestData.Check(item).Findings, f => f.Kind == FindingKind.AttachmentMissing);
        Assert.Equal(1, missing.Position.Start);
    }
}
