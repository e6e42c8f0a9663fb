using System.Globalization;
using System.Net;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Notices;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Applicant;

/// <summary>E-mail notices through a real SMTP server in the test process: who gets what, in Chinese; failures are recorded, never fatal.</summary>
public sealed class NoticeTests
{
    private const string Applicant = "zhangsan@example.com";

    private static DateOnly Today => TestDates.Today;

    private static string Day => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [DatabaseTheory]
    public async Task Applicant_GetsReceivedSupplementFeeAndDecision_InChinese_EachOnce(Db db)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = new GongkaiApp(db, settings: smtp.Settings);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = Cases.ValidForm("张三");
        form["Form.Email"] = Applicant;
        var id = await Cases.RegisterAsync(officer, form);
        var number = await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => c.TrackingNumber).SingleAsync());

        await StepAsync(officer, id, "Supplement", new() { ["version"] = "0", ["date"] = Day, ["items"] = "请写明所需文件的文号" });
        await StepAsync(officer, id, "SupplementReceived", new() { ["version"] = "1", ["date"] = Day });
        await StepAsync(officer, id, "Fee", new() { ["version"] = "2", ["date"] = Day, ["method"] = "PerPage", ["units"] = "150", ["prior"] = "0" });
        await StepAsync(officer, id, "FeePaid", new() { ["version"] = "3", ["date"] = Day, ["amount"] = "1700" });
        await StepAsync(officer, id, "Decide", new() { ["version"] = "4", ["date"] = Day, ["outcome"] = "Granted", ["ground"] = "granted.provided" });
        await SendAsync(app);

        var mails = smtp.To(Applicant);
        Assert.Equal(4, mails.Count);
        Assert.All(mails, m => Assert.Equal("gongkai@example.gov.cn", m.From.Mailboxes.Single().Address));
        var received = Assert.Single(mails, m => m.Subject!.Contains("已收到您的政府信息公开申请"));
        Assert.Contains(number, received.Subject);
        Assert.Contains($"收到申请之日：{NoticeComposer.Date(Today)}（当面提交的，以提交之日为收到申请之日", received.TextBody);
        Assert.Contains("本机关将于", received.TextBody);
        Assert.StartsWith("张三：", received.TextBody);
        var supplement = Assert.Single(mails, m => m.Subject!.Contains("请补正"));
        Assert.Contains("请写明所需文件的文号", supplement.TextBody);
        var fee = Assert.Single(mails, m => m.Subject!.Contains("收费通知"));
        Assert.Contains("信息处理费1700元", fee.TextBody);
        Assert.Contains("前缴纳", fee.TextBody);
        var decision = Assert.Single(mails, m => m.Subject!.Contains("答复"));
        Assert.Contains($"办理结果：{CaseworkText.Of(ApplicationOutcome.Granted)}", decision.TextBody);
        Assert.Contains("第三十六条第（二）项", decision.TextBody);

        // Recorded on the case and shown there in Chinese; sending again sends nothing more.
        await SendAsync(app);
        Assert.Equal(4, smtp.To(Applicant).Count);
        var page = await officer.Http.GetStringAsync($"/Office/Case/{id}");
        Assert.Contains("答复通知（申请人）", page);
        Assert.Contains("已发送", page);
        Assert.All(await app.WithDbAsync(d => d.CaseNotices.ToListAsync()), n => Assert.Equal(NoticeStatus.Sent, n.Status));
    }

    [DatabaseTheory]
    public async Task Staff_GetDueSoonThenOverdue_OncePerCaseAndDueDate(Db db)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = new GongkaiApp(db, settings: smtp.Settings);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var record = await app.WithDbAsync(d => d.Cases.SingleAsync(c => c.Id == id));
        var due = record.DueOn!.Value;

        // Due soon: the 承办人 (the officer who registered it) only.
        Assert.Equal(0, await QueueAsync(app, Today));
        Assert.Equal(1, await QueueAsync(app, due));
        Assert.Equal(0, await QueueAsync(app, due));
        await SendAsync(app);
        var soon = Assert.Single(smtp.To("llwj.officer@gongkai.invalid"));
        Assert.Equal($"申请即将到期：{record.TrackingNumber}（{NoticeComposer.Date(due)}）", soon.Subject);
        Assert.Contains("3个工作日内", soon.TextBody);
        Assert.Empty(smtp.To("llwj.approver@gongkai.invalid"));
        Assert.Empty(smtp.To("llzr.officer@gongkai.invalid"));

        // Overdue: the 承办人 and every approver of the agency (审批人员, 法制审核员).
        Assert.Equal(3, await QueueAsync(app, due.AddDays(1)));
        Assert.Equal(0, await QueueAsync(app, due.AddDays(2)));
        await SendAsync(app);
        Assert.Single(smtp.To("llwj.approver@gongkai.invalid"));
        Assert.Single(smtp.To("llwj.legal@gongkai.invalid"));
        Assert.Empty(smtp.To("llzr.approver@gongkai.invalid"));
        var overdue = smtp.To("llwj.officer@gongkai.invalid").Single(m => m.Subject!.StartsWith("申请已逾期未答复", StringComparison.Ordinal));
        Assert.Contains($"答复期限为{NoticeComposer.Date(due)}", overdue.TextBody);
        Assert.Contains("已逾期", overdue.TextBody);
        Assert.Contains("逾期提醒（工作人员）", await officer.Http.GetStringAsync($"/Office/Case/{id}"));
    }

    [Fact]
    public async Task SmtpServerDown_StepSucceeds_FailureRecordedForRetry_AndShown()
    {
        await using var app = new GongkaiApp(settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = TestSmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "gongkai@example.gov.cn",
        });
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = Cases.ValidForm();
        form["Form.Email"] = Applicant;
        var id = await Cases.RegisterAsync(officer, form);
        await StepAsync(officer, id, "Supplement", new() { ["version"] = "0", ["date"] = Day, ["items"] = "请写明年度" });
        await SendAsync(app);

        Assert.Equal(ApplicationState.AwaitingSupplement, await app.WithDbAsync(d => d.Cases.Select(c => c.State).SingleAsync()));
        var notices = await app.WithDbAsync(d => d.CaseNotices.ToListAsync());
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n =>
        {
            Assert.Equal(NoticeStatus.Retrying, n.Status);
            Assert.Equal("smtp.connect", n.ErrorCode);
            Assert.False(string.IsNullOrEmpty(n.Error));
            Assert.Equal(1, n.Attempts);
            Assert.NotNull(n.NextAttemptAt);
        });
        Assert.Contains("发送失败（无法连接邮件服务器）", await officer.Http.GetStringAsync($"/Office/Case/{id}"));
    }

    [Fact]
    public async Task NoSmtpServer_NothingBreaks_NoticeRecordedAsNotSent()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = Cases.ValidForm();
        form["Form.Email"] = Applicant;
        var id = await Cases.RegisterAsync(officer, form);
        await SendAsync(app);
        var notice = await app.WithDbAsync(d => d.CaseNotices.SingleAsync());
        Assert.Equal(NoticeStatus.Skipped, notice.Status);
        Assert.Contains("未发送（未配置邮件服务器）", await officer.Http.GetStringAsync($"/Office/Case/{id}"));
    }

    private static async Task StepAsync(StaffClient officer, Guid id, string handler, Dictionary<string, string> fields)
    {
        var response = await officer.PostFormAsync($"/Office/Case/{id}", fields, $"/Office/Case/{id}?handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<int> QueueAsync(GongkaiApp app, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseNotices>().QueueStaffRemindersAsync(today);
    }

    /// <summary>Sends what is due now (the background worker may have sent some already; they share one gate).</summary>
    private static async Task SendAsync(GongkaiApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NoticeSender>().SendPendingAsync();
    }
}
