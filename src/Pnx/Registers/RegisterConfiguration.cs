using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Registers;

internal sealed class ProcessorConfiguration : IEntityTypeConfiguration<Processor>
{
    public void Configure(EntityTypeBuilder<Processor> builder)
    {
        builder.ToTable("processors");
        builder.Property(p => p.Name).HasMaxLength(RegisterFields.NameMaxLength);
        builder.Property(p => p.Purpose).HasMaxLength(RegisterFields.PurposeMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MunicipalityId, p.Name });
    }
}

internal sealed class DpoContactConfiguration : IEntityTypeConfiguration<DpoContact>
{
    public void Configure(EntityTypeBuilder<DpoContact> builder)
    {
        builder.ToTable("dpo_contacts");
        builder.Property(d => d.Name).HasMaxLength(RegisterFields.NameMaxLength);
        builder.Property(d => d.Email).HasMaxLength(254);
        builder.Property(d => d.Phone).HasMaxLength(20);
        builder.Property(d => d.Address).HasMaxLength(RegisterFields.AddressMaxLength);
        builder.HasOne(d => d.Municipality).WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // One contact per municipality; the agency's single row (null) is kept single by DpoContacts, under the audit lock.
        builder.HasIndex(d => d.MunicipalityId).IsUnique();
    }
}
