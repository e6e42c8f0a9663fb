namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The web app's log events, source-generated (<see cref="LoggerMessageAttribute"/>): one place lists
/// every event id and message, and nothing is formatted unless the level is enabled (CA1848).
/// Logs are for operators, so they stay in English with codes; people read Chinese on the pages.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Import of an uploaded report failed unexpectedly ({Name})")]
    public static partial void UploadImportFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Notice {Id} ({Kind}) to case {Case} failed ({Code}, try {Attempt}): {Reason}")]
    public static partial void NoticeFailed(ILogger logger, Guid id, string kind, Guid @case, string code, int attempt, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Sending notices failed")]
    public static partial void NoticeSendingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Queueing staff reminders failed")]
    public static partial void StaffRemindersFailed(ILogger logger, Exception exception);
}
