using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Disclosure;

/// <summary>
/// Issue 14 item 5 on both databases: 保密审查 and 合法性审查 by two different people, neither the
/// drafter; 保密审查 refused while personal data is open unless a reason is recorded (stored, shown,
/// audited); attachments uploaded within the type and size limits, downloadable by staff and, once
/// published, by the public.
/// </summary>
public sealed partial class DisclosureDutiesTests
{
    private static Dictionary<string, string> Draft(string title, string body) => new()
    {
        ["Input.Title"] = title,
        ["Input.Publisher"] = "兰陵县卫生健康局",
        ["Input.WrittenOn"] = "2025-02-10",
        ["Input.Art20Number"] = "11",
        ["Input.Kind"] = "Other",
        ["Input.Validity"] = "InForce",
        ["Input.Website"] = "true",
        ["Input.Body"] = body,
    };

    /// <summary>Submits a draft through the form; returns the review page's path.</summary>
    private static async Task<string> SubmitAsync(StaffClient drafter, string title, string body)
    {
        var created = await drafter.PostFormAsync("/Disclosure/Edit", Draft(title, body), "/Disclosure/Edit?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.OriginalString;
    }

    private static async Task<string> StateAsync(StaffClient client, string review) =>
        StateRegex().Match(await client.Http.GetStringAsync(review)).Groups[1].Value;

    /// <summary>Posts the edit form as multipart, with <paramref name="files"/> in its file field.</summary>
    private static async Task<HttpResponseMessage> PostWithFilesAsync(StaffClient client, Dictionary<string, string> fields, string handler, params (string Name, byte[] Content)[] files)
    {
        var token = await client.TokenAsync("/Disclosure/Edit");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Uploads", name);
        }

        return await client.Http.PostAsync($"/Disclosure/Edit?handler={handler}", form);
    }

    [DatabaseTheory]
    public async Task Reviews_TwoDifferentPeopleNeitherTheDrafter_RefusalsInChinese_Audited(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var legal = await StaffClient.CreateAsync(app, DemoUsers.HealthLegal);
        var review = await SubmitAsync(officer, "关于2025年家庭医生签约服务情况的公示", "现将签约服务情况予以公示。");

        // The drafter (an officer) sees no review button.
        var officerPage = await officer.Http.GetStringAsync(review);
        Assert.DoesNotContain("保密审查通过</button>", officerPage, StringComparison.Ordinal);
        Assert.Contains("id=\"own-draft-note\"", officerPage, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await approver.PostFormAsync(review, [], $"{review}&handler=Secrecy")).StatusCode);
        Assert.Equal("合法性审查中", await StateAsync(approver, review));

