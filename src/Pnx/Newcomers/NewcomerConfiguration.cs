using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Newcomers;

internal sealed class NewcomerConfiguration : IEntityTypeConfiguration<Newcomer>
{
    public void Configure(EntityTypeBuilder<Newcomer> builder)
    {
        builder.ToTable("newcomers");
        builder.Property(n => n.DossierNumber).HasMaxLength(32);
        builder.Property(n => n.FamilyName).HasMaxLength(100);
        builder.Property(n => n.GivenNames).HasMaxLength(100);
        builder.Property(n => n.SearchName).HasMaxLength(NewcomerSearch.MaxLength);
        builder.Property(n => n.Street).HasMaxLength(150);
        builder.Property(n => n.HouseNumber).HasMaxLength(10);
        builder.Property(n => n.Box).HasMaxLength(10);
        builder.Property(n => n.PostalCode).HasMaxLength(4);
        builder.Property(n => n.City).HasMaxLength(100);
        builder.Property(n => n.Phone).HasMaxLength(20);
        builder.Property(n => n.Email).HasMaxLength(254);
        builder.Property(n => n.ContactLanguage).HasMaxLength(3);
        builder.Property(n => n.DutchLevel).HasConversion<string>().HasMaxLength(4);
        builder.Property(n => n.CivicOrientationStatus).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(n => n.Municipality).WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.MunicipalityId, n.DossierNumber }).IsUnique();
        builder.HasIndex(n => n.CertificateDate);
        // Covers the workspace's "current newcomers" count and its contact-language list without touching rows.
        builder.HasIndex(n => new { n.MunicipalityId, n.WithdrawnAt, n.ErasedAt, n.ContactLanguage });
    }
}
