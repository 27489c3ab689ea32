using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>The stored search behind <c>?zoek=KEY</c>: only its own user in its own workspace finds it, and only for a while.</summary>
public sealed class SavedSearchTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FakeTimeProvider _time = new(PnxCli.DefaultNow);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AKeyFindsItsTextOnlyForItsOwnUserAndWorkspaceAndNotAfterItsLifetime()
    {
        await using var db = _database.Open();
        var key = await SavedSearches.SaveAsync(db, _time, "user-a", 1, "Iryna Oliinyk", CancellationToken.None);
        Assert.True(SavedSearches.IsKey(key));
        Assert.Equal("Iryna Oliinyk", await SavedSearches.FindAsync(db, _time, key, "user-a", 1, CancellationToken.None));
        Assert.Null(await SavedSearches.FindAsync(db, _time, key, "user-b", 1, CancellationToken.None));
        Assert.Null(await SavedSearches.FindAsync(db, _time, key, "user-a", 2, CancellationToken.None));

        _time.Advance(SavedSearches.Lifetime);
        Assert.Null(await SavedSearches.FindAsync(db, _time, key, "user-a", 1, CancellationToken.None));
    }

    [Fact]
    public async Task EachSearchGetsAFreshKeyAndExpiredTextsAreDeletedWhenTheNextIsSaved()
    {
        await using var db = _database.Open();
        var first = await SavedSearches.SaveAsync(db, _time, "user-a", 1, "Oliinyk", CancellationToken.None);
        var second = await SavedSearches.SaveAsync(db, _time, "user-a", 1, "Oliinyk", CancellationToken.None);
        Assert.NotEqual(first, second);
        _time.Advance(SavedSearches.Lifetime + TimeSpan.FromSeconds(1));
        await SavedSearches.SaveAsync(db, _time, "user-b", 1, "Kovalenko", CancellationToken.None);
        Assert.Equal(new[] { "Kovalenko" }, await db.Set<SavedSearch>().AsNoTracking().Select(s => s.Text).ToListAsync());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("Iryna Oliinyk", false)]
    [InlineData(null, false)]
    public void OnlyThirtyTwoLowerCaseHexDigitsAreAKey(string? value, bool isKey) => Assert.Equal(isKey, SavedSearches.IsKey(value));
}
