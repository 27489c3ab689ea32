using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Sessions;

/// <summary>
/// A signed-in session, held in the database so that every server instance sees sign-out, disabling
/// and timeouts at once. The browser's cookie only carries <see cref="Id"/>.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>Absolute end: 8 hours after sign-in, whatever the activity.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The serialised authentication ticket (the user's id and claims; no newcomer data).</summary>
    public required byte[] Ticket { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId);
    }
}
