using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Newcomers;
using Pnx.Newcomers.Pages;
using Pnx.Retention;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>
/// A municipality with more newcomers than the list counts and pages (issue 10, point 6: no view counts or skips a whole
/// large municipality): the list says "meer dan 10.000", pages to the 10,000th and no further, and audits what it showed.
/// </summary>
public sealed class NewcomerListLimitTests : IAsyncLifetime
{
    private TestWeb _web = null!;
    private int _current;

    public async Task InitializeAsync()
    {
        _web = await TestWeb.StartAsync();
        await LargeMunicipality.AddAsync(_web, "23027");
        await using var db = _web.Database.Open();
        var municipality = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
        var cutoff = await RetentionCutoff.ForAsync(db, municipality.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        _current = await CurrentNewcomers.Of(db, cutoff).CountAsync();
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task TheListSaysMoreThanTheLimitPagesToItAndNoFurtherAndAuditsWhatItShowed()
    {
        Assert.True(_current > NewcomerFilter.MaxRows + NewcomerFilter.PageSize, "the municipality must have more than the list pages");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");

        var first = await client.GetPageAsync("/gemeenten/23027/inburgeraars");
        Assert.Contains("Meer dan 10.000 inburgeraars", first, StringComparison.Ordinal);
        Assert.Contains($"pagina 1 van {NewcomerFilter.MaxPage}", first, StringComparison.Ordinal);
        Assert.DoesNotContain($"{_current:N0}".Replace(",", ".", StringComparison.Ordinal), first, StringComparison.Ordinal);
        Assert.Contains("De lijst toont de eerste 10.000 in deze volgorde.", first, StringComparison.Ordinal);

        // "Laatste" leads to the last page the list pages; a page asked beyond it is that last page.
        Assert.Contains($"pagina={NewcomerFilter.MaxPage}\"", first, StringComparison.Ordinal);
        var head = await AuditHeadAsync(_web);
        var beyond = await client.GetPageAsync("/gemeenten/23027/inburgeraars?pagina=999");
        Assert.Contains($"pagina {NewcomerFilter.MaxPage} van {NewcomerFilter.MaxPage}", beyond, StringComparison.Ordinal);
        var rows = Rows(beyond, "23027");
        Assert.Equal(NewcomerFilter.PageSize, rows.Count);
        Assert.DoesNotContain("pagina=201", beyond, StringComparison.Ordinal);

        await using var db = _web.Database.Open();
        var ordered = await db.Newcomers.AsNoTracking().Where(n => n.Municipality!.NisCode == "23027" && n.WithdrawnAt == null && n.ErasedAt == null)
            .OrderBy(n => n.DossierNumber).ThenBy(n => n.Id).Select(n => n.DossierNumber).ToListAsync();
        Assert.Equal(ordered.Skip(NewcomerFilter.MaxRows - NewcomerFilter.PageSize).Take(NewcomerFilter.PageSize), rows.Select(r => r.Dossier));

        var entry = Assert.Single(await AuditSinceAsync(_web, head), e => e.Action == "newcomer.list");
        Assert.Equal($"page {NewcomerFilter.MaxPage}, more than {NewcomerFilter.MaxRows} matching", entry.Detail);
        Assert.Equal(rows.Select(r => r.Dossier), Pnx.Audit.AuditHash.ParseSubjects(entry.Subjects));
    }

    /// <summary>
    /// The unfiltered list sends back the count it read last with the municipality's stamp (<see cref="KnownListCount"/>,
    /// <see cref="NewcomersStamp"/>). A change behind this process's back (here straight in the database, as another server, a
    /// `pnx` process or a tool would write) draws a new stamp, so the very next view counts again, exactly: "meer dan 10.000"
    /// never stands for a municipality that shrank below it, nor an old number after a withdrawal or an import.
    /// </summary>
    [Fact]
    public async Task TheListCountsAgainAtOnceAfterAChangeByAnyoneElse()
    {
        const string list = "/gemeenten/23027/inburgeraars";
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        Assert.Contains("Meer dan 10.000 inburgeraars", await client.GetPageAsync(list), StringComparison.Ordinal);
        Assert.Contains("Meer dan 10.000 inburgeraars", await client.GetPageAsync(list), StringComparison.Ordinal);
        await using var db = _web.Database.Open();
        var now = DateTime.UtcNow;
        var withdrawn = await db.Newcomers.Where(n => n.DossierNumber.StartsWith("ZZ-")).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now));
        Assert.Equal(NewcomerFilter.MaxRows, withdrawn);
        var remaining = _current - withdrawn;
        Assert.Contains($"<strong>{Shown(remaining)} inburgeraars</strong>", await client.GetPageAsync(list), StringComparison.Ordinal);

        // One more withdrawn: one less at once; case work on a newcomer (hours, last contact) changes nobody's presence and no stamp.
        var municipality = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
        var cutoff = await RetentionCutoff.ForAsync(db, municipality.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        var one = await CurrentNewcomers.Of(db, cutoff).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync();
        var stamp = await StampAsync(db);
        await CurrentNewcomers.Of(db, cutoff).Where(n => n.Id != one).OrderBy(n => n.Id).Take(5)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.RecordedHours, 12.5).SetProperty(n => n.LastContactAt, now));
        Assert.Equal(stamp, await StampAsync(db));
        await db.Newcomers.Where(n => n.Id == one).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now));
        Assert.NotEqual(stamp, await StampAsync(db));
        Assert.Contains($"<strong>{Shown(remaining - 1)} inburgeraars</strong>", await client.GetPageAsync(list), StringComparison.Ordinal);

        // An import (of this process or another: the stamp does not care) counts its newcomer in.
        var path = Path.Combine(_web.Database.Settings.DataDir, "one.csv");
        await File.WriteAllTextAsync(path, "Dossiernummer;Naam;Voornaam\nNEW-000001;Maes;Lot\n");
        Assert.Equal(0, (await Pnx.Imports.NewcomerImport.RunAsync(db, TimeProvider.System, path,
            new Pnx.Imports.ImportOptions("23027", Pnx.Imports.ImportMode.Upsert))).ExitCode);
        var exact = await client.GetPageAsync(list);
        Assert.DoesNotContain("Meer dan", exact, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Shown(remaining)} inburgeraars</strong>", exact, StringComparison.Ordinal);
    }

    private static string Shown(int count) => count.ToString("N0", Pnx.Hosting.UiText.Dutch);

    private static Task<long> StampAsync(Pnx.Data.PnxDb db) =>
        db.Municipalities.Where(m => m.NisCode == "23027").Select(m => m.NewcomersStamp).SingleAsync();

    [Fact]
    public async Task AFilterThatNarrowsBelowTheLimitCountsExactlyAndTheCompiledListCountsLikeTheOrdinaryOne()
    {
        await using var db = _web.Database.Open();
        var municipality = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
        var cutoff = await RetentionCutoff.ForAsync(db, municipality.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        foreach (var sort in NewcomerFilter.Sorts)
        {
            var all = new NewcomerFilter(InterestsAndNeeds.None, null, false, null, null, sort, NewcomerFilter.MaxPage);
            var compiled = await NewcomerListQuery.RunAsync(db, cutoff, all, null, "", compiled: true, CancellationToken.None);
            var ordinary = await NewcomerListQuery.RunAsync(db, cutoff, all, null, "", compiled: false, CancellationToken.None);
            Assert.Equal(NewcomerFilter.MaxRows + 1, compiled.Total);
            Assert.True(compiled.MoreThanCounted);
            Assert.Equal(NewcomerFilter.MaxPage, compiled.PageCount);
            Assert.Equal(ordinary.Total, compiled.Total);
            Assert.Equal(ordinary.Rows, compiled.Rows);
        }

        var levelA2 = await CurrentNewcomers.Of(db, cutoff).CountAsync(n => n.DutchLevel == DutchLevel.A2);
        var a2 = await NewcomerListQuery.RunAsync(db, cutoff,
            new NewcomerFilter(InterestsAndNeeds.None, DutchLevel.A2, false, null, null, "niveau", 1), null, "", CancellationToken.None);
        Assert.True(levelA2 > 0);
        Assert.Equal(levelA2, a2.Total);
        Assert.False(a2.MoreThanCounted);
    }
}
