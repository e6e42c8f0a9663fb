namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>The seeded demo accounts: 兰陵县人民政府 (LLX) above 卫生健康局 (LLWJ) and 自然资源局 (LLZR).</summary>
public static class DemoUsers
{
    public const string HealthOfficer = "llwj.officer";
    public const string HealthApprover = "llwj.approver";

    /// <summary>The department's second reviewer (法制审核员), so the two reviews can be two people.</summary>
    public const string HealthLegal = "llwj.legal";
    public const string HealthSupervisor = "llwj.supervisor";
    public const string HealthAdmin = "llwj.admin";
    public const string LandOfficer = "llzr.officer";
    public const string LandApprover = "llzr.approver";
    public const string CountySupervisor = "llx.supervisor";
    public const string CountyAdmin = "llx.admin";
}
