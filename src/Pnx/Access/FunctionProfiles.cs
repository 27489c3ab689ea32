using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>A row of the function-profile list: what a municipality's job title grants and how many hold it now.</summary>
public sealed record FunctionProfileRow(string MunicipalityNis, string Name, Role Role, int ActiveGrants);

/// <summary>Function profiles per municipality (protocol art. 4): each maps one job title to one municipal role.</summary>
public static class FunctionProfiles
{
    public const int DescriptionMaxLength = 1000;

    public static Task<AccessOutcome> AddAsync(PnxDb db, TimeProvider time, string nis, string name, string roleSlug, string actor, CancellationToken ct = default) =>
        AddAsync(db, time, nis, name, roleSlug, null, actor, ct);

    /// <param name="description">What the holder does with the data (the municipality's words, art. 4), or null.</param>
    public static async Task<AccessOutcome> AddAsync(
        PnxDb db, TimeProvider time, string nis, string name, string roleSlug, string? description, string actor, CancellationToken ct = default)
    {
        name = CleanName(name);
        description = CleanDescription(description);
        if (!Roles.TryParseSlug(roleSlug, out var role) || !role.IsMunicipal())
        {
            return AccessOutcome.Rejected($"--role: \"{roleSlug}\" is not a municipal role ({Roles.SlugList(r => r.IsMunicipal())})");
        }

        if (!IsValidName(name)) return AccessOutcome.Rejected(NameRule);
        if (!IsValidDescription(description)) return AccessOutcome.Rejected(DescriptionRule);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var municipality = await db.Municipalities.Where(m => m.NisCode == nis.Trim()).Select(m => new { m.Id, m.NisCode }).SingleOrDefaultAsync(ct);
        if (municipality is null) return AccessOutcome.Rejected($"--municipality: no municipality {nis.Trim()}");
        if (await db.FunctionProfiles.AnyAsync(p => p.MunicipalityId == municipality.Id && p.Name == name, ct))
        {
            return AccessOutcome.Refused($"refused: municipality {municipality.NisCode} already has a function profile with this name");
        }

        var profile = new FunctionProfile { MunicipalityId = municipality.Id, Name = name, Role = role, Description = description, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.FunctionProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        var detail = string.Create(CultureInfo.InvariantCulture, $"profile {profile.Id}; role {role.Slug()}");
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "function-profile.add", municipality.NisCode, [], AuditPurposes.Supervision, detail), ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done($"{municipality.NisCode} function profile \"{name}\" ({role.Slug()}) added");
    }

    public static async Task<IReadOnlyList<FunctionProfileRow>> ListAsync(PnxDb db, string nis, DateTimeOffset now, CancellationToken ct = default)
    {
        var utcNow = now.UtcDateTime;
        var active = AccessQueries.IsActive(utcNow);
        var counts = await db.Grants.AsNoTracking()
            .Where(g => g.FunctionProfileId != null && g.Municipality!.NisCode == nis)
            .Where(active)
            .GroupBy(g => g.FunctionProfileId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var profiles = await db.FunctionProfiles.AsNoTracking()
            .Where(p => p.Municipality.NisCode == nis && p.RetiredAt == null)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Role })
            .ToListAsync(ct);
        return profiles.Select(p => new FunctionProfileRow(nis, p.Name, p.Role, counts.GetValueOrDefault(p.Id))).ToList();
    }

    public const string NameRule = "--name: give a name of 1 to 100 characters";

    public const string DescriptionRule = "--description: give at most 1000 characters";

    public static string CleanName(string? name) => (name ?? "").Trim().Normalize(NormalizationForm.FormC);

    public static bool IsValidName(string name) => name.Length is > 0 and <= 100 && !name.Any(char.IsControl);

    /// <summary>Line breaks are kept (a list of tasks); empty becomes null.</summary>
    public static string? CleanDescription(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n").Normalize(NormalizationForm.FormC);

    public static bool IsValidDescription(string? text) =>
        text is null || (text.Length <= DescriptionMaxLength && !text.Any(c => char.IsControl(c) && c != '\n'));

    /// <summary>CSV as the exports write it (contract §5): `;`, CRLF, quoted when needed, no cell that acts as a formula.</summary>
    public static string ToCsv(IEnumerable<FunctionProfileRow> rows)
    {
        var builder = new StringBuilder("Gemeente;Functieprofiel;Rol;Actieve toegangen\r\n");
        foreach (var row in rows)
        {
            builder.Append(Cell(row.MunicipalityNis)).Append(';').Append(Cell(row.Name)).Append(';')
                .Append(row.Role.Slug()).Append(';').Append(row.ActiveGrants.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return builder.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
