using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Letters;

internal sealed class LetterRecordConfiguration : IEntityTypeConfiguration<LetterRecord>
{
    public void Configure(EntityTypeBuilder<LetterRecord> builder)
    {
        builder.ToTable("Letters");
        builder.Property(l => l.Kind).HasMaxLength(32);
        builder.Property(l => l.DocumentNumber).HasMaxLength(100);
        builder.HasIndex(l => new { l.AgencyId, l.Year, l.Number }).IsUnique();
        builder.HasIndex(l => new { l.CaseId, l.Sequence, l.Kind }).IsUnique();
        builder.HasOne<Entities.CaseRecord>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entities.Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
