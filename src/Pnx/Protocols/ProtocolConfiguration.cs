using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Protocols;

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("protocols");
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MunicipalityId, p.StartDate });
    }
}
