using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pnx.Imports;

namespace Pnx.Newcomers;

internal sealed class NewcomerConfiguration : IEntityTypeConfiguration<Newcomer>
{
    public void Configure(EntityTypeBuilder<Newcomer> builder)
    {
        builder.ToTable("newcomers");
        // Lengths and stored forms of the fields come from the one definition of them.
        foreach (var field in NewcomerFields.All) field.Configure(builder);
        builder.HasOne(n => n.Municipality).WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.MunicipalityId, n.DossierNumber }).IsUnique();
        builder.HasIndex(n => n.CertificateDate);
        // Covers the workspace's "current newcomers" count (retention terms included: last confirmation, certificate date)
        // and its contact-language list without touching rows: 100,000 newcomers count in milliseconds.
        builder.HasIndex(n => new { n.MunicipalityId, n.WithdrawnAt, n.ErasedAt, n.LastConfirmedAt, n.CertificateDate, n.ContactLanguage });
        // The list's sort by name and its level and civic-orientation filters read these in order, not the whole municipality.
        builder.HasIndex(n => new { n.MunicipalityId, n.SearchName, n.Id });
        builder.HasIndex(n => new { n.MunicipalityId, n.DutchLevel, n.DossierNumber });
        builder.HasIndex(n => new { n.MunicipalityId, n.CivicOrientationStatus, n.DossierNumber });
    }
}
