using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// The Gongkai database: Identity's tables, agencies, applications with their append-only events,
/// reviews, Table 2 registers, annual reports and the audit trail. One model for both providers;
/// <see cref="SqliteGongkaiDbContext"/> and <see cref="PostgresGongkaiDbContext"/> carry each
/// provider's migrations.
/// </summary>
public class GongkaiDbContext(DbContextOptions options) : IdentityDbContext<GongkaiUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();

    public DbSet<RegulatoryDocumentRecord> RegulatoryDocuments => Set<RegulatoryDocumentRecord>();

    public DbSet<MonthlyCountRecord> MonthlyCounts => Set<MonthlyCountRecord>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<AnnualReportRevision> AnnualReportRevisions => Set<AnnualReportRevision>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<HolidayNoticeRecord> HolidayNotices => Set<HolidayNoticeRecord>();

    public DbSet<CaseNotice> CaseNotices => Set<CaseNotice>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Case events, report revisions and audit entries are history: they are added, never changed or removed.</summary>
    private void GuardAppendOnly()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is CaseEvent or AuditEntry or AnnualReportRevision or HolidayNoticeRecord
                && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} is append-only: it cannot be changed or deleted.");
            }
        }
    }
}

/// <summary>
/// The context with the SQLite migrations (Migrations/Sqlite). SQLite has no type for an instant with
/// an offset, and EF Core refuses to order or compare <see cref="DateTimeOffset"/> columns there (the
/// text it stores would sort by local clock time). Every <see cref="DateTimeOffset"/> is therefore
/// stored as text in UTC (<see cref="UtcTextConverter"/>): the same text EF writes for a UTC value, so
/// existing rows read unchanged, and the text sorts in time order, so ORDER BY and comparisons run in SQL.
/// </summary>
public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options) : GongkaiDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
    }
}

/// <summary>The context with the PostgreSQL migrations (Migrations/Postgres).</summary>
public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options);
