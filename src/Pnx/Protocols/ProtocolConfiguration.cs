using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Protocols;

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("protocols");
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.Property(p => p.TerminationReason).HasMaxLength(500);
        builder.Property(p => p.AgencySignatory).HasMaxLength(200);
        builder.Property(p => p.MunicipalitySignatory).HasMaxLength(200);
        builder.Property(p => p.PublishedText).HasMaxLength(200_000);
        builder.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MunicipalityId, p.StartDate });
    }
}

internal sealed class ProtocolVersionConfiguration : IEntityTypeConfiguration<ProtocolVersion>
{
    public void Configure(EntityTypeBuilder<ProtocolVersion> builder)
    {
        builder.ToTable("protocol_versions");
        builder.Property(v => v.Actor).HasMaxLength(100);
        builder.Property(v => v.Change).HasMaxLength(500);
        builder.HasIndex(v => new { v.ProtocolId, v.Number }).IsUnique();
    }
}
