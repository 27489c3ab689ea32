using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Activities.FileFormat;

/// <summary>One exported activity: the text of every column, in <see cref="ActivityColumns.All"/> order.</summary>
public sealed record ActivityExportRow(int Id, IReadOnlyList<string> Cells);

/// <summary>
/// The municipality's own catalogue (deactivated activities too, not those shared with it), formatted so that
/// importing the export back reports everything unchanged: stored codes, the protocol's labels, ISO dates.
/// </summary>
public static class ActivityExportRows
{
    public static readonly int PhoneColumn = IndexOf(ActivityColumns.ContactPhone);

    public static async Task<IReadOnlyList<ActivityExportRow>> LoadAsync(PnxDb db, Municipality municipality, CancellationToken ct)
    {
        var partners = await Partners.LoadAsync(db, ct);
        var activities = await db.Activities.AsNoTracking().Include(a => a.SharedWith)
            .Where(a => a.MunicipalityId == municipality.Id).OrderBy(a => a.Id).ToListAsync(ct);
        return activities.Select(a => ToRow(a.Id, ActivityValues.Of(a, a.SharedWith.Select(s => partners.NisOf(s.MunicipalityId))))).ToList();
    }

    public static ActivityExportRow ToRow(int id, ActivityValues values) =>
        new(id, ActivityColumns.All.Select(column => Cell(id, values, column)).ToArray());

    private static string Cell(int id, ActivityValues v, string column) => column switch
    {
        ActivityColumns.Id => id > 0 ? id.ToString(CultureInfo.InvariantCulture) : "",
        ActivityColumns.Title => v.Title,
        ActivityColumns.Description => v.Description ?? "",
        ActivityColumns.Organiser => v.Organiser,
        ActivityColumns.ContactPerson => v.ContactPerson ?? "",
        ActivityColumns.ContactEmail => v.ContactEmail ?? "",
        ActivityColumns.ContactPhone => v.ContactPhone ?? "",
        ActivityColumns.Address => v.Address ?? "",
        ActivityColumns.PostalCode => v.PostalCode ?? "",
        ActivityColumns.City => v.City ?? "",
        ActivityColumns.Categories => v.Categories.Label(),
        ActivityColumns.Childcare => YesNo(v.Childcare),
        ActivityColumns.FamilyActivity => YesNo(v.FamilyActivity),
        ActivityColumns.Free => YesNo(v.Free),
        ActivityColumns.MinimumDutchLevel => v.MinimumDutchLevel.Label(),
        ActivityColumns.Languages => string.Join(" | ", ActivityValues.Split(v.Languages)),
        ActivityColumns.Capacity => v.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "",
        ActivityColumns.Hours => v.Hours is { } hours ? ActivityHours.Format(hours) : "",
        ActivityColumns.From => v.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ActivityColumns.To => v.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ActivityColumns.SharedWith => string.Join(" | ", v.SharedWithCodes),
        _ => throw new InvalidOperationException($"Column \"{column}\" has no export value."),
    };

    public static string YesNo(bool value) => value ? "ja" : "nee";

    private static int IndexOf(string column)
    {
        for (var i = 0; i < ActivityColumns.All.Count; i++)
        {
            if (ActivityColumns.All[i] == column) return i;
        }

        throw new InvalidOperationException($"Column \"{column}\" is not an activity column.");
    }
}
