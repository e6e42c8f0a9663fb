using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>承办人 and 转办 clicked through in Chromium by the officer, the approver and the receiving desk.</summary>
[Collection("browser")]
public sealed class CaseRoutingBrowserTests
{
    [DatabaseTheory]
    public async Task TheApprover_TakesOverAndTransfers_TheReceivingDeskFindsTheCaseWithItsDueDate(Db db)
    {
        await using var session = await BrowserSession.StartAsync(db: db);
        var officer = await session.LoginAsync(DemoUsers.HealthOfficer);
        await officer.GotoAsync("/Office");
        await officer.GetByRole(AriaRole.Link, new() { Name = "登记新申请" }).ClickAsync();
        await officer.GetByLabel("申请人姓名/名称").FillAsync("转办测试申请人");
        await officer.GetByLabel("证件号码").FillAsync("371324199001011231");
        await officer.GetByLabel("联系电话").FillAsync("13900001111");
        await officer.GetByLabel("所需政府信息的名称、文号或特征性描述").FillAsync("某村土地征收补偿安置方案");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#case-handler")).ToHaveTextAsync("兰陵县卫生健康局经办人员");
        var caseUrl = officer.Url;
        var due = await officer.Locator("#case-due").InnerTextAsync();

        var approver = await session.LoginAsync(DemoUsers.HealthApprover);
        await approver.GotoAsync(caseUrl);
        await approver.SelectOptionAsync("#as-handler", new SelectOptionValue { Label = "兰陵县卫生健康局审批人员" });
        await approver.GetByRole(AriaRole.Button, new() { Name = "指派", Exact = true }).ClickAsync();
        await Assertions.Expect(approver.Locator("#case-handler")).ToHaveTextAsync("兰陵县卫生健康局审批人员");
        await BrowserSession.ScreenshotAsync(approver, "casework-handler");

        // 我承办的 on the approver's dashboard counts the case.
        await approver.GotoAsync("/Office");
        await approver.ClickAsync("#filter-mine");
        await Assertions.Expect(approver.GetByText("我承办的", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("1", await approver.Locator(".stats .n").First.InnerTextAsync());

        await approver.GotoAsync(caseUrl);
        await approver.SelectOptionAsync("#tr-agency", new SelectOptionValue { Label = "兰陵县自然资源局" });
        await approver.FillAsync("#tr-reason", "所需信息由自然资源局制作和保存");
        await approver.GetByRole(AriaRole.Button, new() { Name = "转办", Exact = true }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("已转办至兰陵县自然资源局");

        var land = await session.LoginAsync(DemoUsers.LandApprover);
        await land.GotoAsync("/Office/Cases?q=转办测试申请人");
        await land.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^LLWJ-") }).First.ClickAsync();
        await Assertions.Expect(land.Locator(".timeline")).ToContainTextAsync("由兰陵县卫生健康局转办至兰陵县自然资源局：所需信息由自然资源局制作和保存");
        Assert.Equal(due, await land.Locator("#case-due").InnerTextAsync());
        Assert.Equal("未指派", await land.Locator("#case-handler").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(land, "casework-transferred");
    }
}
