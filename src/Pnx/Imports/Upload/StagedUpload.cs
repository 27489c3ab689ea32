using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Imports.Upload;

/// <summary>
/// A file between preview and apply, kept in the database so that any server instance can apply what another
/// previewed. Bound to its uploader (and workspace) and to the page it was uploaded on; removed on apply and by
/// the daily jobs after <see cref="UploadStore.Lifetime"/>. Of the original name the row keeps the extension, and
/// the outcome shown to the uploader the name in plain characters (<see cref="UploadStore"/>).
/// </summary>
public sealed class StagedUpload
{
    /// <summary>32 random lower-case hex digits: what the preview page hands back to apply.</summary>
    public required string Key { get; set; }

    /// <summary>The uploader's user id, with the workspace's NIS code on workspace pages ("id@23027").</summary>
    public required string Owner { get; set; }

    public required string Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>".csv", ".xlsx" or empty: file names may name people, extensions do not.</summary>
    public required string Extension { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>
    /// <see cref="UploadStates"/>; null for the other pages' files awaiting apply (their dry run runs in the request).
    /// The background import (<see cref="UploadImportService"/>) writes it, so any instance or a reload shows it.
    /// </summary>
    public string? State { get; set; }

    public int RowsRead { get; set; }

    /// <summary>Share of the file read (0–1); null when it cannot be told (a workbook is unpacked first).</summary>
    public double? Fraction { get; set; }

    /// <summary>The outcome (<see cref="UploadOutcome"/>) once done or failed: exit code, lines and problems, never a personal value.</summary>
    public string? OutcomeJson { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Last sign of life of a running import: one that stopped telling is marked failed (<see cref="UploadImportService"/>).</summary>
    public DateTime? UpdatedAt { get; set; }
}

/// <summary>
/// The states of an upload of the agency's export (<see cref="StagedUpload.State"/>). The dry run: queued, checking,
/// comparing, then previewed (the file awaits confirmation) or done (refused: the outcome says why). Confirmed:
/// queued, reading, writing, then done or failed. Each state has one meaning, so the page can say what happens.
/// </summary>
public static class UploadStates
{
    public const string Queued = "queued";
    public const string Checking = "checking";
    public const string Comparing = "comparing";
    public const string Previewed = "previewed";
    public const string Reading = "reading";
    public const string Writing = "writing";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>Queued or being worked on: the background import owns the row (heartbeat, never removed by the cleanup).</summary>
    public static readonly IReadOnlyList<string> Running = [Queued, Checking, Comparing, Reading, Writing];

    /// <summary>Being worked on (not queued): the states the progress is written in.</summary>
    public static readonly IReadOnlyList<string> Working = [Checking, Comparing, Reading, Writing];

    public static bool IsRunning(string? state) => Running.Contains(state);
}

internal sealed class StagedUploadConfiguration : IEntityTypeConfiguration<StagedUpload>
{
    public void Configure(EntityTypeBuilder<StagedUpload> builder)
    {
        builder.ToTable("staged_uploads");
        builder.HasKey(u => u.Key);
        builder.Property(u => u.Key).HasMaxLength(32);
        builder.Property(u => u.Owner).HasMaxLength(500);
        builder.Property(u => u.Kind).HasMaxLength(20);
        builder.Property(u => u.Extension).HasMaxLength(10);
        builder.Property(u => u.State).HasMaxLength(10);
        builder.HasIndex(u => u.CreatedAt);
    }
}
