using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>
/// 报告检查 with a Word 97-2003 file, as an office still publishes one: the supervisor follows the
/// menu's 报告检查, chooses the .doc and clicks 上传并检查; the page names the body and year and shows
/// the tables read, in Chinese, with no refusal; then the same with an RTF named .doc. Until
/// 2026-12-07 a .doc was refused (请另存为 DOCX) and an RTF found no report.
/// </summary>
[Collection("browser")]
public sealed class ReportUploadBrowserTests
{
    [DatabaseTheory]
    public async Task Supervisor_UploadsOldWordReport_TablesReadAndChecked(Db db)
    {
        var root = RepoRoot.Find();
        Assert.NotNull(root);
        var doc = await File.ReadAllBytesAsync(Path.Combine(root, "tests", "Gongkai.Import.Tests", "Fixtures", "doc", "sample-000", "input.doc"));
        await using var session = await BrowserSession.StartAsync(db: db);

        var supervisor = await session.LoginAsync(DemoUsers.CountySupervisor);
        await supervisor.GotoAsync("/");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "报告检查" }).First.ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("年度报告检查");
        await supervisor.GetByLabel("报告文件").SetInputFilesAsync(new FilePayload { Name = "兰陵县卫健局2021年度报告.doc", MimeType = "application/msword", Buffer = doc });
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();

        await Assertions.Expect(supervisor.Locator("h2").First).ToContainTextAsync("检查结果：兰陵县卫健局 2021年度");
        var page = await supervisor.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("SOURCE.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("另存为", page, StringComparison.Ordinal);
        Assert.Contains("表格数据", page, StringComparison.Ordinal);

        // The same report as RTF (a site's 导出 Word, named .doc as such files often are).
        var rtf = await File.ReadAllBytesAsync(Path.Combine(root, "tests", "Gongkai.Import.Tests", "Fixtures", "rtf", "sample-000", "input.rtf"));
        await supervisor.GetByLabel("报告文件").SetInputFilesAsync(new FilePayload { Name = "兰陵县卫健局2021年度报告（导出）.doc", MimeType = "application/msword", Buffer = rtf });
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h2").First).ToContainTextAsync("检查结果：兰陵县卫健局 2021年度");
        Assert.DoesNotContain("SOURCE.", await supervisor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
