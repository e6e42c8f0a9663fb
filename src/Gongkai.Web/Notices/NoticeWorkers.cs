using Gongkai.Domain.Calendar;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Notices;

/// <summary>Sends the outbox: when a step has committed notices (<see cref="NoticeSignal"/>) and every minute for retries.</summary>
public sealed class NoticeSendWorker(IServiceScopeFactory scopes, NoticeSignal signal, TimeProvider clock, ILogger<NoticeSendWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NoticeSender>().SendPendingAsync(stoppingToken);
            }
            catch (Exception x) when (!stoppingToken.IsCancellationRequested)
            {
                Log.NoticeSendingFailed(log, x);
            }

            await signal.WaitAsync(TimeSpan.FromMinutes(1), clock, stoppingToken);
        }
    }
}

/// <summary>Once a day (and at start-up): reminders to staff of cases due within 3 working days or overdue (<see cref="CaseNotices.QueueStaffRemindersAsync"/>).</summary>
public sealed class StaffReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<StaffReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Gongkai:Notices:StaffReminders", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseNotices>().QueueStaffRemindersAsync(ChinaTime.Today(clock), stoppingToken);
            }
            catch (Exception x) when (!stoppingToken.IsCancellationRequested)
            {
                Log.StaffRemindersFailed(log, x);
            }

            await Task.Delay(TimeSpan.FromDays(1), clock, stoppingToken);
        }
    }
}

public static class NoticeExtensions
{
    /// <summary>The e-mail notices: the outbox, the sender (MailKit, configuration section <c>Smtp</c>) and the two workers.</summary>
    public static WebApplicationBuilder AddGongkaiNotices(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpSettings>(builder.Configuration.GetSection(SmtpSettings.Section));
        builder.Services.AddSingleton<NoticeSignal>();
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddScoped<CaseNotices>();
        builder.Services.AddScoped<NoticeSender>();
        builder.Services.AddHostedService<NoticeSendWorker>();
        builder.Services.AddHostedService<StaffReminderWorker>();
        return builder;
    }
}
