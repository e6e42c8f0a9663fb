namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The Chinese wording of audit entries. The audit table keeps the stable codes (<c>case.decide</c>,
/// <c>user.create</c>); pages show these texts. A code without an entry is shown by its area.
/// </summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> s_actions = new(StringComparer.Ordinal)
    {
        ["case.register"] = "登记申请",
        ["case.confirm"] = "确认受理网上申请",
        ["case.supplement"] = "要求补正",
        ["case.supplement-received"] = "收到补正",
        ["case.consultation"] = "征求第三方意见",
        ["case.consultation-ended"] = "结束征求意见",
        ["case.extend"] = "延长答复期限",
        ["case.fee-notice"] = "发出收费通知",
        ["case.fee-paid"] = "登记缴费",
        ["case.abandon"] = "视为放弃申请",
        ["case.decide"] = "作出答复",
        ["case.close"] = "办结归档",
        ["case.assign"] = "指派承办人",
        ["case.transfer"] = "转办",
        ["case.letter-number"] = "编发文书文号",
        ["agency.letters"] = "修改文书设置",
        ["case.access-code"] = "重新生成查询码",
        ["portal.apply"] = "网上提交申请",
        ["review.add"] = "登记复议诉讼",
        ["review.decide"] = "登记复议诉讼结果",
        ["register.document"] = "登记规章或规范性文件",
        ["register.monthly"] = "填写月度统计",
        ["agency.create"] = "新增下属部门",
        ["agency.rename"] = "修改机关名称",
        ["agency.contacts"] = "修改联系方式",
        ["agency.guide"] = "修改公开指南",
        ["user.create"] = "新建账号",
        ["user.role"] = "变更角色",
        ["user.disable"] = "停用账号",
        ["user.enable"] = "启用账号",
        ["user.reset-password"] = "重置密码",
        ["user.change-password"] = "修改本人密码",
        ["report.save"] = "保存年度报告",
        ["report.submitted"] = "提交年度报告",
        ["report.returned"] = "退回年度报告",
        ["report.accepted"] = "审核通过年度报告",
        ["report.published"] = "公开年度报告",
        ["report.workspace.create"] = "新建年度报告",
        ["report.workspace.import-published"] = "导入已公开的年度报告",
        ["disclosure.created"] = "起草主动公开信息",
        ["disclosure.edited"] = "修改主动公开信息",
        ["disclosure.submitted"] = "提交主动公开信息审查",
        ["disclosure.secrecy-passed"] = "保密审查通过",
        ["disclosure.legality-passed"] = "合法性审查通过",
        ["disclosure.returned"] = "退回主动公开信息",
        ["disclosure.finding-accepted"] = "说明理由后接受检查问题",
        ["disclosure.published"] = "发布主动公开信息",
        ["disclosure.corrected"] = "更正主动公开信息",
        ["disclosure.withdrawn"] = "撤回主动公开信息",
    };

    private static readonly Dictionary<string, string> s_areas = new(StringComparer.Ordinal)
    {
        ["case"] = "申请办理",
        ["portal"] = "网上申请",
        ["review"] = "复议诉讼",
        ["register"] = "登记簿",
        ["user"] = "账号管理",
        ["agency"] = "机关设置",
        ["report"] = "年度报告",
        ["document"] = "规章和规范性文件",
        ["monthly"] = "月度统计",
        ["disclosure"] = "主动公开",
    };

    /// <summary>What was done, e.g. <c>case.decide</c> → 作出答复.</summary>
    public static string Action(string code) =>
        s_actions.TryGetValue(code, out var text) ? text
        : s_areas.TryGetValue(code.Split('.')[0], out var area) ? area + "操作"
        : "其他操作";

    /// <summary>The kind of object, e.g. <c>case</c> → 申请办理.</summary>
    public static string Entity(string? code) =>
        code is not null && s_areas.TryGetValue(code, out var text) ? text : "其他";
}
