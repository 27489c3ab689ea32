using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Trajectories;

/// <summary>
/// The agency's own facts about one newcomer's integration contract, keyed by the source system's dossier
/// number: the contract term and work or study (decree art. 33 §2). Agency-only: no municipal role reads them.
/// </summary>
public sealed class TrajectoryFacts
{
    public required string DossierNumber { get; set; }

    public DateOnly? ContractSignedOn { get; set; }

    public DateOnly? ContractEndsOn { get; set; }

    /// <summary>Working or studying when the contract was signed.</summary>
    public bool WorkingOrStudyingAtSigning { get; set; }

    /// <summary>Started working or studying after signing (before the trajectory ends).</summary>
    public DateOnly? WorkOrStudyStartedOn { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

internal sealed class TrajectoryFactsConfiguration : IEntityTypeConfiguration<TrajectoryFacts>
{
    public void Configure(EntityTypeBuilder<TrajectoryFacts> builder)
    {
        builder.ToTable("trajectory_facts");
        builder.HasKey(f => f.DossierNumber);
        builder.Property(f => f.DossierNumber).HasMaxLength(32);
        builder.Property(f => f.UpdatedBy).HasMaxLength(100);
    }
}
