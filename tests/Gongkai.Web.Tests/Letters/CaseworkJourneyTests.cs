using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Letters;

/// <summary>
/// A case from registration to 办结 in Chromium, by clicking: the administrator sets the letter settings,
/// the officer registers, asks for a 补正, records it, consults the third party (who objects), the approver
/// extends, the officer notifies and records the fee, answers 部分公开 on a ground with reasons, and closes.
/// Every letter is downloaded through its link on the case page and read.
/// </summary>
[Collection("browser")]
public sealed partial class CaseworkJourneyTests
{
    private const string Party = "兰陵医疗器械有限公司";

    [DatabaseTheory]
    public async Task Officer_ClicksThroughEveryStep_DownloadsEveryLetter(Db db)
    {
        await using var session = await BrowserSession.StartAsync(db: db);

        // 文书设置: the 文号 pattern and the bodies named in the 救济途径.
        var admin = await session.LoginAsync(DemoUsers.HealthAdmin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "文书设置" }).ClickAsync();
        await admin.GetByLabel("文号格式").FillAsync("兰卫公开〔{年}〕{序号}号");
        await admin.GetByLabel("行政复议机关").FillAsync("兰陵县人民政府");
        await admin.GetByLabel("行政诉讼的人民法院").FillAsync("兰陵县人民法院");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存文书设置" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#letter-settings")).ToContainTextAsync("兰陵县人民法院");
        await BrowserSession.ScreenshotAsync(admin, "casework-letter-settings");

        var page = await session.LoginAsync(DemoUsers.HealthOfficer);
        await page.GotoAsync("/Office/Register");
        await page.GetByLabel("申请人姓名/名称").FillAsync("文书测试申请人");
        await page.GetByLabel("证件号码").FillAsync("371324199001011231");
        await page.GetByLabel("联系电话").FillAsync("13900002222");
        await page.GetByLabel("所需政府信息的名称、文号或特征性描述").FillAsync("2025年县医院设备采购合同");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        // Polls the address (not a navigation or load event, which a loaded machine can miss or delay past 30 s).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Office/Case/"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("办理中");
        var receipt = await DocxAsync(page, "受理回执");
        Assert.Contains("政府信息公开申请受理回执", receipt);
        Assert.Contains("第三十一条第（一）项", receipt);
        Assert.Matches(DocumentNumber(), receipt);

        // 补正 and 补正收到.
        await page.FillAsync("#sup-items", "请写明合同的签订年份和采购项目名称");
        await page.ClickAsync("#form-supplement button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("待补正");
        var supplement = await DocxAsync(page, "补正告知书");
        Assert.Contains("请写明合同的签订年份和采购项目名称", supplement);
        Assert.Contains("第三十条", supplement);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记收到补正" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("办理中");

        // 征求意见: the letter goes to the third party with the reply period the domain derived.
        await page.FillAsync("#con-name", Party);
        await page.ClickAsync("#form-consult button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("征求意见中");
        var consultation = await DocxAsync(page, "征求意见函");
        Assert.Contains(Party + "：", consultation);
        Assert.Contains("第三十二条", consultation);
        Assert.Contains("自收到本函之日起15个工作日内", consultation);
        await page.SelectOptionAsync("#ce-reply", "Objected");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记意见" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("办理中");
        await BrowserSession.ScreenshotAsync(page, "casework-case-consulted");
        var caseUrl = page.Url;

        // 延期: approved by the head of the office.
        var approver = await session.LoginAsync(DemoUsers.HealthApprover);
        await approver.GotoAsync(caseUrl);
        await approver.FillAsync("#ex-days", "10");
        await approver.FillAsync("#ex-reason", "需向多个科室调取采购档案");
        await approver.ClickAsync("#form-extend button[type=submit]");
        await Assertions.Expect(approver.Locator("#deadline-steps")).ToContainTextAsync("延长答复期限10个工作日");
        var extension = await DocxAsync(approver, "延期答复告知书");
        Assert.Contains("因需向多个科室调取采购档案", extension);
        Assert.Contains("答复期限延长10个工作日", extension);

        // 收费 and 缴费: 150 pages → 1700元.
        await page.ReloadAsync();
        await page.SelectOptionAsync("#fee-method", "PerPage");
        await page.FillAsync("#fee-units", "150");
        await page.ClickAsync("#form-fee button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("待缴费");
        var fee = await DocxAsync(page, "收费通知");
        Assert.Contains("应缴金额合计：1700元", fee);
        Assert.Contains("20个工作日内", fee);
        await page.FillAsync("#fp-amount", "1700");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记缴费" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("办理中");

        // 答复: only the grounds of the chosen outcome can be picked; the reasons go into the letter.
        await page.SelectOptionAsync("#de-outcome", "PartiallyGranted");
        Assert.True(await page.Locator("#de-ground option[value='unable.not-held']").IsDisabledAsync());
        Assert.False(await page.Locator("#de-ground option[value='withheld.third-party']").IsDisabledAsync());
        await page.SelectOptionAsync("#de-ground", "withheld.third-party");
        await page.FillAsync("#de-reasons", "合同中的设备报价明细属于供应商的商业秘密，已予遮盖");
        await BrowserSession.ScreenshotAsync(page, "casework-decide");
        await page.ClickAsync("#form-decide button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("已答复");
        var reply = await DocxAsync(page, "答复书");
        Assert.Contains("一、处理决定：部分公开", reply);
        Assert.Contains("合同中的设备报价明细属于供应商的商业秘密，已予遮盖", reply);
        Assert.Contains("第三十七条", reply);
        Assert.Contains("第十五条", reply);
        Assert.Contains("60日内向兰陵县人民政府申请行政复议", reply);
        Assert.Contains("6个月内向兰陵县人民法院提起行政诉讼", reply);
        Assert.Matches(DocumentNumber(), reply);
        var replyPdf = await PdfTextAsync(page, "答复书");
        Assert.Contains("政府信息公开申请答复书", replyPdf);
        Assert.Contains("兰陵县人民法院", replyPdf);
        // The same 文号 in both formats: it was allocated once and stored.
        Assert.Equal(DocumentNumber().Match(reply).Value, DocumentNumber().Match(replyPdf).Value);
        var notice = await DocxAsync(page, "第三方告知书");
        Assert.Contains(Party + "：", notice);
        Assert.Contains("第三十二条", notice);

        // 办结.
        await page.GetByRole(AriaRole.Button, new() { Name = "办结归档" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("已办结");
        await BrowserSession.ScreenshotAsync(page, "casework-closed");

        // Seven letters, seven distinct 文号 of the one sequence.
        var numbers = new[] { receipt, supplement, consultation, extension, fee, reply, notice }.Select(t => DocumentNumber().Match(t).Value).ToList();
        Assert.Equal(7, numbers.Distinct().Count());
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string name, string format)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = $"下载{name}（{format}）", Exact = true }).ClickAsync());
        Assert.EndsWith("." + format.ToLowerInvariant(), download.SuggestedFilename, StringComparison.Ordinal);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    private static async Task<string> DocxAsync(IPage page, string name)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(page, name, "DOCX")), false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<string> PdfTextAsync(IPage page, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"journey-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await DownloadAsync(page, name, "PDF"));
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            // pdftotext breaks lines where the layout does.
            return new string(text.Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("兰卫公开〔\\d{4}〕\\d+号")]
    private static partial Regex DocumentNumber();
}
