using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using WebClient = Pnx.Tests.Infrastructure.WebClient;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Activities;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Catalogue;

/// <summary>
/// One web host with the demo data (Halle and Vilvoorde share part of their catalogues) for the catalogue's page
/// tests, and one signed-in client per role and municipality. Tests create their own activities, so they do not
/// depend on one another.
/// </summary>
public sealed partial class CatalogueHost : IAsyncLifetime
{
    public const string Halle = "23027";
    public const string Vilvoorde = "23088";

    public const string Collection = "catalogue web";

    private readonly ConcurrentDictionary<(Role, string), WebClient> _clients = new();
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public TestWeb Web { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));

    public async Task<WebClient> ClientAsync(Role role, string nis = Halle)
    {
        await _signIn.WaitAsync();
        try
        {
            if (!_clients.TryGetValue((role, nis), out var client))
            {
                client = await Web.SignInAsync(role, nis);
                _clients[(role, nis)] = client;
            }

            return client;
        }
        finally
        {
            _signIn.Release();
        }
    }

    public async Task<T> QueryAsync<T>(Func<Pnx.Data.PnxDb, Task<T>> query)
    {
        await using var db = Web.Database.Open();
        return await query(db);
    }

    public Task<Activity> ActivityAsync(int id) =>
        QueryAsync(db => db.Activities.AsNoTracking().Include(a => a.SharedWith).SingleAsync(a => a.Id == id));

    /// <summary>The form of a new activity with only the required fields and a unique title.</summary>
    public static Dictionary<string, string> NewActivity(string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.Organiser"] = "Buurthuis De Brug",
        ["Form.Categories[0]"] = "2",
        ["Form.Categories[1]"] = "6",
        ["Form.MinimumDutchLevel"] = "A1",
        ["Form.Hours"] = "2,5",
        ["Form.Version"] = "0",
    };

    /// <summary>Creates an activity of Halle through the form, as its offer manager; returns its id.</summary>
    public async Task<int> CreateAsync(string title, IDictionary<string, string>? extra = null)
    {
        var client = await ClientAsync(Role.MunicipalOfferManager);
        var fields = NewActivity(title);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) fields[key] = value;
        using var response = await client.PostFormAsync($"/gemeenten/{Halle}/aanbod/nieuw", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = Created().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _signIn.Dispose();
        await Web.DisposeAsync();
    }

    [GeneratedRegex(@"^/gemeenten/23027/aanbod/(\d+)\?opgeslagen=nieuw$")]
    private static partial Regex Created();
}

/// <summary>The catalogue's page tests share one host (starting one costs seconds) and run one after another.</summary>
[CollectionDefinition(CatalogueHost.Collection)]
public sealed class CatalogueWebGroup : ICollectionFixture<CatalogueHost>;
