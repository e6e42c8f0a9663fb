using Gongkai.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> builder)
    {
        builder.ToTable("CaseNotices");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Recipient).HasMaxLength(256);
        builder.Property(n => n.Subject).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.DedupKey).HasMaxLength(300);
        builder.HasIndex(n => n.DedupKey).IsUnique();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.ErrorCode).HasMaxLength(32);
        builder.Property(n => n.Error).HasMaxLength(1000);
        builder.HasOne<CaseRecord>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        // The case page: a case's notices; the sender: what is due to be tried.
        builder.HasIndex(n => new { n.CaseId, n.CreatedAt });
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
    }
}