        // The 保密审查 reviewer has no 合法性审查 button, and a post is refused with the catalogue's message.
        var secondLook = await approver.Http.GetStringAsync(review);
        Assert.DoesNotContain("合法性审查通过（审核）</button>", secondLook, StringComparison.Ordinal);
        Assert.Contains("id=\"same-reviewer-note\"", secondLook, StringComparison.Ordinal);
        var same = await approver.PostFormAsync(review, [], $"{review}&handler=Legality");
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.SameReviewer), await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("合法性审查中", await StateAsync(approver, review));

        Assert.Equal(HttpStatusCode.Redirect, (await legal.PostFormAsync(review, [], $"{review}&handler=Legality")).StatusCode);
        Assert.Equal("已审核待发布", await StateAsync(legal, review));

        // An approver who drafts an item may not review it: refused with the catalogue's message.
        var own = await SubmitAsync(legal, "法制审核员起草的信息", "正文。");
        var refused = await legal.PostFormAsync(own, [], $"{own}&handler=Secrecy");
        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.OwnDraft), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("保密审查中", await StateAsync(legal, own));

        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.EntityType == "disclosure").OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "disclosure.secrecy-passed" && a.UserName == DemoUsers.HealthApprover);
        Assert.Contains(audit, a => a.Action == "disclosure.legality-passed" && a.UserName == DemoUsers.HealthLegal);
        Assert.Contains(audit, a => a.Action == "disclosure.submitted" && a.UserName == DemoUsers.HealthOfficer);
        Assert.DoesNotContain(audit, a => a.Action == "disclosure.legality-passed" && a.UserName == DemoUsers.HealthApprover);
    }

    [DatabaseTheory]
    public async Task Secrecy_PersonalDataOpen_NeedsReason_StoredShownAudited(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        // 371324198506150014: the form of a 居民身份证 number with a wrong check character (should be 3).
        var review = await SubmitAsync(officer, "关于补助对象的公示", "补助对象：张三，身份证号371324198506150014。");
        var page = await approver.Http.GetStringAsync(review);
        Assert.Contains("data-kind=\"IdNumberWrongCheck\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"personalDataReason\"", page, StringComparison.Ordinal);

        var refused = await approver.PostFormAsync(review, [], $"{review}&handler=Secrecy");
        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.PersonalDataOpen), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("保密审查中", await StateAsync(approver, review));

        const string reason = "补助对象名单依政策须公示，身份证号经本人书面同意";
        var passed = await approver.PostFormAsync(review, new() { ["personalDataReason"] = reason }, $"{review}&handler=Secrecy");
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        page = await approver.Http.GetStringAsync(review);
        Assert.Equal("合法性审查中", StateRegex().Match(page).Groups[1].Value);
        Assert.Contains("已接受：" + reason, page, StringComparison.Ordinal);

        var steps = await app.WithDbAsync(d => d.Set<DisclosureStepRecord>().AsNoTracking().Where(s => s.Kind == nameof(StepKind.FindingAccepted)).ToListAsync());
        Assert.Equal(reason, Assert.Single(steps).Comment);
        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.Action == "disclosure.finding-accepted").ToListAsync());
        Assert.Contains(reason, Assert.Single(audit).Detail, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    public async Task Upload_LimitsRefusedInChinese_StoredWithHash_DownloadAfterPublication(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var fields = Draft("2025年基本公共卫生服务补助资金分配表", "分配情况见附件。");

        async Task<string> RefusedAsync(string name, byte[] content)
        {
            var r = await PostWithFilesAsync(officer, fields, "Save", (name, content));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return await r.Content.ReadAsStringAsync();
        }

        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.UploadTypeNotAllowed), await RefusedAsync("程序.exe", [0x4D, 0x5A, 0x90]), StringComparison.Ordinal);
        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.UploadContentMismatch), await RefusedAsync("假装的.pdf", "这不是PDF"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.UploadContentMismatch), await RefusedAsync("压缩包改名.docx", TestFiles.Zip("readme.txt")), StringComparison.Ordinal);
        var tooBig = new byte[AttachmentRules.MaxBytes + 1];
        "%PDF-1.4"u8.CopyTo(tooBig);
        Assert.Contains(DisclosureCodes.Messages.Zh(DisclosureCodes.UploadTooLarge), await RefusedAsync("超大.pdf", tooBig), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<DisclosureRecord>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<DisclosureFileRecord>().CountAsync()));

        var pdf = TestFiles.Pdf();
        var created = await PostWithFilesAsync(officer, fields, "Submit", ("C:\\fakepath\\补助资金分配表.pdf", pdf), ("说明.docx", TestFiles.Docx()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var review = created.Headers.Location!.OriginalString;
        var stored = await app.WithDbAsync(d => d.Set<DisclosureFileRecord>().AsNoTracking().OrderBy(f => f.Name).ToListAsync());
        Assert.Equal(["补助资金分配表.pdf", "说明.docx"], stored.Select(f => f.Name).Order(StringComparer.Ordinal));
        var file = stored.Single(f => f.Name.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal((pdf.LongLength, Convert.ToHexStringLower(SHA256.HashData(pdf)), "application/pdf"), (file.Size, file.Sha256, file.ContentType));

        // A text PDF is no scan: no finding about the attachments.
        var page = await officer.Http.GetStringAsync(review);
        Assert.DoesNotContain("data-kind=\"ScannedAttachment\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-kind=\"AttachmentMissing\"", page, StringComparison.Ordinal);

        // Staff of the agency download it in any state; the public and other agencies get nothing until it is published.
        var staffPath = $"/Disclosure/File/{file.Id}";
        Assert.Contains(staffPath, page, StringComparison.Ordinal);
        Assert.Equal(pdf, await officer.Http.GetByteArrayAsync(staffPath));
        var visitor = StaffClient.Anonymous(app);
        var publicPath = $"/gk/file/{file.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(publicPath)).StatusCode);
        var land = await StaffClient.CreateAsync(app, DemoUsers.LandOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await land.Http.GetAsync(staffPath)).StatusCode);

        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var legal = await StaffClient.CreateAsync(app, DemoUsers.HealthLegal);
        foreach (var (reviewer, handler) in new[] { (approver, "Secrecy"), (legal, "Legality"), (approver, "Publish") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(review, [], $"{review}&handler={handler}")).StatusCode);
        }

        var itemPath = IndexLinkRegex().Match(await approver.Http.GetStringAsync(review)).Groups[1].Value;
        var itemPage = await visitor.Http.GetStringAsync(itemPath);
        Assert.Contains(publicPath, itemPage, StringComparison.Ordinal);
        var download = await visitor.Http.GetAsync(publicPath);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("补助资金分配表.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Upload_BodyOverTheRequestLimit_Is413NamingTheLimit()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        using var content = new ByteArrayContent(new byte[22 * 1024 * 1024]);
        content.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        var response = await officer.Http.PostAsync("/Disclosure/Edit?handler=Save", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上限为 20 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<td id=\"state\">([^<]*)</td>")]
    private static partial Regex StateRegex();

    [GeneratedRegex("<a href=\"(/gk/[^\"]+)\">查看公开页面</a>")]
    private static partial Regex IndexLinkRegex();
}
