using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Audit.Viewer;

/// <summary>
/// Who acted, as a DPO reads it: the staff member's name and the function they acted in, instead of "user:ID".
/// Resolved for a whole page in one query (users with their approved grants), never per row.
/// </summary>
public sealed class AuditPeople
{
    public sealed record Person(string Name, string? Function, string? Email);

    private sealed record StaffGrant(Role Role, string? Nis, string? Profile);

    private sealed record Staff(string Name, string? Email, IReadOnlyList<StaffGrant> Grants);

    private const string UserPrefix = "user:";

    private readonly IReadOnlyDictionary<string, Staff> _staff;

    private AuditPeople(IReadOnlyDictionary<string, Staff> staff) => _staff = staff;

    public static readonly AuditPeople None = new(new Dictionary<string, Staff>());

    public static async Task<AuditPeople> ResolveAsync(PnxDb db, IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Actor).Where(a => a.StartsWith(UserPrefix, StringComparison.Ordinal))
            .Select(a => a[UserPrefix.Length..]).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return None;
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                Grants = db.Grants.Where(g => g.UserId == u.Id && g.ApprovedAt != null)
                    .OrderByDescending(g => g.ApprovedAt)
                    .Select(g => new StaffGrant(g.Role, g.Municipality != null ? g.Municipality.NisCode : null, g.FunctionProfile != null ? g.FunctionProfile.Name : null))
                    .ToList(),
            })
            .ToListAsync(ct);
        return new AuditPeople(users.ToDictionary(u => UserPrefix + u.Id, u => new Staff(u.DisplayName, u.Email, u.Grants), StringComparer.Ordinal));
    }

    /// <summary>
    /// The person behind an actor. The function is the grant they held in the entry's municipality, else their
    /// agency role: what they acted as. Non-staff actors (the command line, an API client) are named as such.
    /// </summary>
    public Person Of(string actor, string? municipality)
    {
        if (_staff.TryGetValue(actor, out var staff))
        {
            var grant = staff.Grants.FirstOrDefault(g => g.Nis is not null && g.Nis == municipality)
                        ?? staff.Grants.FirstOrDefault(g => g.Nis is null)
                        ?? (municipality is null && staff.Grants.Count > 0 ? staff.Grants[0] : null);
            return new Person(staff.Name, grant is null ? null : ProfileLabels.Function(grant.Profile, grant.Role), staff.Email);
        }

        var colon = actor.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = colon < 0 ? (actor, "") : (actor[..colon], actor[(colon + 1)..]);
        return kind switch
        {
            "cli" => new Person(id, T("opdrachtregel (pnx)"), null),
            "client" => new Person(T("API-client") + " " + id, null, null),
            "anonymous" => new Person(T("niet aangemeld"), null, null),
            "bootstrap" => new Person(T("installatie"), null, null),
            _ => new Person(actor, null, null),
        };
    }
}
