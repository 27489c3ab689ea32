namespace Pnx.Access;

/// <summary>The seven roles of the protocol (brief: parties and people). Grants carry them; Identity roles are not used.</summary>
public enum Role
{
    AgencyAccessAdministrator,
    AgencyDataSteward,
    AgencyTrajectoryCounsellor,
    AgencyDpo,
    MunicipalCaseWorker,
    MunicipalOfferManager,
    MunicipalDpo,
}

/// <summary>The contract's names for the roles (§1) and the two facts the rules need about each.</summary>
public static class Roles
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    public static string Slug(this Role role) => role switch
    {
        Role.AgencyAccessAdministrator => "agency-access-administrator",
        Role.AgencyDataSteward => "agency-data-steward",
        Role.AgencyTrajectoryCounsellor => "agency-trajectory-counsellor",
        Role.AgencyDpo => "agency-dpo",
        Role.MunicipalCaseWorker => "municipal-case-worker",
        Role.MunicipalOfferManager => "municipal-offer-manager",
        Role.MunicipalDpo => "municipal-dpo",
    };

    public static bool IsMunicipal(this Role role) =>
        role is Role.MunicipalCaseWorker or Role.MunicipalOfferManager or Role.MunicipalDpo;

    public static bool IsAgency(this Role role) => !role.IsMunicipal();

    /// <summary>Every role but the access administrator's needs to see personal data (art. 4: only if the function needs it).</summary>
    public static bool CanReadPersonalData(this Role role) => role != Role.AgencyAccessAdministrator;

    public static bool TryParseSlug(string? slug, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static string SlugList(Func<Role, bool> filter) => string.Join(", ", All.Where(filter).Select(r => r.Slug()));
}
