using System.Globalization;
using System.Net;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>机关设置 (/Admin/Agencies): an administrator edits the agencies of their own tree, and only those, with an audit line per change.</summary>
public sealed class AgencyAdminTests
{
    private static string CreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    private static Task<int> IdOfAsync(GongkaiApp app, string code) =>
        app.WithDbAsync(d => d.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    [DatabaseTheory]
    public async Task CountyAdmin_AddsDepartment_EditsContactsAndGuide_PortalShowsIt_Audited(Db db)
    {
        await using var app = new GongkaiApp(db);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.CountyAdmin);
        var county = await IdOfAsync(app, "LLX");
        var health = await IdOfAsync(app, "LLWJ");

        var tree = await admin.Http.GetStringAsync("/Admin/Agencies");
        Assert.Contains("兰陵县人民政府", tree);
        Assert.Contains("兰陵县卫生健康局", tree);
        Assert.Contains("兰陵县自然资源局", tree);

        // A new department below the county.
        var created = await admin.PostFormAsync("/Admin/Agencies", new()
        {
            ["Input.ParentId"] = county.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = "兰陵县教育和体育局",
            ["Input.Code"] = "lljt",
            ["Input.CreditCode"] = CreditCode("11371324MB2858999"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var added = await app.WithDbAsync(d => d.Agencies.SingleAsync(a => a.Code == "LLJT"));
        Assert.Equal(county, added.ParentId);
        Assert.Equal($"/Admin/Agencies/{added.Id}", created.Headers.Location?.ToString());

        // The same code again is refused beside the field, and nothing is added.
        var again = await admin.PostFormAsync("/Admin/Agencies", new()
        {
            ["Input.ParentId"] = county.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = "兰陵县另一个局",
            ["Input.Code"] = "LLJT",
            ["Input.CreditCode"] = CreditCode("11371324MB2858998"),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("已有机关使用该机关代码", await again.Content.ReadAsStringAsync());
        Assert.Equal(4, await app.WithDbAsync(d => d.Agencies.CountAsync()));

        // Contacts and guide of a department below.
        var page = $"/Admin/Agencies/{health}";
        var details = await admin.PostFormAsync(page, new()
        {
            ["Details.Name"] = "兰陵县卫生健康局",
            ["Details.ReceivingOffice"] = "县卫生健康局政务公开办公室",
            ["Details.Address"] = "兰陵县文化路18号",
            ["Details.OfficeHours"] = "工作日 9:00-17:00",
            ["Details.Phone"] = "0539-5219999",
            ["Details.Email"] = "gk@example.gov.cn",
        }, page + "?handler=Details");
        Assert.Equal(HttpStatusCode.Redirect, details.StatusCode);
        var guide = await admin.PostFormAsync(page, new() { ["GuideText"] = "一、总则\n本局依法公开政府信息。<script>alert(1)</script>" }, page + "?handler=Guide");
        Assert.Equal(HttpStatusCode.Redirect, guide.StatusCode);

        var portal = await (await StaffClient.CreateAsync(app, null)).Http.GetStringAsync($"/Portal/Guide?agency={health}");
        Assert.Contains("县卫生健康局政务公开办公室", portal);
        Assert.Contains("0539-5219999", portal);
        Assert.Contains("<h2>一、总则</h2>", portal);
        Assert.Contains("本局依法公开政府信息。&lt;script&gt;", portal); // typed text, shown as text

        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == "agency").OrderBy(a => a.Id).Select(a => new { a.Action, a.EntityId, a.UserName, a.Detail }).ToListAsync());
        Assert.Equal(["agency.create", "agency.contacts", "agency.guide"], audit.Select(a => a.Action));
        Assert.Equal([added.Id.ToString(CultureInfo.InvariantCulture), health.ToString(CultureInfo.InvariantCulture), health.ToString(CultureInfo.InvariantCulture)], audit.Select(a => a.EntityId));
        Assert.All(audit, a => Assert.Equal(DemoUsers.CountyAdmin, a.UserName));
        Assert.Contains("受理机构", audit[1].Detail);

        // The audit trail and the agency's page show the change in Chinese.
        Assert.Contains("修改公开指南", await admin.Http.GetStringAsync(page));
        Assert.Contains("修改公开指南", await admin.Http.GetStringAsync("/Admin/Audit"));
    }

    [DatabaseTheory]
    public async Task DepartmentAdmin_CannotSeeOrEditTheCountyOrASibling_EditsOwn(Db db)
    {
        await using var app = new GongkaiApp(db);
        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var county = await IdOfAsync(app, "LLX");
        var health = await IdOfAsync(app, "LLWJ");
        var land = await IdOfAsync(app, "LLZR");

        var tree = await admin.Http.GetStringAsync("/Admin/Agencies");
        Assert.Contains("兰陵县卫生健康局", tree);
        Assert.DoesNotContain($"/Admin/Agencies/{county}\"", tree);
        Assert.DoesNotContain("兰陵县自然资源局", tree);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/Admin/Agencies/{county}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/Admin/Agencies/{land}")).StatusCode);

        // Posting to the county's page, with a token from the admin's own page, changes nothing.
        var own = $"/Admin/Agencies/{health}";
        var rename = await admin.PostFormAsync(own, new() { ["Details.Name"] = "被改掉的县政府" }, $"/Admin/Agencies/{county}?handler=Details");
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        var guide = await admin.PostFormAsync(own, new() { ["GuideText"] = "篡改" }, $"/Admin/Agencies/{county}?handler=Guide");
        Assert.Equal(HttpStatusCode.NotFound, guide.StatusCode);
        var countyRow = await app.WithDbAsync(d => d.Agencies.SingleAsync(a => a.Id == county));
        Assert.Equal("兰陵县人民政府", countyRow.Name);
        Assert.NotEqual("篡改", countyRow.GuideText);

        // Nor can it hang a department below the county.
        var below = await admin.PostFormAsync("/Admin/Agencies", new()
        {
            ["Input.ParentId"] = county.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = "兰陵县冒名局",
            ["Input.Code"] = "LLMM",
            ["Input.CreditCode"] = CreditCode("11371324MB2858997"),
        });
        Assert.Equal(HttpStatusCode.OK, below.StatusCode);
        Assert.Contains("请选择您管理的机关作为上级机关", await below.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(d => d.Agencies.AnyAsync(a => a.Code == "LLMM")));
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == "agency")));

        // Its own agency: renamed, audited.
        var renamed = await admin.PostFormAsync(own, new() { ["Details.Name"] = "兰陵县卫生和健康局" }, own + "?handler=Details");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("兰陵县卫生和健康局", await app.WithDbAsync(d => d.Agencies.Where(a => a.Id == health).Select(a => a.Name).SingleAsync()));
        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == "agency").Select(a => a.Action).ToListAsync());
        Assert.Contains("agency.rename", audit);

        // Other roles are turned away.
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        Assert.Equal("denied", AuthorizationMatrixTests.Classify(await officer.Http.GetAsync("/Admin/Agencies")));
        Assert.Equal("denied", AuthorizationMatrixTests.Classify(await officer.PostFormAsync("/Portal/Apply", new() { ["Details.Name"] = "某" }, own + "?handler=Details")));
    }
}
