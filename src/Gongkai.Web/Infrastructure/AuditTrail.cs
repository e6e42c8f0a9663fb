using Gongkai.Data;
using Gongkai.Data.Entities;

namespace Gongkai.Web.Infrastructure;

/// <summary>Adds audit entries to the same unit of work as the change they describe.</summary>
public sealed class AuditTrail(GongkaiDbContext db, CurrentStaff staff, TimeProvider clock)
{
    public void Record(string action, string entityType, object? entityId, int? agencyId, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = staff.UserId,
            UserName = staff.UserName ?? "公众",
            AgencyId = agencyId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
}
