namespace Gongkai.Web.Notices;

/// <summary>
/// The SMTP server the notices go through (configuration section <c>Smtp</c>). Without a <see cref="Host"/>
/// nothing is sent: notices are recorded as not sent and every step works as before.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender address, e.g. <c>gongkai@example.gov.cn</c>.</summary>
    public string? From { get; set; }

    /// <summary>TLS: on connect for port 465, STARTTLS otherwise. Without it STARTTLS is used when the server offers it.</summary>
    public bool UseSsl { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Seconds to wait for the server on each operation.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Tries per notice before it is given up (the first try and its retries).</summary>
    public int MaxAttempts { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
