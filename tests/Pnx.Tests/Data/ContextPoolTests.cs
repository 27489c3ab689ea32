using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Data;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Data;

/// <summary>
/// The web app rents its contexts from EF Core's pool (Hosting/WebHost.AddDatabase). A context given back must come
/// out of the pool as a new one would: nothing tracked, default tracking behaviour, no open transaction, connection
/// closed; and a request's scope must hold one connection for all its queries.
/// </summary>
public sealed class ContextPoolTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task AContextGivenBackIsRentedAgainWithNothingOfItsLastScope()
    {
        PnxDb first;
        System.Data.Common.DbConnection connection;
        await using (var scope = _web.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<PnxDb>();
            connection = first.Database.GetDbConnection();
            var tracked = await first.Newcomers.OrderBy(n => n.Id).FirstAsync();
            tracked.City = "changed, never saved";
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            await first.Database.BeginTransactionAsync();
            Assert.Single(first.ChangeTracker.Entries());
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
        await using (var scope = _web.Services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<PnxDb>();
            Assert.Same(first, second); // pooled: the same instance, rented again
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
            Assert.Null(second.Database.CurrentTransaction);
            var reread = await second.Newcomers.AsNoTracking().OrderBy(n => n.Id).FirstAsync();
            Assert.NotEqual("changed, never saved", reread.City);
        }
    }

    [Fact]
    public async Task TwoScopesAtOnceNeverShareAContext()
    {
        await using var one = _web.Services.CreateAsyncScope();
        await using var two = _web.Services.CreateAsyncScope();
        Assert.NotSame(one.ServiceProvider.GetRequiredService<PnxDb>(), two.ServiceProvider.GetRequiredService<PnxDb>());
    }
}
