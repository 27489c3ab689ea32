using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Jobs;

/// <summary>
/// One daily job on one Belgian day: the row every server instance checks (under a database lock) before
/// running the job, so that it runs once per day across all of them. Retries of a failed run update the same row.
/// </summary>
public sealed class JobRun
{
    public long Id { get; set; }

    public required string Job { get; set; }

    /// <summary>The Europe/Brussels day the run is for.</summary>
    public DateOnly Day { get; set; }

    /// <summary>When the last attempt started (UTC).</summary>
    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public JobOutcome Outcome { get; set; }

    /// <summary>Counts and ids only (e.g. "23027 Halle: 3 erased"), or the type of the failure; never personal data.</summary>
    public string Message { get; set; } = "";

    public int Attempts { get; set; }
}

public enum JobOutcome
{
    Running,
    Ok,
    Failed,
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.Property(r => r.Job).HasMaxLength(40);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Message).HasMaxLength(JobRuns.MaxMessageLength);
        builder.HasIndex(r => new { r.Job, r.Day }).IsUnique();
    }
}
