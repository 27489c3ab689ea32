using Pnx.Municipalities;

namespace Pnx.Access;

/// <summary>
/// One role for one user: a function profile in one municipality, or an agency role. Takes effect
/// only when a second access administrator approves it; lapses 12 months after approval or the
/// last recertification. See README.md for the rules.
/// </summary>
public sealed class Grant
{
    public static readonly int ValidityMonths = 12;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public PnxUser User { get; set; } = null!;

    /// <summary>The role granted; for a municipal grant, the function profile's role at request time.</summary>
    public Role Role { get; set; }

    public int? MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public int? FunctionProfileId { get; set; }

    public FunctionProfile? FunctionProfile { get; set; }

    /// <summary>Null only for a bootstrap grant (README: the first access administrators).</summary>
    public string? RequestedById { get; set; }

    public DateTime RequestedAt { get; set; }

    public string? ApprovedById { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? RecertifiedById { get; set; }

    public DateTime? RecertifiedAt { get; set; }

    public string? RevokedById { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsBootstrap { get; set; }

    public GrantStatus StatusAt(DateTime utcNow) =>
        RevokedAt is not null ? GrantStatus.Revoked
        : ApprovedAt is null ? GrantStatus.Requested
        : ExpiresAt <= utcNow ? GrantStatus.Expired
        : GrantStatus.Active;
}

public enum GrantStatus
{
    Requested,
    Active,
    Expired,
    Revoked,
}
