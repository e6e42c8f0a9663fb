using Microsoft.AspNetCore.Identity;

namespace Gongkai.Data.Entities;

/// <summary>A staff account: belongs to one agency; what it sees is scoped to that agency (or its subtree for supervisors).</summary>
public sealed class GongkaiUser : IdentityUser
{
    public int? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The name shown on pages and in the audit trail.</summary>
    public string? DisplayName { get; set; }
}
