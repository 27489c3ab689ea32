using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Retention;
using Pnx.Tests.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Retention;

public sealed class RetentionTests
{
    [Theory]
    [InlineData("2026-06-15", "2025-12-15", false)]
    [InlineData("2026-06-16", "2025-12-15", true)]
    [InlineData("2026-06-14", "2025-12-15", false)]
    [InlineData("2026-08-31", "2026-02-28", true)]
    [InlineData("2026-08-28", "2026-02-28", false)]
    [InlineData("2026-08-29", "2026-02-28", true)]
    public void RetentionEndsTheDayAfterSixMonths(string today, string certificate, bool ended) =>
        Assert.Equal(ended, RetentionRules.HasEnded(DateOnly.Parse(certificate, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ThresholdAgreesWithTheRuleOnEveryDayOfTwoYears()
    {
        for (var today = new DateOnly(2025, 1, 1); today < new DateOnly(2027, 1, 1); today = today.AddDays(1))
        {
            var threshold = RetentionRules.EndedOnOrBefore(today);
            Assert.True(RetentionRules.HasEnded(threshold, today));
            Assert.False(RetentionRules.HasEnded(threshold.AddDays(1), today));
        }
    }

    [Fact]
    public async Task RetentionRunErasesExpiredAndWithdrawnNewcomersAndAuditsThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(PnxCli.DefaultNow);
        var cli = PnxCli.For(database, time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var records = new[]
        {
            Records.Newcomer(1, "23027", new DateOnly(2026, 1, 10)),
            Records.Newcomer(2, "23027", new DateOnly(2026, 1, 11)),
            Records.Newcomer(3, "23027"),
            Records.Newcomer(4, "23027"),
        };
        await using (var db = database.Open())
        {
            await ImportApplier.ApplyAsync(db, time, records, new ImportOptions(), "f.csv", CancellationToken.None);
            await ImportApplier.ApplyAsync(db, time, records[..3], new ImportOptions(), "f.csv", CancellationToken.None);
        }

        // 2026-07-11: the certificate of 2026-01-10 is more than 6 months ago, that of 2026-01-11 is not.
        time.SetUtcNow(new DateTimeOffset(2026, 7, 11, 10, 0, 0, TimeSpan.Zero));
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "retention", "run");
        Assert.Contains("23027 Halle: 1 erased", run.Out, StringComparison.Ordinal);

        await using (var db = database.Open())
        {
            var byDossier = await db.Newcomers.ToDictionaryAsync(n => n.DossierNumber);
            Assert.Null(byDossier["D-000001"].FamilyName);
            Assert.NotNull(byDossier["D-000001"].ErasedAt);
            Assert.Equal("Peeters", byDossier["D-000002"].FamilyName);
            Assert.Equal("Peeters", byDossier["D-000003"].FamilyName);
            Assert.Null(byDossier["D-000004"].FamilyName);
            var purge = await db.AuditEntries.Where(e => e.Action == "retention.purge").SingleAsync();
            Assert.Equal("[\"D-000001\"]", purge.Subjects);
        }

        time.SetUtcNow(new DateTimeOffset(2026, 7, 12, 10, 0, 0, TimeSpan.Zero));
        Assert.Contains("23027 Halle: 1 erased", (await cli.RunExpectingAsync(ExitCodes.Done, "retention", "run")).Out, StringComparison.Ordinal);
        Assert.Contains("nothing to erase", (await cli.RunExpectingAsync(ExitCodes.Done, "retention", "run")).Out, StringComparison.Ordinal);
        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task RetentionErasesExactlyTheNewcomersItAuditsAndEveryPersonalFieldOfThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var cli = PnxCli.For(database, time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
        await using (var db = database.Open())
        {
            foreach (var nis in new[] { "23027", "44021" })
            {
                // Odd rows: certificate of 2025-10-01, retention ended on 2026-04-01; even rows are kept until 2026-07-01.
                var records = Enumerable.Range(1, 8).Select(i => Records.Newcomer(i, nis, i % 2 == 1 ? new DateOnly(2025, 10, 1) : new DateOnly(2026, 1, 1))).ToList();
                Assert.Equal(ExitCodes.Done, (await ImportApplier.ApplyAsync(db, time, records, new ImportOptions(), "f.csv", CancellationToken.None)).ExitCode);
            }
        }

        time.SetUtcNow(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "retention", "run");
        Assert.Equal(["23027 Halle: 4 erased (attest)", "44021 Gent: 4 erased (attest)"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        await using (var db = database.Open())
        {
            var rows = await db.Newcomers.AsNoTracking().Include(n => n.Municipality).ToListAsync();
            var erased = rows.Where(n => n.ErasedAt is not null).Select(n => $"{n.Municipality!.NisCode}:{n.DossierNumber}").Order(StringComparer.Ordinal);
            var purges = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "retention.purge").ToListAsync();
            var audited = purges.SelectMany(e => System.Text.Json.JsonSerializer.Deserialize<string[]>(e.Subjects)!.Select(d => $"{e.Municipality}:{d}")).Order(StringComparer.Ordinal);
            Assert.Equal(erased, audited);
            Assert.Equal(8, erased.Count());
            Assert.All(rows.Where(n => n.ErasedAt is not null), n => Assert.All(NewcomerFields.Personal, f => Assert.True(f.IsErased(n), f.Property)));
            Assert.All(rows.Where(n => n.ErasedAt is null), n => Assert.Equal(new DateOnly(2026, 1, 1), n.CertificateDate));
        }
    }
}
