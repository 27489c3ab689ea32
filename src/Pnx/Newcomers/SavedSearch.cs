using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Newcomers;

/// <summary>
/// A search text a case worker typed, kept server-side for a short while under an opaque random key, so the list's
/// URL can carry the key (<c>?zoek=KEY</c>) instead of a name. Bound to the user and the workspace that made it;
/// kept in the database so every server instance finds it.
/// </summary>
public sealed class SavedSearch
{
    public required string Key { get; set; }

    public required string UserId { get; set; }

    public int MunicipalityId { get; set; }

    /// <summary>Personal data (it is usually a name): never logged, never audited, deleted once expired.</summary>
    public required string Text { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("saved_searches");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(SavedSearches.KeyLength);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Text).HasMaxLength(SavedSearches.MaxTextLength);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
