using System.Globalization;
using System.Text;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;

namespace Gongkai.Web.Notices;

/// <summary>The subject and Chinese body of each notice.</summary>
public static class NoticeComposer
{
    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The applicant's notice for <paramref name="step"/> (its kind, subject, body), or null when the step has none.</summary>
    public static (string Kind, string Subject, string Body)? ForApplicant(string agencyName, ApplicationCase after, ApplicationEvent step, CaseRules rules)
    {
        var app = after.Application;
        var no = app.TrackingNumber;
        var body = new StringBuilder().Append(app.Applicant.Name).Append("：\n\n");
        string kind, subject;
        switch (step)
        {
            case Registered:
                kind = NoticeKinds.Received;
                subject = $"{agencyName}已收到您的政府信息公开申请（{no}）";
                body.Append(CultureInfo.InvariantCulture, $"{agencyName}已收到您的政府信息公开申请，查询编号为{no}。\n");
                body.Append(CultureInfo.InvariantCulture, $"收到申请之日：{Date(app.ReceivedOn)}（{ReceiptRule.ExplainZh(app.Channel)}）。\n");
                if (after.Deadline(rules).DueOn is { } due)
                {
                    body.Append(CultureInfo.InvariantCulture, $"本机关将于{Date(due)}前答复（条例第三十三条：自收到申请之日起20个工作日内）。\n");
                }

                break;
            case SupplementRequested s:
                kind = NoticeKinds.Supplement;
                subject = $"请补正您的政府信息公开申请（{no}）";
                body.Append(CultureInfo.InvariantCulture, $"您的政府信息公开申请（{no}）内容不明确，请补正（条例第三十条）。需要补正的事项：\n{s.Items}\n");
                if (s.SupplyBy is { } by)
                {
                    body.Append(CultureInfo.InvariantCulture, $"请于{Date(by)}前补正。");
                }

                body.Append("无正当理由逾期不补正的，视为放弃申请。\n");
                break;
            case FeeNotified f:
                kind = NoticeKinds.Fee;
                subject = $"政府信息公开信息处理费收费通知（{no}）";
                body.Append(CultureInfo.InvariantCulture, $"您的政府信息公开申请（{no}）需缴纳信息处理费{f.Amount:0.##}元。\n");
                if (after.FeePaymentDue(rules) is { } pay)
                {
                    body.Append(CultureInfo.InvariantCulture, $"请于{Date(pay.Value)}前缴纳；逾期未缴纳的，视为放弃申请。\n");
                }

                break;
            case Decided d:
                kind = NoticeKinds.Decision;
                subject = $"政府信息公开申请答复（{no}）";
                body.Append(CultureInfo.InvariantCulture, $"{agencyName}已于{Date(d.OccurredOn)}对您的政府信息公开申请（{no}）作出答复。\n");
                body.Append(CultureInfo.InvariantCulture, $"办理结果：{CaseworkText.Of(d.Outcome)}。\n依据：{d.LegalGround}\n");
                break;
            default:
                return null;
        }

        body.Append("\n凭查询编号和查询码，可在本机关政府信息公开平台的“申请办理情况查询”页面查看办理情况、下载告知书和答复书。\n\n");
        body.Append(agencyName).Append('\n');
        return (kind, subject, body.ToString());
    }

    /// <summary>The staff reminder for a case due soon or overdue.</summary>
    public static (string Subject, string Body) ForStaff(string kind, CaseRecord c, string agencyName, DateOnly due, DateOnly today)
    {
        var overdue = kind == NoticeKinds.Overdue;
        var subject = overdue ? $"申请已逾期未答复：{c.TrackingNumber}" : $"申请即将到期：{c.TrackingNumber}（{Date(due)}）";
        var body = new StringBuilder();
        body.Append(overdue
            ? $"{agencyName}的政府信息公开申请{c.TrackingNumber}答复期限为{Date(due)}，截至{Date(today)}尚未答复，已逾期。\n"
            : $"{agencyName}的政府信息公开申请{c.TrackingNumber}将于{Date(due)}到期（3个工作日内），请及时办理。\n");
        body.Append(CultureInfo.InvariantCulture, $"申请人：{c.ApplicantName}\n所需信息：{Short(c.Description)}\n状态：{CaseworkText.Of(c.State, c.AwaitingConfirmation)}\n");
        return (subject, body.ToString());
    }

    private static string Short(string s) => s.Length <= 100 ? s : s[..100] + "……";
}
