using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Pnx.Access.SignIn;

/// <summary>
/// Verifies the typed password against a hash of a random password nobody knows, for a sign-in that is refused
/// before Identity would hash anything (unknown, disabled, locked account). The work, and so the answer's
/// timing, is then the same as for a real account with a wrong password.
/// </summary>
public static class DecoyPasswordCheck
{
    private static readonly PnxUser Nobody = new() { DisplayName = "" };
    private static string? _hash;

    public static void Run(IPasswordHasher<PnxUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
