using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Web.Administration;

namespace Pnx.Tests.Registers;

/// <summary>One host for the register tests, with one signed-in client per role (municipal roles in <see cref="Own"/>) and the DPO of <see cref="Foreign"/>.</summary>
public sealed class RegisterHost : IAsyncLifetime
{
    public const string Own = "23027";
    public const string Foreign = "23088";

    public TestWeb Web { get; private set; } = null!;

    public IReadOnlyDictionary<Role, WebClient> Clients { get; private set; } = new Dictionary<Role, WebClient>();

    public WebClient ForeignDpo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));
        var clients = new Dictionary<Role, WebClient>();
        foreach (var role in Roles.All) clients[role] = await Web.SignInAsync(role, role.IsMunicipal() ? Own : null);
        Clients = clients;
        ForeignDpo = await Web.SignInAsync(Role.MunicipalDpo, Foreign);
    }

    public WebClient this[Role role] => Clients[role];

    public Task<T> QueryAsync<T>(Func<PnxDb, Task<T>> query) => Web.QueryAsync(query);

    public Task<int> MunicipalityIdAsync(string nis) => QueryAsync(db => db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync());

    public Task<string> UserIdAsync(Role role, string? nis = null) => Web.UserIdAsync(Web.Account(role, nis).Email);

    public async Task DisposeAsync()
    {
        foreach (var client in Clients.Values) client.Dispose();
        ForeignDpo.Dispose();
        await Web.DisposeAsync();
    }
}
