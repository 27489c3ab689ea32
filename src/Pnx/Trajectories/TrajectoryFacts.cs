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

    /// <summary>Raised on every edit; a stale form of another counsellor is refused, never a lost update.</summary>
    public int Version { get; set; }

    public ContractFacts Contract => new(ContractSignedOn, ContractEndsOn, WorkingOrStudyingAtSigning, WorkOrStudyStartedOn);
}

internal sealed class TrajectoryFactsConfiguration : IEntityTypeConfiguration<TrajectoryFacts>
{
    public void Configure(EntityTypeBuilder<TrajectoryFacts> builder)
    {
        builder.ToTable("trajectory_facts");
        builder.HasKey(f => f.DossierNumber);
        builder.Property(f => f.DossierNumber).HasMaxLength(32);
        builder.Property(f => f.UpdatedBy).HasMaxLength(100);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.Contract);
    }
}
