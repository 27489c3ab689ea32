using System.Globalization;

namespace Pnx.Access.Web;

/// <summary>
/// How a function profile or a grant reads on the pages, without saying a word twice: a profile named after its
/// role shows its name once ("Toeleider (23027 Halle)"), another name shows its role too
/// ("Integratieambtenaar (Toeleider, 23027 Halle)"), and a municipal one always names its municipality.
/// </summary>
public static class ProfileLabels
{
    public static string Function(string? profile, Role role) => Compose(profile, role, null);

    public static string InMunicipality(string? profile, Role role, string nis, string? municipalityName) =>
        Compose(profile, role, string.IsNullOrEmpty(municipalityName) ? nis : nis + " " + municipalityName);

    /// <summary>An agency role by its name, a municipal grant as its profile in its municipality.</summary>
    public static string Grant(Role role, string? profile, string? nis, string? municipalityName) =>
        nis is null ? RoleLabels.Dutch(role) : InMunicipality(profile, role, nis, municipalityName);

    private static string Compose(string? profile, Role role, string? municipality)
    {
        var roleLabel = RoleLabels.Dutch(role);
        var namesRole = string.IsNullOrWhiteSpace(profile)
                        || profile.Contains(roleLabel, StringComparison.OrdinalIgnoreCase)
                        || roleLabel.Contains(profile, StringComparison.OrdinalIgnoreCase);
        var name = namesRole ? (string.IsNullOrWhiteSpace(profile) ? roleLabel : profile) : profile!;
        var extra = namesRole ? municipality : municipality is null ? roleLabel : roleLabel + ", " + municipality;
        return extra is null ? name : string.Create(CultureInfo.InvariantCulture, $"{name} ({extra})");
    }
}
