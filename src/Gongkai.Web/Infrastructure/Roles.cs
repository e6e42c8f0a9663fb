namespace Gongkai.Web.Infrastructure;

/// <summary>The four staff roles and the policies built on them.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Approver = "approver";
    public const string Officer = "officer";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Approver, Officer];

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        Supervisor => "监督人员",
        Approver => "审批人员",
        Officer => "经办人员",
        _ => role,
    };
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Office desk: officers and approvers of an agency.</summary>
    public const string Desk = "desk";

    /// <summary>Approver-only steps (extension).</summary>
    public const string Approve = "approve";

    /// <summary>Supervision over the agency tree.</summary>
    public const string Supervise = "supervise";

    /// <summary>Report upload and checks: supervisors and desk staff.</summary>
    public const string Reports = "reports";

    /// <summary>Administration: users and the audit trail.</summary>
    public const string Administer = "administer";
}

/// <summary>Claim types added to the staff principal.</summary>
public static class GongkaiClaims
{
    public const string AgencyId = "gongkai:agency";
    public const string DisplayName = "gongkai:name";
}
