using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>
/// The single row that names the newest link of the chain. Appends lock it (serialising writers
/// across server instances) and verification compares it with the last entry, so that removing
/// the newest entries is detected too. An empty chain's head is seq 0 with the genesis hash (64 zeros).
/// </summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Seq { get; set; }

    public required string Hash { get; set; }

    /// <summary>"SEQ HASH", what `pnx audit head` prints and a witness keeps outside the system.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture, $"{Seq} {Hash}");

    /// <summary>"SEQ:HASH", the value of `pnx audit verify --expect`.</summary>
    public string Expectation => string.Create(CultureInfo.InvariantCulture, $"{Seq}:{Hash}");

    public static Task<AuditHead> ReadAsync(PnxDb db, CancellationToken cancellationToken) =>
        db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == SingletonId, cancellationToken);
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("audit_head");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        builder.Ignore(h => h.Line);
        builder.Ignore(h => h.Expectation);
        builder.HasData(new AuditHead { Id = AuditHead.SingletonId, Seq = 0, Hash = AuditHash.Genesis });
    }
}
