using Gongkai.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Disclosure;

// Picked up by GongkaiDbContext's ApplyConfigurationsFromAssembly; use db.Set<T>() to query.

internal sealed class DisclosureRecordConfiguration : IEntityTypeConfiguration<DisclosureRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureRecord> builder)
    {
        builder.ToTable("DisclosureItems");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.State).HasMaxLength(24);
        builder.Property(r => r.IndexNumber).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.Property(r => r.DocumentNumber).HasMaxLength(100);
        builder.Property(r => r.Publisher).HasMaxLength(200);
        builder.Property(r => r.CatalogueCode).HasMaxLength(100);
        builder.Property(r => r.ValidityStatus).HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(2000);
        builder.Property(r => r.Channels).HasMaxLength(64);
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(r => r.IndexNumber).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.State });
        builder.HasIndex(r => new { r.AgencyId, r.PublishedOn });
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisclosureStepRecordConfiguration : IEntityTypeConfiguration<DisclosureStepRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureStepRecord> builder)
    {
        builder.ToTable("DisclosureSteps");
        builder.Property(s => s.Kind).HasMaxLength(24);
        builder.Property(s => s.ActorId).HasMaxLength(450);
        builder.Property(s => s.ActorName).HasMaxLength(100);
        builder.Property(s => s.FromState).HasMaxLength(24);
        builder.Property(s => s.ToState).HasMaxLength(24);
        builder.Property(s => s.Comment).HasMaxLength(2000);
        builder.Property(s => s.FindingId).HasMaxLength(32);
        builder.HasIndex(s => new { s.ItemId, s.Sequence }).IsUnique();
    }
}

internal sealed class DisclosureVersionRecordConfiguration : IEntityTypeConfiguration<DisclosureVersionRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureVersionRecord> builder)
    {
        builder.ToTable("DisclosureVersions");
        builder.HasIndex(v => new { v.ItemId, v.Version }).IsUnique();
        builder.HasOne<DisclosureRecord>().WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexSequenceRecordConfiguration : IEntityTypeConfiguration<IndexSequenceRecord>
{
    public void Configure(EntityTypeBuilder<IndexSequenceRecord> builder)
    {
        builder.ToTable("DisclosureIndexSequences");
        builder.HasKey(s => s.Scope);
        builder.Property(s => s.Scope).HasMaxLength(100);
    }
}

internal sealed class WordEntryRecordConfiguration : IEntityTypeConfiguration<WordEntryRecord>
{
    public void Configure(EntityTypeBuilder<WordEntryRecord> builder)
    {
        builder.ToTable("DisclosureWords");
        builder.HasKey(w => w.Wrong);
        builder.Property(w => w.Wrong).HasMaxLength(50);
        builder.Property(w => w.Right).HasMaxLength(200);
        builder.Property(w => w.Kind).HasMaxLength(16);
        builder.Property(w => w.Note).HasMaxLength(200);
    }
}

internal sealed class DisclosureFileRecordConfiguration : IEntityTypeConfiguration<DisclosureFileRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureFileRecord> builder)
    {
        builder.ToTable("DisclosureFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.UploadedBy).HasMaxLength(450);
        builder.HasIndex(f => f.ItemId);
        builder.HasOne<DisclosureRecord>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
