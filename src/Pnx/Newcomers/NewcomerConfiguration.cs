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
        // The list's sort by name reads this in order, not the whole municipality. Its level and civic-orientation sorts and
        // filters read indexes on their rank expressions (migration ListSortIndexes; NewcomerListQuery.LevelRank, CivicOrientationRank).
        builder.HasIndex(n => new { n.MunicipalityId, n.SearchName, n.Id });
        // Case-work summaries kept by triggers (migration CaseWorkSummary; NewcomerCaseWorkSummaryTests): the list's sort
        // on hours reads this index in order. The sort on last contact uses an index on an expression (never contacted
        // first on both engines), created by that migration's SQL because EF Core's model cannot express it.
        builder.Property(n => n.RecordedHours).HasDefaultValue(0d);
        builder.HasIndex(n => new { n.MunicipalityId, n.RecordedHours, n.DossierNumber, n.Id }).IsDescending(false, true, false, false);
    }
}
