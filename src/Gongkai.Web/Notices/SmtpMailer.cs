using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gongkai.Web.Notices;

/// <summary>Sends one plain-text message through the configured SMTP server (MailKit), one connection per message.</summary>
public sealed class SmtpMailer(IOptions<SmtpSettings> options)
{
    public SmtpSettings Settings => options.Value;

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var s = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(s.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = Math.Max(1, s.TimeoutSeconds) * 1000 };
        var security = s.UseSsl ? (s.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls) : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(s.Host!, s.Port, security, ct);
        if (!string.IsNullOrEmpty(s.User))
        {
            await client.AuthenticateAsync(s.User, s.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>The code of a failure (<c>smtp.connect</c> …) and whether trying again may help.</summary>
    public static (string Code, bool Retry) Classify(Exception x) => x switch
    {
        ParseException or FormatException => ("smtp.address", false),
        AuthenticationException => ("smtp.auth", true),
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } => ("smtp.recipient", false),
        SmtpCommandException => ("smtp.rejected", true),
        TimeoutException or OperationCanceledException => ("smtp.timeout", true),
        System.Net.Sockets.SocketException or SslHandshakeException or SmtpProtocolException or IOException => ("smtp.connect", true),
        _ => ("smtp.other", true),
    };
}
