using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;

namespace Gongkai.Web.Notices;

/// <summary>
/// The Chinese words of e-mail notices on staff pages: the kind of a notice and its outcome. The stored
/// kinds (<see cref="NoticeKinds"/>) and error codes (<c>smtp.connect</c> …) stay the codes of the table and logs.
/// </summary>
public static class NoticeText
{
    public static string OfKind(string kind) => kind switch
    {
        NoticeKinds.Received => "收到申请通知（申请人）",
        NoticeKinds.Supplement => "补正通知（申请人）",
        NoticeKinds.Fee => "收费通知（申请人）",
        NoticeKinds.Decision => "答复通知（申请人）",
        NoticeKinds.DueSoon => "即将到期提醒（工作人员）",
        NoticeKinds.Overdue => "逾期提醒（工作人员）",
        _ => "通知",
    };

    /// <summary>A notice's outcome, with the reason of a failure.</summary>
    public static string Of(CaseNotice n) => n.Status switch
    {
        NoticeStatus.Pending => "待发送",
        NoticeStatus.Sent => "已发送",
        NoticeStatus.Retrying => $"发送失败（{OfError(n.ErrorCode)}），第{n.Attempts}次，将于{ChinaTime.Local(n.NextAttemptAt ?? n.CreatedAt):yyyy-MM-dd HH:mm}重试",
        NoticeStatus.Failed => $"发送失败（{OfError(n.ErrorCode)}），已尝试{n.Attempts}次，不再重试",
        NoticeStatus.Skipped => "未发送（未配置邮件服务器）",
        _ => "—",
    };

    public static string OfError(string? code) => code switch
    {
        "smtp.connect" => "无法连接邮件服务器",
        "smtp.auth" => "邮件服务器登录失败",
        "smtp.recipient" => "收件人地址被拒绝",
        "smtp.rejected" => "邮件服务器拒收",
        "smtp.timeout" => "连接超时",
        "smtp.address" => "邮箱地址格式有误",
        "smtp.not-configured" => "未配置邮件服务器",
        _ => "其他错误",
    };
}
