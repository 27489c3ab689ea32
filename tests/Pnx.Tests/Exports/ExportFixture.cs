using Microsoft.EntityFrameworkCore;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Exports;

/// <summary>
/// Seeds newcomers straight through EF Core (the importer is built separately), for a municipality
/// that <see cref="PnxCli.AddMunicipalityWithProtocolAsync"/> registered.
/// </summary>
internal static class ExportFixture
{
    public static async Task<(TestDatabase Database, PnxCli Cli)> HalleAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        return (database, cli);
    }

    public static Newcomer Newcomer(string dossier, string familyName = "Peeters", string givenNames = "An") => new()
    {
        DossierNumber = dossier,
        FamilyName = familyName,
        GivenNames = givenNames,
    };

    public static async Task SeedAsync(TestDatabase database, string nis, params Newcomer[] newcomers)
    {
        await using var db = database.Open();
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
        var now = PnxCli.DefaultNow.UtcDateTime;
        foreach (var newcomer in newcomers)
        {
            newcomer.MunicipalityId = municipalityId;
            newcomer.FirstSharedAt = now;
            newcomer.LastConfirmedAt = now;
        }

        db.Newcomers.AddRange(newcomers);
        await db.SaveChangesAsync();
    }

    public static string OutPath(TestDatabase database, string extension) =>
        Path.Combine(database.Settings.DataDir, "export." + extension);
}
