using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Municipalities;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("municipalities");
        builder.Property(m => m.NisCode).HasMaxLength(5);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.HasIndex(m => m.NisCode).IsUnique();
        // Only the database's triggers write it: EF Core never sends it, and reads it back after a save.
        builder.Property(m => m.NewcomersStamp).HasDefaultValue(0L).ValueGeneratedOnAddOrUpdate();
    }
}
