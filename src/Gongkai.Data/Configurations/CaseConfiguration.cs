using Gongkai.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TrackingNumber).HasMaxLength(32);
        builder.HasIndex(c => c.TrackingNumber).IsUnique();
        builder.Property(c => c.SubmissionKey).HasMaxLength(96);
        builder.HasIndex(c => c.SubmissionKey).IsUnique();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ApplicantKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.ApplicantName).HasMaxLength(100);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.SubmissionJson).HasMaxLength(8000);
        builder.Property(c => c.Outcome).HasMaxLength(48);
        builder.Property(c => c.Handler).HasMaxLength(256);
        builder.Property(c => c.AccessCodeHash).HasMaxLength(128);
        builder.Property(c => c.AccessCodeHint).HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);

        // The dashboard: open cases of an agency by due date; the case list: newest first; the tables: cases of a year.
        builder.HasIndex(c => new { c.AgencyId, c.State, c.DueOn });
        // The dashboard's extended cases (list by due date and count, without reading the rows) and its paused cases (oldest first).
        builder.HasIndex(c => new { c.AgencyId, c.State, c.IsExtended, c.DueOn });
        builder.HasIndex(c => new { c.AgencyId, c.State, c.SubmittedOn });
        builder.HasIndex(c => new { c.AgencyId, c.SubmittedOn });
        builder.HasIndex(c => new { c.AgencyId, c.Year });
        // The dashboard's "mine": a handler's open cases.
        builder.HasIndex(c => new { c.AgencyId, c.Handler, c.State });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Data).HasMaxLength(8000);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
    }
}

internal sealed class ReviewRecordConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> builder)
    {
        builder.ToTable("Reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Route).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Body).HasMaxLength(200);
        builder.Property(r => r.CaseNumber).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.FiledOn });
    }
}

internal sealed class RegulatoryDocumentConfiguration : IEntityTypeConfiguration<RegulatoryDocumentRecord>
{
    public void Configure(EntityTypeBuilder<RegulatoryDocumentRecord> builder)
    {
        builder.ToTable("RegulatoryDocuments");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.DocumentNumber).HasMaxLength(100);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.IssuedOn });
    }
}

internal sealed class MonthlyCountConfiguration : IEntityTypeConfiguration<MonthlyCountRecord>
{
    public void Configure(EntityTypeBuilder<MonthlyCountRecord> builder)
    {
        builder.ToTable("MonthlyCounts");
        builder.Property(r => r.FeesTenThousandYuan).HasPrecision(18, 4);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.Year, r.Month }).IsUnique();
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("AnnualReports");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.Year }).IsUnique();
        builder.HasMany(r => r.Revisions).WithOne(v => v.Report).HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualReportRevisionConfiguration : IEntityTypeConfiguration<AnnualReportRevision>
{
    public void Configure(EntityTypeBuilder<AnnualReportRevision> builder)
    {
        builder.ToTable("AnnualReportRevisions");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(48);
        builder.Property(a => a.EntityType).HasMaxLength(32);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}
