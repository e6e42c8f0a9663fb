using System.Net;
using System.Text.Json;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Disclosure;

/// <summary>HTTP-level tests of proactive disclosure on both databases: the 流水号 allocator, the feeds, access.</summary>
public sealed class DisclosureWebTests
{
    [DatabaseTheory]
    public async Task Allocator_ConcurrentContexts_NumbersUnique(Db db)
    {
        await using var app = new GongkaiApp(db);
        _ = app.Server;
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var allocator = new DbIndexSequenceAllocator(scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>());
            return await allocator.NextAsync("TEST/2025-{seq}");
        }));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), numbers.Order());
    }

    [DatabaseTheory]
    public async Task Publish_ThroughPages_FeedsAndCatalogueShowIt(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var created = await officer.PostFormAsync("/Disclosure/Edit", new()
        {
            ["Input.Title"] = "兰陵县卫生健康局2025年部门预算公开",
            ["Input.Publisher"] = "兰陵县卫生健康局",
            ["Input.WrittenOn"] = "2025-02-10",
            ["Input.Art20Number"] = "7",
            ["Input.Kind"] = "Other",
            ["Input.Validity"] = "InForce",
            ["Input.Website"] = "true",
            ["Input.WeChat"] = "true",
            ["Input.Body"] = "按照预算公开要求，现将部门预算公开如下。",
        }, "/Disclosure/Edit?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var review = created.Headers.Location!.OriginalString;

        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var legal = await StaffClient.CreateAsync(app, DemoUsers.HealthLegal);
        foreach (var (reviewer, handler) in new[] { (approver, "Secrecy"), (legal, "Legality"), (approver, "Publish") })
        {
            var r = await reviewer.PostFormAsync(review, [], $"{review}&handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        var visitor = await StaffClient.CreateAsync(app, null);
        var rss = await visitor.Http.GetStringAsync("/gk/feed.xml");
        Assert.Contains("兰陵县卫生健康局2025年部门预算公开", rss, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await visitor.Http.GetStringAsync("/gk/feed.json"));
        var item = json.RootElement.GetProperty("items")[0];
        var index = item.GetProperty("_gongkai").GetProperty("index_number").GetString()!;
        Assert.True(IndexNumberParser.TryParse(index, out _));
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync(new Uri(item.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);

        var catalogue = await visitor.Http.GetStringAsync("/Portal/Catalogue?category=7&year=" + TestDates.Today.Year + "&q=" + Uri.EscapeDataString("部门预算"));
        Assert.Contains(index, catalogue, StringComparison.Ordinal);
        Assert.DoesNotContain(index, await visitor.Http.GetStringAsync("/Portal/Catalogue?category=1"), StringComparison.Ordinal);

        // A correction keeps the 索引号 and shows its public note; a withdrawal keeps the URL but leaves the 目录.
        var itemPath = new Uri(item.GetProperty("url").GetString()!).AbsolutePath;
        var corrected = await approver.PostFormAsync(review, new() { ["body"] = "按照预算公开要求，现将部门预算（更正版）公开如下。", ["note"] = "第一段表述有误，已更正" }, $"{review}&handler=Correct");
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var page = await visitor.Http.GetStringAsync(itemPath);
        Assert.Contains("更正说明", page, StringComparison.Ordinal);
        Assert.Contains("更正版", page, StringComparison.Ordinal);
        Assert.Contains(index, page, StringComparison.Ordinal);

        var withdrawn = await approver.PostFormAsync(review, new() { ["note"] = "该预算已被调整预算替代" }, $"{review}&handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("该信息已撤回", await visitor.Http.GetStringAsync(itemPath), StringComparison.Ordinal);
        Assert.DoesNotContain(index, await visitor.Http.GetStringAsync("/Portal/Catalogue"), StringComparison.Ordinal);
        var versions = await app.WithDbAsync(d => Task.FromResult(d.Set<DisclosureVersionRecord>().Count()));
        Assert.Equal(1, versions);
    }

    [DatabaseTheory]
    public async Task PublishingARuleOrNormativeDocument_EntersItInTheTable2Register_Once(Db db)
    {
        await using var app = new GongkaiApp(db);
        var agency = await app.WithDbAsync(d => d.Agencies.Where(a => a.Code == "LLWJ").Select(a => a.Id).SingleAsync());
        // A 行政规范性文件 already typed into the register by hand: publishing it must not count it twice.
        await app.WithDbAsync(async d =>
        {
            d.RegulatoryDocuments.Add(new RegulatoryDocumentRecord { Id = Guid.NewGuid(), AgencyId = agency, Kind = RegulatoryDocumentKind.NormativeDocument, Title = "关于印发医疗机构管理办法的通知", DocumentNumber = "兰卫发〔2025〕3号", IssuedOn = new DateOnly(2025, 3, 1) });
            return await d.SaveChangesAsync();
        });
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var approver = await StaffClient.CreateAsync(app, DemoUsers.HealthApprover);
        var legal = await StaffClient.CreateAsync(app, DemoUsers.HealthLegal);
        async Task<Guid> PublishAsync(string title, string number, string kind, string validity, string? ended = null)
        {
            var created = await officer.PostFormAsync("/Disclosure/Edit", new()
            {
                ["Input.Title"] = title,
                ["Input.DocumentNumber"] = number,
                ["Input.Publisher"] = "兰陵县卫生健康局",
                ["Input.WrittenOn"] = "2025-02-10",
                ["Input.Art20Number"] = "1",
                ["Input.Kind"] = kind,
                ["Input.Validity"] = validity,
                ["Input.EndedOn"] = ended ?? "",
                ["Input.Website"] = "true",
                ["Input.Body"] = "现予公布，自公布之日起施行。",
            }, "/Disclosure/Edit?handler=Submit");
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var review = created.Headers.Location!.OriginalString;
            foreach (var (reviewer, handler) in new[] { (approver, "Secrecy"), (legal, "Legality"), (approver, "Publish") })
            {
                Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(review, [], $"{review}&handler={handler}")).StatusCode);
            }

            return Guid.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), review).Query)["id"]!);
        }

        var rule = await PublishAsync("兰陵县卫生健康局行政规范性文件管理规定", "兰卫发〔2025〕1号", "NormativeDocument", "InForce");
        var repealed = await PublishAsync("关于废止部分行政规范性文件的决定", "兰卫发〔2025〕2号", "NormativeDocument", "Repealed", "2025-06-30");
        await PublishAsync("关于印发医疗机构管理办法的通知", "兰卫发〔2025〕3号", "NormativeDocument", "InForce");
        await PublishAsync("2025年部门预算", "", "Other", "InForce");

        var register = await app.WithDbAsync(d => d.RegulatoryDocuments.AsNoTracking().Where(r => r.AgencyId == agency).ToListAsync());
        Assert.Equal(3, register.Count);
        var entered = register.Single(r => r.Id == rule);
        Assert.Equal((RegulatoryDocumentKind.NormativeDocument, "兰卫发〔2025〕1号", new DateOnly(2025, 2, 10), (DateOnly?)null), (entered.Kind, entered.DocumentNumber, entered.IssuedOn, entered.RepealedOn));
        Assert.Equal(new DateOnly(2025, 6, 30), register.Single(r => r.Id == repealed).RepealedOn);
        Assert.Single(register, r => r.DocumentNumber == "兰卫发〔2025〕3号");
    }

    /// <summary>
    /// Issue 12: the desk listed items ordered by their last change, a DateTimeOffset, which SQLite
    /// cannot order by, so the desk answered 500 for every officer and approver.
    /// </summary>
    [DatabaseTheory]
    public async Task Desk_ItemsOrderedByLastChange_OpensForOfficerAndApprover(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        foreach (var title in new[] { "第一条先保存的草稿", "第二条后保存的草稿" })
        {
            var created = await officer.PostFormAsync("/Disclosure/Edit", new()
            {
                ["Input.Title"] = title,
                ["Input.Publisher"] = "兰陵县卫生健康局",
                ["Input.WrittenOn"] = "2025-02-10",
                ["Input.Art20Number"] = "7",
                ["Input.Kind"] = "Other",
                ["Input.Validity"] = "InForce",
                ["Input.Website"] = "true",
                ["Input.Body"] = "正文。",
            }, "/Disclosure/Edit?handler=Save");
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        foreach (var client in new[] { officer, await StaffClient.CreateAsync(app, DemoUsers.HealthApprover) })
        {
            var response = await client.Http.GetAsync("/Disclosure");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var later = html.IndexOf("第二条后保存的草稿", StringComparison.Ordinal);
            var earlier = html.IndexOf("第一条先保存的草稿", StringComparison.Ordinal);
            Assert.True(later >= 0 && earlier > later, "the desk lists the latest change first");
        }
    }

    [Fact]
    public async Task Desk_Anonymous_RedirectedToLogin()
    {
        await using var app = new GongkaiApp();
        var visitor = await StaffClient.CreateAsync(app, null);
        var r = await visitor.Http.GetAsync("/Disclosure");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/Account/Login", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/gk/NOPE/2025-00001")).StatusCode);
    }

    [Fact]
    public async Task Review_OfficerCannotPass_OwnDraft()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var created = await officer.PostFormAsync("/Disclosure/Edit", new()
        {
            ["Input.Title"] = "测试",
            ["Input.Publisher"] = "兰陵县卫生健康局",
            ["Input.WrittenOn"] = "2025-02-10",
            ["Input.Art20Number"] = "2",
            ["Input.Website"] = "true",
        }, "/Disclosure/Edit?handler=Submit");
        var review = created.Headers.Location!.OriginalString;
        var r = await officer.PostFormAsync(review, [], $"{review}&handler=Secrecy");
        Assert.Contains("/Account/AccessDenied", r.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var ids = await app.WithDbAsync(d => Task.FromResult(d.Set<DisclosureRecord>().Select(x => x.State).ToList()));
        Assert.Equal([nameof(DisclosureState.SecrecyReview)], ids);
    }

    [Fact]
    public async Task Words_AdministratorAddsEntry_CheckFlagsIt()
    {
        await using var app = new GongkaiApp();
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var added = await admin.PostFormAsync("/Disclosure/Words", new() { ["wrong"] = "某某词", ["right"] = "请删除", ["kind"] = "Sensitive" }, "/Disclosure/Words?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.Http.GetStringAsync("/Disclosure/Words");
        Assert.Contains("某某词", page, StringComparison.Ordinal);
        Assert.Contains("布署", page, StringComparison.Ordinal); // the built-in entries were kept

        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var created = await officer.PostFormAsync("/Disclosure/Edit", new()
        {
            ["Input.Title"] = "测试",
            ["Input.Publisher"] = "兰陵县卫生健康局",
            ["Input.WrittenOn"] = "2025-02-10",
            ["Input.Art20Number"] = "2",
            ["Input.Website"] = "true",
            ["Input.Body"] = "正文含某某词，并周密布署。",
        }, "/Disclosure/Edit?handler=Submit");
        var review = await officer.Http.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("data-kind=\"SensitiveWord\"", review, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"WrongWord\"", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Http.GetAsync("/Disclosure/Words")).StatusCode);
    }
}
