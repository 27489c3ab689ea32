using Microsoft.EntityFrameworkCore;
using Pnx.Newcomers;
using Pnx.Newcomers.Pages;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>Adds as many newcomers as the list pages (<see cref="NewcomerFilter.MaxRows"/>) to a demo municipality, so it has more.</summary>
public static class LargeMunicipality
{
    /// <summary>All at level B2, dossier numbers ZZ-000000…, after the demo's own in the dossier order.</summary>
    public static async Task AddAsync(TestWeb web, string nis)
    {
        await using var db = web.Database.Open();
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
        var now = DateTime.UtcNow;
        db.Newcomers.AddRange(Enumerable.Range(0, NewcomerFilter.MaxRows).Select(i => new Newcomer
        {
            MunicipalityId = municipalityId, DossierNumber = $"ZZ-{i:D6}", FamilyName = "Limiet", GivenNames = $"Nummer {i}",
            SearchName = $"LIMIET NUMMER {i}", DutchLevel = DutchLevel.B2, FirstSharedAt = now, LastConfirmedAt = now,
        }));
        await db.SaveChangesAsync();
    }
}
