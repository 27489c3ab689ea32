using Microsoft.AspNetCore.Identity;

namespace Pnx.Access;

/// <summary>
/// A staff account. Accounts exist only because the agency made them (no self-registration);
/// what a user may do comes from their grants, never from Identity roles.
/// </summary>
public sealed class PnxUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When set, the account has no active grants and its sessions are dead (security stamp renewed).</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>
    /// The newest TOTP time step accepted for this account (0: none yet). Written only by the atomic
    /// compare-and-set of <see cref="SecondFactor.OneTimeCodes"/>, never by Identity's updates, so a code works once.
    /// </summary>
    public long TotpLastStep { get; private set; }
}
