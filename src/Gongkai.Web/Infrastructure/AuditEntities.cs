using Gongkai.Domain.Results;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The kinds of object an audit entry is about (its <c>EntityType</c>), with their Chinese names: the
/// catalogue the audit pages read. The first part of an action code (<c>case</c> of <c>case.decide</c>)
/// is one of these areas too, so an unknown action is still shown by its area.
/// </summary>
public static class AuditEntities
{
    public const string Case = "case";
    public const string Review = "review";
    public const string Document = "document";
    public const string Monthly = "monthly";
    public const string HolidayNotice = "holiday-notice";
    public const string Agency = "agency";
    public const string User = "user";
    public const string Report = "report";
    public const string Disclosure = "disclosure";

    /// <summary>The Chinese names of the object kinds and of the action areas (<c>portal</c>, <c>register</c>, <c>calendar</c>).</summary>
    public static readonly MessageCatalogue Names = new("audit-entity", new Dictionary<string, (string, string?)>
    {
        [Case] = ("申请办理", null),
        [Review] = ("复议诉讼", null),
        [Document] = ("规章和规范性文件", null),
        [Monthly] = ("月度统计", null),
        [HolidayNotice] = ("放假安排", null),
        [Agency] = ("机关设置", null),
        [User] = ("账号管理", null),
        [Report] = ("年度报告", null),
        [Disclosure] = ("主动公开", null),
        ["portal"] = ("网上申请", null),
        ["register"] = ("登记簿", null),
        ["calendar"] = ("工作日历", null),
    });

    /// <summary>The kind of object, e.g. <c>case</c> → 申请办理; 其他 when unknown.</summary>
    public static string Zh(string? code) =>
        code is not null && Names.Contains(code) ? Names.Zh(code) : "其他";
}
