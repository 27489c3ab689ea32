using Pnx.Hosting;
using Pnx.Access.Web;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Newcomers;

namespace Pnx.Tests.Api;

public sealed class PushTests
{
    // Within the six months of retention, whatever day the test runs.
    private static readonly string RecentDate = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Uri Newcomers(string nis) => new($"/api/v1/municipalities/{nis}/newcomers", UriKind.Relative);

    private static object Newcomer(string dossier, string familyName = "Peeters", string? level = "A2") => new
    {
        dossierNumber = dossier, familyName, givenNames = "An", street = "Basiliekstraat", houseNumber = "12", postalCode = "1500", city = "Halle",
        phone = "0470 12 34 56", email = "an@Example.BE", contactLanguage = "Arabisch", dutchLevel = level, civicOrientationStatus = "lopend",
        interests = new[] { "buddy", "6" }, certificateDate = RecentDate,
    };

    [Fact]
    public async Task AnInvalidBatchWritesNothingAndListsEveryErrorWithIndexAndField()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        var before = await CountAsync(world, ApiWorld.Halle);
        var body = "{\"mode\":\"upsert\",\"newcomers\":[" +
            "{\"dossierNumber\":\"OK-1\",\"familyName\":\"Peeters\",\"givenNames\":\"An\"}," +
            "{\"dossierNumber\":\"OK-2\",\"familyName\":\"Janssens\",\"givenNames\":\"Bo\",\"dutchLevel\":\"B3\",\"nationality\":\"BE\"}," +
            "{\"dossierNumber\":\"OK-1\",\"familyName\":\"\",\"givenNames\":\"Cas\",\"postalCode\":\"123\",\"certificateDate\":\"10/01/2026\",\"interests\":\"buddy\"}]}";
        using var response = await agency.PostAsync(Newcomers(ApiWorld.Halle), ApiWorld.Json(body));
        await ApiWorld.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await ApiWorld.ReadAsync(response))["errors"]!.AsArray().Select(e => ((int?)e!["index"], (string?)e["field"])).ToList();
        Assert.Contains((1, "dutchLevel"), errors);
        Assert.Contains((1, "nationality"), errors);
        Assert.Contains((2, "familyName"), errors);
        Assert.Contains((2, "postalCode"), errors);
        Assert.Contains((2, "certificateDate"), errors);
        Assert.Contains((2, "interests"), errors);
        Assert.Contains((2, "dossierNumber"), errors);
        Assert.Equal(before, await CountAsync(world, ApiWorld.Halle));
    }

    [Fact]
    public async Task ThePushedFieldsFollowTheFileImportsRulesAndTheSameBatchTwiceChangesNothing()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        var batch = new { mode = "upsert", newcomers = new[] { Newcomer("API-1"), Newcomer("API-2", "Janssens") } };
        using (var first = await agency.PostAsync(Newcomers(ApiWorld.Halle), ApiWorld.Json(batch)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var counts = await ApiWorld.ReadAsync(first);
            Assert.Equal(2, (int)counts["created"]!);
            Assert.Equal(0, (int)counts["withdrawn"]!);
        }

        using (var second = await agency.PostAsync(Newcomers(ApiWorld.Halle), ApiWorld.Json(batch)))
        {
            var counts = await ApiWorld.ReadAsync(second);
            Assert.Equal((0, 0, 2, 0, 0), ((int)counts["created"]!, (int)counts["updated"]!, (int)counts["unchanged"]!, (int)counts["withdrawn"]!, (int)counts["skipped"]!));
        }

        await using var db = world.Web.Database.Open();
        var stored = await db.Newcomers.SingleAsync(n => n.DossierNumber == "API-1");
        Assert.Equal("+32470123456", stored.Phone);
        Assert.Equal("an@example.be", stored.Email);
        Assert.Equal("ar", stored.ContactLanguage);
        Assert.Equal(InterestsAndNeeds.Buddy | InterestsAndNeeds.SportAndExercise, stored.Interests);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "import" && e.Actor.StartsWith("client:") && e.Subjects.Contains("API-1")));
    }

    [Fact]
    public async Task ASnapshotWithdrawsWhoIsMissingButAMassWithdrawalIsRefusedWith409UnlessAllowed()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        var active = await CountAsync(world, ApiWorld.Halle);
        Assert.True(active >= 10);
        var snapshot = new { mode = "snapshot", newcomers = new[] { Newcomer("SNAP-1") } };
        using (var refused = await agency.PostAsync(Newcomers(ApiWorld.Halle), ApiWorld.Json(snapshot)))
        {
            await ApiWorld.AssertProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("allowMassWithdrawal", (string?)(await ApiWorld.ReadAsync(refused))["detail"], StringComparison.Ordinal);
        }

        Assert.Equal(active, await CountAsync(world, ApiWorld.Halle));
        using var allowed = await agency.PostAsync(Newcomers(ApiWorld.Halle), ApiWorld.Json(new { mode = "snapshot", newcomers = new[] { Newcomer("SNAP-1") }, allowMassWithdrawal = true }));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(active, (int)(await ApiWorld.ReadAsync(allowed))["withdrawn"]!);
        Assert.Equal(1, await CountAsync(world, ApiWorld.Halle));
    }

    [Fact]
    public async Task WithdrawalsEraseAtOnceWithARegisterLineAndNameTheDossiersNotFound()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        var dossier = await world.DossierAsync(ApiWorld.Halle);
        var other = await world.DossierAsync(ApiWorld.Vilvoorde);
        using var response = await agency.PostAsync(new Uri($"/api/v1/municipalities/{ApiWorld.Halle}/withdrawals", UriKind.Relative),
            ApiWorld.Json(new { dossierNumbers = new[] { dossier, other, "NOPE-1" } }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ApiWorld.ReadAsync(response);
        Assert.Equal(1, (int)result["withdrawn"]!);
        Assert.Equal([other, "NOPE-1"], result["notFound"]!.AsArray().Select(d => (string)d!).Order(StringComparer.Ordinal).ToArray());
        await using var db = world.Web.Database.Open();
        var erased = await db.Newcomers.SingleAsync(n => n.DossierNumber == dossier && n.Municipality!.NisCode == ApiWorld.Halle);
        Assert.NotNull(erased.WithdrawnAt);
        Assert.Null(erased.FamilyName);
        Assert.NotNull((await db.Newcomers.SingleAsync(n => n.DossierNumber == other && n.Municipality!.NisCode == ApiWorld.Vilvoorde)).FamilyName);
        var register = await db.DeletionRecords.SingleAsync(d => d.DossierNumber == dossier);
        Assert.Equal((ApiWorld.Halle, Pnx.Retention.RetentionRule.Withdrawal), (register.MunicipalityNis, register.Rule));
    }

    [Fact]
    public async Task PushesAndFileImportsOfOneMunicipalityAtOnceStayConsistent()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        var pushes = Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await agency.PostAsync(Newcomers(ApiWorld.Halle),
                ApiWorld.Json(new { mode = "upsert", newcomers = Enumerable.Range(0, 50).Select(j => Newcomer($"PAR-{j}", i % 2 == 0 ? "Peeters" : "Janssens")).ToArray() }));
            return response.StatusCode;
        });
        var path = Path.Combine(world.Web.Database.Settings.DataDir, "file.csv");
        await File.WriteAllTextAsync(path, "Dossiernummer;Naam;Voornaam\n" + string.Join("\n", Enumerable.Range(0, 50).Select(j => $"FILE-{j};Maes;Lot")));
        var file = Task.Run(async () =>
        {
            try
            {
                await using var db = world.Web.Database.Open();
                return (await Pnx.Imports.NewcomerImport.RunAsync(db, TimeProvider.System, path,
                    new Pnx.Imports.ImportOptions(ApiWorld.Halle, Pnx.Imports.ImportMode.Upsert))).ExitCode == 0;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                return false; // collided with a push: rolled back whole
            }
        });
        // Each push is all or nothing: it succeeds, or (colliding with another import of the municipality) answers a
        // retryable 409 having written nothing; never a 500, never half a batch.
        var statuses = await Task.WhenAll(pushes);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(HttpStatusCode.OK, statuses);
        var fileDone = await file;
        await using var check = world.Web.Database.Open();
        Assert.Equal(50, await check.Newcomers.CountAsync(n => n.DossierNumber.StartsWith("PAR-")));
        Assert.Equal(fileDone ? 50 : 0, await check.Newcomers.CountAsync(n => n.DossierNumber.StartsWith("FILE-")));
    }

    private static async Task<int> CountAsync(ApiWorld world, string nis)
    {
        await using var db = world.Web.Database.Open();
        var workspace = (await WorkspaceResolver.LoadAsync(db, nis, BelgianTime.Today(TimeProvider.System), CancellationToken.None))!;
        return await CurrentNewcomers.Of(db, workspace.Retention).CountAsync();
    }
}
