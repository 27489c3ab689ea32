using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Retention;

/// <summary>
/// One line of the deletion register (contract §9): whose personal data were removed, where, when and by which rule.
/// Written in the transaction of the erasure itself (<see cref="Newcomers.NewcomerErasure"/>), and holding no other
/// personal data, so that it can outlive the data and make a restore remove them again.
/// </summary>
public sealed class DeletionRecord
{
    public long Id { get; set; }

    public required string DossierNumber { get; set; }

    public required string MunicipalityNis { get; set; }

    /// <summary>The Belgian calendar day of the removal.</summary>
    public DateOnly RemovedOn { get; set; }

    public RetentionRule Rule { get; set; }
}

internal sealed class DeletionRecordConfiguration : IEntityTypeConfiguration<DeletionRecord>
{
    public void Configure(EntityTypeBuilder<DeletionRecord> builder)
    {
        builder.ToTable("deletion_records");
        builder.Property(d => d.DossierNumber).HasMaxLength(32);
        builder.Property(d => d.MunicipalityNis).HasMaxLength(5);
        builder.Property(d => d.Rule).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.MunicipalityNis, d.DossierNumber });
    }
}
