using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Imports.Upload;

/// <summary>
/// A file between preview and apply, kept in the database so that any server instance can apply what another
/// previewed. Bound to its uploader (and workspace) and to the page it was uploaded on; removed on apply and by
/// the daily jobs after <see cref="UploadStore.Lifetime"/>. Of the original name only the extension is kept.
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
    /// Null while the file awaits apply; then <see cref="UploadStates"/>: queued, reading, writing, done or failed.
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

/// <summary>The states of an applied upload (<see cref="StagedUpload.State"/>).</summary>
public static class UploadStates
{
    public const string Queued = "queued";
    public const string Reading = "reading";
    public const string Writing = "writing";
    public const string Done = "done";
    public const string Failed = "failed";

    public static bool IsRunning(string? state) => state is Queued or Reading or Writing;
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
