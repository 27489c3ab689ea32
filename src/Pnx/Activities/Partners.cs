using Microsoft.EntityFrameworkCore;
using Pnx.Activities.FileFormat;
using Pnx.Data;
using Pnx.Imports;

namespace Pnx.Activities;

/// <summary>
/// The municipalities an activity may be shared with (Gedeeld met, contract §7): any other municipality in the
/// system, by NIS code. Read once per import or form post; the list holds a few dozen rows at most.
/// </summary>
public sealed class Partners
{
    private readonly Dictionary<string, int> _idByNis;
    private readonly Dictionary<int, string> _nisById;

    private Partners(Dictionary<string, int> idByNis)
    {
        _idByNis = idByNis;
        _nisById = idByNis.ToDictionary(p => p.Value, p => p.Key);
    }

    public static async Task<Partners> LoadAsync(PnxDb db, CancellationToken ct) =>
        new(await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.NisCode, m => m.Id, StringComparer.Ordinal, ct));

    public string NisOf(int municipalityId) => _nisById[municipalityId];

    public IReadOnlyList<int> IdsOf(ActivityValues values) => values.SharedWithCodes.Select(nis => _idByNis[nis]).ToList();

    /// <summary>Problems with the partners of one row: an unknown NIS code, or the owning municipality itself.</summary>
    public IEnumerable<ImportProblem> Check(ActivityValues values, string ownNis, int rowNumber)
    {
        foreach (var nis in values.SharedWithCodes)
        {
            if (nis == ownNis) yield return new ImportProblem(rowNumber, ActivityColumns.SharedWith, ActivityFileTexts.OwnMunicipality(nis));
            else if (!_idByNis.ContainsKey(nis)) yield return new ImportProblem(rowNumber, ActivityColumns.SharedWith, ActivityFileTexts.UnknownMunicipality(nis));
        }
    }

    /// <summary>Makes the activity's share rows the given partners: removes the others, adds the missing ones.</summary>
    public static void Sync(Activity activity, IReadOnlyList<int> partnerIds)
    {
        activity.SharedWith.RemoveAll(s => !partnerIds.Contains(s.MunicipalityId));
        foreach (var id in partnerIds.Where(id => activity.SharedWith.All(s => s.MunicipalityId != id)))
        {
            activity.SharedWith.Add(new ActivityShare { ActivityId = activity.Id, MunicipalityId = id });
        }
    }
}
