using Gongkai.Data;
using Gongkai.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Notices;

/// <summary>
/// Sends what the outbox holds: new notices, and failed ones whose retry time has come (backing off 1, 5, 30, 120
/// minutes, up to <see cref="SmtpSettings.MaxAttempts"/> tries). Each outcome is saved at once, so a notice that was
/// accepted by the server is never sent again. One run at a time (the worker and a direct call share a gate).
/// Without an SMTP server every notice is marked not sent.
/// </summary>
public sealed class NoticeSender(GongkaiDbContext db, SmtpMailer mailer, NoticeSignal signal, TimeProvider clock, ILogger<NoticeSender> log)
{
    private static readonly TimeSpan[] s_backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>Sends every notice that is due now; returns how many were tried.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        await signal.Gate.WaitAsync(ct);
        try
        {
            var tried = 0;
            while (true)
            {
                var now = clock.GetUtcNow();
                var batch = await db.CaseNotices
                    .Where(n => n.Status == NoticeStatus.Pending || (n.Status == NoticeStatus.Retrying && n.NextAttemptAt <= now))
                    .OrderBy(n => n.CreatedAt)
                    .Take(50)
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    return tried;
                }

                foreach (var notice in batch)
                {
                    await SendOneAsync(notice, ct);
                    await db.SaveChangesAsync(ct);
                    tried++;
                }
            }
        }
        finally
        {
            signal.Gate.Release();
        }
    }

    private async Task SendOneAsync(CaseNotice notice, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!mailer.Settings.IsConfigured)
        {
            notice.Status = NoticeStatus.Skipped;
            notice.ErrorCode = "smtp.not-configured";
            notice.LastAttemptAt = now;
            return;
        }

        notice.Attempts++;
        notice.LastAttemptAt = now;
        try
        {
            await mailer.SendAsync(notice.Recipient, notice.Subject, notice.Body, ct);
            notice.Status = NoticeStatus.Sent;
            notice.SentAt = clock.GetUtcNow();
            notice.NextAttemptAt = null;
        }
        catch (Exception x) when (!ct.IsCancellationRequested)
        {
            var (code, retry) = SmtpMailer.Classify(x);
            notice.ErrorCode = code;
            notice.Error = x.Message.Length > 1000 ? x.Message[..1000] : x.Message;
            if (retry && notice.Attempts < Math.Max(1, mailer.Settings.MaxAttempts))
            {
                notice.Status = NoticeStatus.Retrying;
                notice.NextAttemptAt = now + s_backoff[Math.Min(notice.Attempts, s_backoff.Length) - 1];
            }
            else
            {
                notice.Status = NoticeStatus.Failed;
                notice.NextAttemptAt = null;
            }

            Log.NoticeFailed(log, notice.Id, notice.Kind, notice.CaseId, code, notice.Attempts, x.Message);
        }
    }
}
