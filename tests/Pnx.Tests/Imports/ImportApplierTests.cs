using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Imports;

public sealed class ImportApplierTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PnxCli _cli = null!;
    private readonly FakeTimeProvider _time = new(PnxCli.DefaultNow);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _cli = PnxCli.For(_database, _time);
        await _cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await _cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
        await _cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "11002", "--name", "Antwerpen");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ImportOutcome> ApplyAsync(IReadOnlyList<Pnx.Imports.NewcomerRecord> records, ImportOptions options)
    {
        await using var db = _database.Open();
        return await ImportApplier.ApplyAsync(db, _time, records, options, "newcomers.csv", CancellationToken.None);
    }

    private async Task<int> ActiveCountAsync(string nis)
    {
        await using var db = _database.Open();
        return await db.Newcomers.CountAsync(n => n.Municipality!.NisCode == nis && n.WithdrawnAt == null && n.ErasedAt == null);
    }

    [Fact]
    public async Task FirstImportCreatesEveryRowAndReportsOneLinePerMunicipality()
    {
        var outcome = await ApplyAsync(Records.Many(5, "23027"), new ImportOptions());
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        Assert.Equal(["23027 Halle: 5 created, 0 updated, 0 unchanged, 0 withdrawn"], outcome.Lines);
        Assert.Equal(5, await ActiveCountAsync("23027"));
    }

    [Fact]
    public async Task SameRowsTwiceChangeNothingTheSecondTime()
    {
        await ApplyAsync(Records.Many(5, "23027"), new ImportOptions());
        var outcome = await ApplyAsync(Records.Many(5, "23027"), new ImportOptions());
        Assert.Equal(["23027 Halle: 0 created, 0 updated, 5 unchanged, 0 withdrawn"], outcome.Lines);
    }

    [Fact]
    public async Task SnapshotWithdrawsMissingNewcomersAndErasesTheirData()
    {
        await ApplyAsync(Records.Many(4, "23027"), new ImportOptions());
        var changed = Records.Many(3, "23027");
        changed[0] = changed[0].With(n => n.FamilyName = "Janssens");
        var outcome = await ApplyAsync(changed, new ImportOptions());
        Assert.Equal(["23027 Halle: 0 created, 1 updated, 2 unchanged, 1 withdrawn"], outcome.Lines);

        await using var db = _database.Open();
        var gone = await db.Newcomers.SingleAsync(n => n.DossierNumber == "D-000003");
        Assert.NotNull(gone.WithdrawnAt);
        Assert.Null(gone.FamilyName);
        Assert.Null(gone.Email);
        Assert.Equal("Janssens", (await db.Newcomers.SingleAsync(n => n.DossierNumber == "D-000000")).FamilyName);
    }

    [Fact]
    public async Task UpsertNeverWithdraws()
    {
        await ApplyAsync(Records.Many(4, "23027"), new ImportOptions());
        var outcome = await ApplyAsync(Records.Many(1, "23027"), new ImportOptions(Mode: ImportMode.Upsert));
        Assert.Equal(["23027 Halle: 0 created, 0 updated, 1 unchanged, 0 withdrawn"], outcome.Lines);
        Assert.Equal(4, await ActiveCountAsync("23027"));
    }

    [Fact]
    public async Task WithdrawnNewcomerSharedAgainIsCreated()
    {
        await ApplyAsync(Records.Many(3, "23027"), new ImportOptions());
        await ApplyAsync(Records.Many(2, "23027"), new ImportOptions());
        var outcome = await ApplyAsync(Records.Many(3, "23027"), new ImportOptions());
        Assert.Equal(["23027 Halle: 1 created, 0 updated, 2 unchanged, 0 withdrawn"], outcome.Lines);
        Assert.Equal(3, await ActiveCountAsync("23027"));
    }

    [Fact]
    public async Task SnapshotWithdrawingMoreThanHalfIsRefusedWithoutTheFlag()
    {
        await ApplyAsync(Records.Many(10, "23027"), new ImportOptions());
        var refused = await ApplyAsync(Records.Many(4, "23027"), new ImportOptions());
        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("--allow-mass-withdrawal", refused.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(10, await ActiveCountAsync("23027"));

        var allowed = await ApplyAsync(Records.Many(4, "23027"), new ImportOptions(AllowMassWithdrawal: true));
        Assert.Equal(ExitCodes.Done, allowed.ExitCode);
        Assert.Equal(4, await ActiveCountAsync("23027"));
    }

    [Fact]
    public async Task SnapshotWithdrawingExactlyHalfIsAllowed()
    {
        await ApplyAsync(Records.Many(10, "23027"), new ImportOptions());
        var outcome = await ApplyAsync(Records.Many(5, "23027"), new ImportOptions());
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
    }

    [Fact]
    public async Task SmallMunicipalityIsNotGuarded()
    {
        await ApplyAsync(Records.Many(9, "23027"), new ImportOptions());
        var outcome = await ApplyAsync(Records.Many(1, "23027"), new ImportOptions());
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        Assert.Equal(1, await ActiveCountAsync("23027"));
    }

    [Fact]
    public async Task MunicipalityWithoutActiveProtocolIsRefusedAndNothingIsWritten()
    {
        var records = Records.Many(3, "23027").Concat(Records.Many(2, "11002").Select(r => r.With(n => n.DossierNumber += "-A"))).ToList();
        var outcome = await ApplyAsync(records, new ImportOptions());
        Assert.Equal(ExitCodes.Refused, outcome.ExitCode);
        Assert.Contains("11002", outcome.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(0, await ActiveCountAsync("23027"));
    }

    [Fact]
    public async Task UnknownMunicipalityIsRefused()
    {
        var outcome = await ApplyAsync(Records.Many(1, "99999"), new ImportOptions());
        Assert.Equal(ExitCodes.Refused, outcome.ExitCode);
    }

    [Fact]
    public async Task ProtocolEndedYesterdayRefusesTheImport()
    {
        await _cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "12025", "--name", "Mechelen");
        await _cli.RunExpectingAsync(ExitCodes.Done, "protocol", "add", "--municipality", "12025", "--start", "2024-01-01", "--end", "2026-06-14");
        Assert.Equal(ExitCodes.Refused, (await ApplyAsync(Records.Many(1, "12025"), new ImportOptions())).ExitCode);
    }

    [Fact]
    public async Task ProtocolEndingTodayStillAcceptsTheImport()
    {
        await _cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "12025", "--name", "Mechelen");
        await _cli.RunExpectingAsync(ExitCodes.Done, "protocol", "add", "--municipality", "12025", "--start", "2024-01-01", "--end", "2026-06-15");
        Assert.Equal(ExitCodes.Done, (await ApplyAsync(Records.Many(1, "12025"), new ImportOptions())).ExitCode);
    }

    [Fact]
    public async Task DryRunReportsButWritesNothing()
    {
        var outcome = await ApplyAsync(Records.Many(3, "23027"), new ImportOptions(DryRun: true));
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        Assert.Equal("23027 Halle: 3 created, 0 updated, 0 unchanged, 0 withdrawn", outcome.Lines[0]);
        Assert.Equal(0, await ActiveCountAsync("23027"));
        await using var db = _database.Open();
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "import");
    }

    [Fact]
    public async Task OneFileServesSeveralMunicipalities()
    {
        var records = Records.Many(3, "23027").Concat(Records.Many(2, "44021")).ToList();
        var outcome = await ApplyAsync(records, new ImportOptions());
        Assert.Equal(
            ["23027 Halle: 3 created, 0 updated, 0 unchanged, 0 withdrawn", "44021 Gent: 2 created, 0 updated, 0 unchanged, 0 withdrawn"],
            outcome.Lines);
    }

    [Fact]
    public async Task FileWithoutMunicipalitiesNeedsTheOption()
    {
        var outcome = await ApplyAsync(Records.Many(2), new ImportOptions());
        Assert.Equal(ExitCodes.Rejected, outcome.ExitCode);
        Assert.Contains("give --municipality", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowWithoutMunicipalityIsRejectedWhenOthersHaveOne()
    {
        var records = Records.Many(3);
        records[0] = records[0] with { MunicipalityNis = "23027" };
        var outcome = await ApplyAsync(records, new ImportOptions());
        Assert.Equal(ExitCodes.Rejected, outcome.ExitCode);
        Assert.Equal(2, outcome.Errors.Count);
        Assert.Contains("row 3, column \"NIS-code gemeente\"", outcome.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionBoundaryOneDayEitherSideOfSixMonths()
    {
        // Today is 2026-06-15: a certificate of 2025-12-15 is exactly 6 months ago (kept), 2025-12-14 is more (skipped).
        var records = new[]
        {
            Records.Newcomer(1, "23027", new DateOnly(2025, 12, 16)),
            Records.Newcomer(2, "23027", new DateOnly(2025, 12, 15)),
            Records.Newcomer(3, "23027", new DateOnly(2025, 12, 14)),
        };
        var outcome = await ApplyAsync(records, new ImportOptions());
        Assert.Equal(["23027 Halle: 2 created, 0 updated, 0 unchanged, 0 withdrawn, 1 skipped (retention ended)"], outcome.Lines);
        await using var db = _database.Open();
        Assert.False(await db.Newcomers.AnyAsync(n => n.DossierNumber == "D-000003"));
    }

    [Fact]
    public async Task ImportAuditsWrittenAndWithdrawnDossiersWithoutPersonalValues()
    {
        await ApplyAsync(Records.Many(3, "23027"), new ImportOptions());
        await ApplyAsync(Records.Many(2, "23027"), new ImportOptions());
        await using var db = _database.Open();
        var entries = await db.AuditEntries.Where(e => e.Action == "import" || e.Action == "withdrawal").OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(["import", "import", "withdrawal"], entries.Select(e => e.Action));
        Assert.Equal("[\"D-000000\",\"D-000001\",\"D-000002\"]", entries[0].Subjects);
        Assert.Equal("[\"D-000002\"]", entries[2].Subjects);
        Assert.All(entries, e => Assert.DoesNotContain("Peeters", e.Subjects + e.Detail, StringComparison.Ordinal));
        Assert.True((await Pnx.Audit.AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
    }

    /// <summary>The planner's statistics are what lets a filtered list of a large municipality start from the few it matches.</summary>
    [SqliteFact]
    public async Task AnImportLeavesSqliteThePlannerStatisticsOfTheNewcomers()
    {
        await ApplyAsync(Records.Many(50, "23027"), new ImportOptions());
        await using var db = _database.Open();
        var analysed = await db.Database.SqlQueryRaw<string>("SELECT idx AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'newcomers'").ToListAsync();
        Assert.Contains("IX_newcomers_MunicipalityId_DossierNumber", analysed);
    }
}
