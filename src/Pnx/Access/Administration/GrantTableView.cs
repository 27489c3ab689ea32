using System.Globalization;
using Pnx.Access.Web;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Administration;

/// <summary>A read-only table of grants; pages with actions render their own rows.</summary>
public sealed record GrantTableView(IReadOnlyList<GrantRow> Rows, string Caption, string Empty);

/// <summary>How grant facts read on the pages: Belgian dates, Dutch status and role names.</summary>
public static class GrantText
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static string Date(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Brussels).ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("nl-BE"))
        : "–";

    public static string Status(GrantStatus status) => T(status switch
    {
        GrantStatus.Requested => "aangevraagd",
        GrantStatus.Active => "actief",
        GrantStatus.Expired => "verlopen",
        GrantStatus.Revoked => "ingetrokken",
    });

    public static string Scope(GrantRow row) => ProfileLabels.Grant(row.Role, row.Profile, row.MunicipalityNis, row.MunicipalityName);
}
