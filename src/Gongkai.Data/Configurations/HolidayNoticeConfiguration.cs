using Gongkai.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class HolidayNoticeConfiguration : IEntityTypeConfiguration<HolidayNoticeRecord>
{
    public void Configure(EntityTypeBuilder<HolidayNoticeRecord> builder)
    {
        builder.ToTable("HolidayNotices");
        builder.Property(n => n.Number).HasMaxLength(64);
        builder.Property(n => n.Json).HasMaxLength(20_000);
        builder.Property(n => n.LoadedBy).HasMaxLength(100);
        builder.HasIndex(n => new { n.Year, n.Id });
    }
}
