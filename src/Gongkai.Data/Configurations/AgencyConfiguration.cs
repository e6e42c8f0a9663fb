using Gongkai.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.Code).HasMaxLength(16);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Address).HasMaxLength(200);
        builder.Property(a => a.Phone).HasMaxLength(50);
        builder.Property(a => a.OfficeHours).HasMaxLength(100);
        builder.Property(a => a.LetterNumberPattern).HasMaxLength(60);
        builder.Property(a => a.ReviewBody).HasMaxLength(100);
        builder.Property(a => a.Court).HasMaxLength(100);
        builder.Property(a => a.Email).HasMaxLength(100);
        builder.Property(a => a.ReceivingOffice).HasMaxLength(100);
        builder.Property(a => a.GuideText).HasMaxLength(20_000);
        builder.HasIndex(a => a.CreditCode).IsUnique();
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasOne(a => a.Parent).WithMany(a => a.Children).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GongkaiUserConfiguration : IEntityTypeConfiguration<GongkaiUser>
{
    public void Configure(EntityTypeBuilder<GongkaiUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
