using Gongkai.Data;
using Gongkai.Data.Entities;

namespace Gongkai.Web.Infrastructure;

/// <summary>Adds audit entries to the same unit of work as the change they describe.</summary>
public sealed class AuditTrail(GongkaiDbContext db, CurrentStaff staff, TimeProvider clock)
{
    /// <summary>
    /// Adds an entry: <paramref name="action"/> is one of <see cref="AuditCodes.Written"/> and <paramref name="entityType"/>
    /// one of <see cref="AuditEntities"/> (anything else is a defect, refused before it is saved, so the audit pages
    /// can word every entry).
    /// </summary>
    public void Record(string action, string entityType, object? entityId, int? agencyId, string? detail = null)
    {
        if (!AuditCodes.Written.Contains(action))
        {
            throw new ArgumentException($"{action} is not an audit code of AuditCodes", nameof(action));
        }

        if (!AuditEntities.Names.Contains(entityType))
        {
            throw new ArgumentException($"{entityType} is not an entity type of AuditEntities", nameof(entityType));
        }

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
}
