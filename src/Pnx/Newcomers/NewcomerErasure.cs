using Microsoft.EntityFrameworkCore;

namespace Pnx.Newcomers;

/// <summary>Removes every personal field at once; the dossier number and dates stay as processing metadata.</summary>
public static class NewcomerErasure
{
    public static Task<int> EraseAsync(IQueryable<Newcomer> newcomers, DateTime now, CancellationToken ct) =>
        newcomers.ExecuteUpdateAsync(
            s => s
                .SetProperty(n => n.FamilyName, (string?)null)
                .SetProperty(n => n.GivenNames, (string?)null)
                .SetProperty(n => n.SearchName, (string?)null)
                .SetProperty(n => n.Street, (string?)null)
                .SetProperty(n => n.HouseNumber, (string?)null)
                .SetProperty(n => n.Box, (string?)null)
                .SetProperty(n => n.PostalCode, (string?)null)
                .SetProperty(n => n.City, (string?)null)
                .SetProperty(n => n.Phone, (string?)null)
                .SetProperty(n => n.Email, (string?)null)
                .SetProperty(n => n.ContactLanguage, (string?)null)
                .SetProperty(n => n.DutchLevel, (DutchLevel?)null)
                .SetProperty(n => n.CivicOrientationStatus, (CivicOrientationStatus?)null)
                .SetProperty(n => n.Interests, InterestsAndNeeds.None)
                .SetProperty(n => n.ErasedAt, now),
            ct);
}
