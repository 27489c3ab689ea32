using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Registers;

/// <summary>Someone who holds a profile now: an active grant (approved, not revoked, not expired, account enabled).</summary>
public sealed record ProfileHolder(string Name, string Email, DateTime Since, DateTime? Until);

/// <summary>One function profile as the register shows it: the role, what it may do, and who holds it now.</summary>
public sealed record ProfileEntry(
    int Id, string MunicipalityNis, string Name, Role Role, string? Description, DateTime CreatedAt, DateTime? RetiredAt, IReadOnlyList<ProfileHolder> Holders)
{
    public IReadOnlyList<string> MayDo => RoleCapabilities.Of(Role);
}

/// <summary>
/// The list of function profiles a municipality keeps (protocol art. 4), kept by its DPO: rename, describe the tasks,
/// retire. Adding goes through <see cref="FunctionProfiles.AddAsync"/>, as for the CLI and the agency. Every change is audited.
/// </summary>
public static class ProfileRegister
{
    /// <summary>The profiles of one municipality (or all, for the agency), current ones first, each with its holders.</summary>
    public static async Task<IReadOnlyList<ProfileEntry>> LoadAsync(PnxDb db, int? municipalityId, DateTimeOffset now, CancellationToken ct)
    {
        var profiles = await db.FunctionProfiles.AsNoTracking()
            .Where(p => municipalityId == null || p.MunicipalityId == municipalityId)
            .Select(p => new { p.Id, p.Municipality.NisCode, p.Name, p.Role, p.Description, p.CreatedAt, p.RetiredAt })
            .ToListAsync(ct);
        var holders = await db.Grants.AsNoTracking()
            .Where(g => g.FunctionProfileId != null && (municipalityId == null || g.MunicipalityId == municipalityId))
            .Where(AccessQueries.IsActive(now.UtcDateTime))
            .OrderBy(g => g.User.DisplayName).ThenBy(g => g.Id)
            .Select(g => new { ProfileId = g.FunctionProfileId!.Value, g.User.DisplayName, g.User.Email, g.ApprovedAt, g.ExpiresAt })
            .ToListAsync(ct);
        var byProfile = holders.ToLookup(h => h.ProfileId, h => new ProfileHolder(h.DisplayName, h.Email ?? "", h.ApprovedAt!.Value, h.ExpiresAt));
        return profiles
            .OrderBy(p => p.NisCode, StringComparer.Ordinal).ThenBy(p => p.RetiredAt is not null).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new ProfileEntry(p.Id, p.NisCode, p.Name, p.Role, p.Description, p.CreatedAt, p.RetiredAt, byProfile[p.Id].ToList()))
            .ToList();
    }

    /// <summary>Renames a current profile and (re)describes its tasks. Its role never changes: grants carry it.</summary>
    public static async Task<RegisterOutcome> UpdateAsync(
        PnxDb db, TimeProvider time, int municipalityId, string nis, int id, string? name, string? description, string actor, CancellationToken ct)
    {
        var cleanName = FunctionProfiles.CleanName(name);
        var cleanDescription = FunctionProfiles.CleanDescription(description);
        var problems = new List<RegisterProblem>();
        if (!FunctionProfiles.IsValidName(cleanName)) problems.Add(new("Name", "Geef een naam van 1 tot 100 tekens."));
        if (!FunctionProfiles.IsValidDescription(cleanDescription)) problems.Add(new("Description", "Beschrijf de taken in hoogstens 1000 tekens."));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var profile = await db.FunctionProfiles.SingleOrDefaultAsync(p => p.Id == id && p.MunicipalityId == municipalityId, ct);
        if (profile is null) return RegisterOutcome.Missing;
        if (profile.RetiredAt is not null) return RegisterOutcome.Refused("Name", "Dit functieprofiel is ingetrokken en kan niet meer gewijzigd worden.");
        if (problems.Count > 0) return new RegisterOutcome(false, problems);
        if (await db.FunctionProfiles.AnyAsync(p => p.MunicipalityId == municipalityId && p.Id != id && p.Name == cleanName, ct))
        {
            return RegisterOutcome.Refused("Name", "De gemeente heeft al een functieprofiel met deze naam.");
        }

        var changed = new List<string>();
        if (profile.Name != cleanName) changed.Add("name");
        if (profile.Description != cleanDescription) changed.Add("description");
        if (changed.Count == 0) return RegisterOutcome.Done(id);
        profile.Name = cleanName;
        profile.Description = cleanDescription;
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, time, actor, "function-profile.update", nis, $"profile {id}; changed {string.Join(", ", changed)}", ct);
        await transaction.CommitAsync(ct);
        return RegisterOutcome.Done(id);
    }

    /// <summary>
    /// Retires a profile nobody holds or has asked for: access is the agency's to revoke (art. 6, four eyes), so the
    /// municipality first asks the agency to revoke the grants. A retired profile grants nothing new (<see cref="GrantRules"/>).
    /// </summary>
    public static async Task<RegisterOutcome> RetireAsync(PnxDb db, TimeProvider time, int municipalityId, string nis, int id, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var profile = await db.FunctionProfiles.SingleOrDefaultAsync(p => p.Id == id && p.MunicipalityId == municipalityId, ct);
        if (profile is null) return RegisterOutcome.Missing;
        if (profile.RetiredAt is not null) return RegisterOutcome.Refused("Retire", "Dit functieprofiel is al ingetrokken.");
        var inUse = await db.Grants.Where(g => g.FunctionProfileId == id).Where(AccessQueries.IsActiveOrRequested(now)).CountAsync(ct);
        if (inUse > 0)
        {
            return RegisterOutcome.Refused("Retire", string.Create(CultureInfo.InvariantCulture,
                $"Nog {inUse} toegang(en) via dit profiel zijn actief of aangevraagd. Vraag het Agentschap eerst om ze in te trekken."));
        }

        profile.RetiredAt = now;
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, time, actor, "function-profile.retire", nis, $"profile {id}", ct);
        await transaction.CommitAsync(ct);
        return RegisterOutcome.Done(id);
    }

    internal static Task AuditAsync(PnxDb db, TimeProvider time, string actor, string action, string? nis, string detail, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, time, new AuditRecord(actor, action, nis, [], AuditPurposes.Supervision, detail), ct);
}
