using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(AuditEntry.Table);
        builder.HasKey(e => e.Seq);
        builder.Property(e => e.Seq).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Municipality).HasMaxLength(5);
        builder.Property(e => e.Purpose).HasMaxLength(200);
        builder.Property(e => e.Prev).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        // Every viewer filter is a range on an index ending in Seq, read newest first (keyset paging); the period
        // becomes a seq range through (At, Seq). See README.md, "The DPO viewers".
        builder.HasIndex(e => new { e.At, e.Seq });
        builder.HasIndex(e => new { e.Municipality, e.Seq });
        builder.HasIndex(e => new { e.Action, e.Seq });
        builder.HasIndex(e => new { e.Municipality, e.Action, e.Seq });
        builder.HasIndex(e => new { e.Actor, e.Seq });
    }
}
