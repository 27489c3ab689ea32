using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Audit;

/// <summary>
/// The single row that names the newest link of the chain. Appends lock it (serialising writers
/// across server instances) and verification compares it with the last entry, so that removing
/// the newest entries is detected too.
/// </summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Seq { get; set; }

    public required string Hash { get; set; }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("audit_head");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasData(new AuditHead { Id = AuditHead.SingletonId, Seq = 0, Hash = AuditHash.Genesis });
    }
}
