using System.Net;
using System.Text.Json;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

/// <summary>Smaller hostile inputs (issue 13, defect 9): attachment locations that lead elsewhere, request bodies over the limit.</summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("/files/附件1.pdf", true, true)]
    [InlineData("/", true, true)]
    [InlineData("https://www.lanling.gov.cn/files/1.pdf", false, true)]
    [InlineData("//evil.example/x.pdf", false, false)]
    [InlineData("/\\evil.example/x.pdf", false, false)]
    [InlineData("\\\\evil.example\\share\\x.pdf", false, false)]
    [InlineData("/files\\..\\x.pdf", false, false)]
    [InlineData("http:evil.example/x.pdf", false, false)]
    [InlineData("http:/evil.example/x.pdf", false, false)]
    [InlineData("javascript:alert(1)", false, false)]
    [InlineData("JavaScript:alert(1)//.pdf", false, false)]
    [InlineData("data:application/pdf;base64,AAAA", false, false)]
    [InlineData("file:///etc/passwd", false, false)]
    [InlineData(" /files/1.pdf", false, false)]
    [InlineData("/files/1.pdf\n", false, false)]
    [InlineData("files/1.pdf", false, false)]
    [InlineData("", false, false)]
    public void AttachmentLocation_OnlySitePathsAreLocal_OnlyThoseAndHttpUrlsAreLinks(string location, bool local, bool linkable)
    {
        Assert.Equal(local, Attachment.IsSitePath(location));
        Assert.Equal(linkable, Attachment.IsLinkable(location));
    }

    [Theory]
    [InlineData("//evil.example/x.pdf")]
    [InlineData("\\\\evil.example\\x.pdf")]
    [InlineData("javascript:alert(1)")]
    public async Task ItemChecker_AttachmentElsewhere_IsMissing_AndBlocksPublication(string location)
    {
        // The site's own checker would call "//evil.example/x.pdf" an unchecked external link and let it through.
        var checker = new ItemChecker(WrongWordList.Default, new SiteLinkChecker(["www.lanling.gov.cn"], [location, "/files/1.pdf"]));
        var item = new DisclosureItem
        {
            Id = Guid.NewGuid(),
            Title = "关于2025年预算的公告",
            Publisher = "兰陵县卫生健康局",
            WrittenOn = new DateOnly(2025, 3, 1),
            ChangedOn = new DateOnly(2025, 3, 2),
            Art20Number = 7,
            CatalogueCode = "art20-07",
            Validity = Validity.InForce(new DateOnly(2025, 3, 1)),
            Body = "正文",
            Attachments = [new Attachment("附件1.pdf", "application/pdf", true, location), new Attachment("附件2.pdf", "application/pdf", true, "/files/1.pdf")],
            Channels = Channels.Website,
            Kind = DocumentKind.Other,
        };
        var findings = (await checker.CheckAsync(item, new DateOnly(2025, 3, 3))).Findings;
        var missing = Assert.Single(findings, f => f.Kind == FindingKind.AttachmentMissing);
        Assert.Equal(0, missing.Position.Start);
        Assert.True(missing.Blocking);
    }

    [Fact]
    public async Task Upload_BodyOverTheLimit_ChinesePageNamingTheLimit_NotTheGeneric400()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var token = await officer.TokenAsync("/Reports/Upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[23 * 1024 * 1024]), "ReportFile", "big.txt" },
        };
        var response = await officer.Http.PostAsync("/Reports/Upload", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("文件过大", html);
        Assert.Contains("上限为 20 MB", html);
        Assert.DoesNotContain("请求无效", html);
    }

    [Theory]
    [InlineData("/Workspace/Report")]
    [InlineData("/Reports/Upload")]
    public async Task EveryUploadPage_BodyOverTheLimit_Is413(string page)
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        using var content = new ByteArrayContent(new byte[22 * 1024 * 1024]);
        content.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        var response = await officer.Http.PostAsync(page, content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上限为 20 MB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_BodyOverTheLimit_ProblemDetailsWithCodeAndLimit()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        using var body = new ByteArrayContent(new byte[22 * 1024 * 1024]);
        body.Headers.ContentType = new("application/octet-stream");
        var response = await officer.Http.PostAsync("/api/reports/check?name=big.txt", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("upload.too-large", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("上限为 20 MB", problem.RootElement.GetProperty("detail").GetString());
    }
}
