using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.CaseWork;

/// <summary>
/// Who did something, for people to read: an audit actor "user:ID" becomes the staff member's name and e-mail;
/// other actors (the CLI, an API client) stay as they are.
/// </summary>
public static class StaffNames
{
    public const string UserPrefix = "user:";

    public static async Task<IReadOnlyDictionary<string, string>> ForActorsAsync(PnxDb db, IEnumerable<string> actors, CancellationToken ct)
    {
        var distinct = actors.Distinct(StringComparer.Ordinal).ToList();
        var ids = distinct.Where(a => a.StartsWith(UserPrefix, StringComparison.Ordinal)).Select(a => a[UserPrefix.Length..]).ToList();
        // No staff member among the actors (no history yet, or only the CLI): no query.
        if (ids.Count == 0) return distinct.ToDictionary(a => a, a => a, StringComparer.Ordinal);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var byActor = users.ToDictionary(u => UserPrefix + u.Id, u => Label(u.DisplayName, u.Email), StringComparer.Ordinal);
        return distinct.ToDictionary(a => a, a => byActor.GetValueOrDefault(a) ?? a, StringComparer.Ordinal);
    }

    /// <summary>A staff member read with the row that names them: their label, or the actor "user:ID" when the account is gone.</summary>
    public static string ForUser(string userId, string? name, string? email) => name is null ? UserPrefix + userId : Label(name, email);

    public static string Label(string name, string? email) => string.IsNullOrEmpty(email) ? name : $"{name} ({email})";
}
