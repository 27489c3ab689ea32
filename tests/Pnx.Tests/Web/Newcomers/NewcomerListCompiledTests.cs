using Microsoft.EntityFrameworkCore;
using Pnx.Newcomers.Pages;
using Pnx.Retention;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>
/// The unfiltered list runs as a compiled query per sort; it must show exactly what the ordinary query shows, for every sort,
/// on every page and past the end (rows, their order, their columns and the count).
/// </summary>
public sealed class NewcomerListCompiledTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task TheCompiledUnfilteredListEqualsTheOrdinaryQueryForEverySortAndPage()
    {
        await using var db = _web.Database.Open();
        var municipality = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
        var cutoff = await RetentionCutoff.ForAsync(db, municipality.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        var current = await Pnx.Newcomers.CurrentNewcomers.Of(db, cutoff).CountAsync();
        Assert.True(current > NewcomerFilter.PageSize, "the demo municipality needs more than one page");
        var pages = (current + NewcomerFilter.PageSize - 1) / NewcomerFilter.PageSize;

        foreach (var sort in NewcomerFilter.Sorts)
        {
            for (var page = 1; page <= pages + 1; page++)
            {
                var filter = new NewcomerFilter(Pnx.Newcomers.InterestsAndNeeds.None, null, false, null, null, sort, page);
                var compiled = await NewcomerListQuery.RunAsync(db, cutoff, filter, null, "", compiled: true, CancellationToken.None);
                var ordinary = await NewcomerListQuery.RunAsync(db, cutoff, filter, null, "", compiled: false, CancellationToken.None);
                Assert.Equal(current, compiled.Total);
                Assert.Equal(ordinary.Total, compiled.Total);
                Assert.Equal(ordinary.Rows, compiled.Rows);
                Assert.Equal(page <= pages ? Math.Min(NewcomerFilter.PageSize, current - (page - 1) * NewcomerFilter.PageSize) : 0, compiled.Rows.Count);
            }
        }

        // The ordinary query still answers the filtered list; the compiled one refuses filters rather than ignoring them.
        var filtered = new NewcomerFilter(Pnx.Newcomers.InterestsAndNeeds.None, Pnx.Newcomers.DutchLevel.A2, false, null, null, "dossier", 1);
        await Assert.ThrowsAsync<ArgumentException>(() => NewcomerListQuery.RunAsync(db, cutoff, filtered, null, "", compiled: true, CancellationToken.None));
        var a2 = await NewcomerListQuery.RunAsync(db, cutoff, filtered, null, "", compiled: false, CancellationToken.None);
        Assert.NotEmpty(a2.Rows);
        Assert.All(a2.Rows, r => Assert.Equal(Pnx.Newcomers.DutchLevel.A2, r.DutchLevel));
    }

    /// <summary>
    /// While the municipality's stamp is the one read with the last count, the compiled list does not count again: it carries
    /// the number it was given (here a planted one, which no count would give). A new stamp (any change of who is current)
    /// counts again; so does another retention day. Filtered lists never take a remembered number.
    /// </summary>
    [Fact]
    public async Task TheUnfilteredListCountsOnlyWhenTheStampMoved()
    {
        await using var db = _web.Database.Open();
        var municipality = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cutoff = await RetentionCutoff.ForAsync(db, municipality.Id, today, CancellationToken.None);
        var all = new NewcomerFilter(Pnx.Newcomers.InterestsAndNeeds.None, null, false, null, null, "dossier", 1);
        var current = await Pnx.Newcomers.CurrentNewcomers.Of(db, cutoff).CountAsync();
        Assert.Equal(current, (await NewcomerListQuery.RunAsync(db, cutoff, all, null, "", CancellationToken.None)).Total);

        var stamp = await db.Municipalities.Where(m => m.Id == municipality.Id).Select(m => m.NewcomersStamp).SingleAsync();
        KnownListCount.Record(db, cutoff, stamp, 4321);
        Assert.Equal(4321, (await NewcomerListQuery.RunAsync(db, cutoff, all, null, "", CancellationToken.None)).Total);
        var a2 = all with { Level = Pnx.Newcomers.DutchLevel.A2 };
        Assert.Equal(await Pnx.Newcomers.CurrentNewcomers.Of(db, cutoff).CountAsync(n => n.DutchLevel == Pnx.Newcomers.DutchLevel.A2),
            (await NewcomerListQuery.RunAsync(db, cutoff, a2, null, "", CancellationToken.None)).Total);
        var tomorrow = await RetentionCutoff.ForAsync(db, municipality.Id, today.AddDays(1), CancellationToken.None);
        Assert.Equal(await Pnx.Newcomers.CurrentNewcomers.Of(db, tomorrow).CountAsync(),
            (await NewcomerListQuery.RunAsync(db, tomorrow, all, null, "", CancellationToken.None)).Total);

        KnownListCount.Record(db, cutoff, stamp, 4321);
        var first = await Pnx.Newcomers.CurrentNewcomers.Of(db, cutoff).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync();
        await db.Newcomers.Where(n => n.Id == first).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, DateTime.UtcNow));
        Assert.Equal(current - 1, (await NewcomerListQuery.RunAsync(db, cutoff, all, null, "", CancellationToken.None)).Total);
    }

    /// <summary>The level and civic-orientation filters compare ranks (for their index): each answers exactly its own newcomers.</summary>
    [Fact]
    public async Task TheLevelAndStatusFiltersAnswerExactlyTheNewcomersOfThatLevelOrStatusInEitherSort()
    {
        await using var db = _web.Database.Open();
        var municipality = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
        var cutoff = await RetentionCutoff.ForAsync(db, municipality.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        var current = await Pnx.Newcomers.CurrentNewcomers.Of(db, cutoff)
            .Select(n => new { n.DossierNumber, n.DutchLevel, n.CivicOrientationStatus }).ToListAsync();
        var filters = Enum.GetValues<Pnx.Newcomers.DutchLevel>()
            .Select(l => (Filter: new NewcomerFilter(Pnx.Newcomers.InterestsAndNeeds.None, l, false, null, null, "dossier", 1),
                Expected: current.Where(n => n.DutchLevel == l).Select(n => n.DossierNumber)))
            .Append((Filter: new NewcomerFilter(Pnx.Newcomers.InterestsAndNeeds.None, null, true, null, null, "dossier", 1), Expected:
                current.Where(n => n.DutchLevel == null).Select(n => n.DossierNumber)))
            .Concat(Enum.GetValues<Pnx.Newcomers.CivicOrientationStatus>()
                .Select(c => (Filter: new NewcomerFilter(Pnx.Newcomers.InterestsAndNeeds.None, null, false, c, null, "dossier", 1), Expected:
                    current.Where(n => n.CivicOrientationStatus == c).Select(n => n.DossierNumber))))
            .ToList();
        Assert.Contains(filters, f => f.Expected.Any());
        foreach (var (filter, expected) in filters)
        {
            var byDossier = await NewcomerListQuery.RunAsync(db, cutoff, filter, null, "", CancellationToken.None);
            Assert.Equal(expected.Count(), byDossier.Total);
            Assert.Equal(Math.Min(NewcomerFilter.PageSize, expected.Count()), byDossier.Rows.Count);
            Assert.Subset(expected.ToHashSet(), byDossier.Rows.Select(r => r.DossierNumber).ToHashSet());
            // Within one level or status, that sort is the dossier order.
            var rankSort = filter.Status is null ? "niveau" : "mo";
            var byRank = await NewcomerListQuery.RunAsync(db, cutoff, filter with { Sort = rankSort }, null, "", CancellationToken.None);
            Assert.Equal(byDossier.Total, byRank.Total);
            Assert.Equal(byDossier.Rows, byRank.Rows);
        }
    }
}
