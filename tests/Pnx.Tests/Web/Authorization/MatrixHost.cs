using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Authorization;

/// <summary>One host for the matrix, with one signed-in client per role (sign-in is rate limited, so never one per cell).</summary>
public sealed class MatrixHost : IAsyncLifetime
{
    public const string OwnNis = "23027";
    public const string OtherNis = "23088";

    public TestWeb Web { get; private set; } = null!;

    /// <summary>The anonymous client first (role null), then one client per role; municipal roles belong to <see cref="OwnNis"/>.</summary>
    public IReadOnlyList<(Role? Role, string? Nis, WebClient Client)> Principals { get; private set; } = [];

    public IReadOnlyDictionary<string, long> NewcomerIds { get; private set; } = new Dictionary<string, long>();

    /// <summary>One API client per scope, with a bearer token and no cookie: the agency's, and one of <see cref="OwnNis"/>.</summary>
    public IReadOnlyList<(string? Nis, WebClient Client)> ApiPrincipals { get; private set; } = [];

    public IReadOnlyDictionary<string, string> DossierNumbers { get; private set; } = new Dictionary<string, string>();

    /// <summary>An enrolment (gestart, with hours) of the sample newcomer of each municipality, for routes under /inschrijvingen/.</summary>
    public IReadOnlyDictionary<string, long> EnrolmentIds { get; private set; } = new Dictionary<string, long>();

    /// <summary>The sample id for a route's {id}: an enrolment under /inschrijvingen/, else a newcomer.</summary>
    public long IdFor(string route, string nis) =>
        route.Contains("/inschrijvingen/", StringComparison.Ordinal) || route.Contains("/enrolments/", StringComparison.Ordinal) ? EnrolmentIds[nis]
        : route.Contains("/aanbod/{id}", StringComparison.Ordinal) ? ActivityIds[nis]
        : NewcomerIds[nis];

    /// <summary>Values of a newcomer of <see cref="OtherNis"/> that no response to a principal of <see cref="OwnNis"/>'s workspace may ever hold.</summary>
    public IReadOnlyList<string> OtherSentinels { get; } = ["Aaasentinelfamily", "Sentinelgiven", "SENTINEL-23088", "+32470999111", "sentinel@other.invalid"];

    /// <summary>An activity of each municipality, for routes under /aanbod/{id}.</summary>
    public IReadOnlyDictionary<string, int> ActivityIds { get; private set; } = new Dictionary<string, int>();

    /// <summary>The internal id of the sentinel newcomer of <see cref="OtherNis"/>.</summary>
    public long OtherSentinelId { get; private set; }

    public async Task InitializeAsync()
    {
        Web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));
        var principals = new List<(Role?, string?, WebClient)> { (null, null, Web.NewClient()) };
        foreach (var role in Roles.All)
        {
            var nis = role.IsMunicipal() ? OwnNis : null;
            principals.Add((role, nis, await Web.SignInAsync(role, nis)));
        }

        Principals = principals;
        await using var db = Web.Database.Open();
        var other = await db.Municipalities.SingleAsync(m => m.NisCode == OtherNis);
        var sentinel = new Pnx.Newcomers.Newcomer
        {
            MunicipalityId = other.Id, DossierNumber = OtherSentinels[2], FamilyName = OtherSentinels[0], GivenNames = OtherSentinels[1],
            SearchName = Pnx.Newcomers.NewcomerSearch.Of(OtherSentinels[0], OtherSentinels[1]), Phone = OtherSentinels[3], Email = OtherSentinels[4],
            FirstSharedAt = DateTime.UtcNow, LastConfirmedAt = DateTime.UtcNow,
        };
        db.Newcomers.Add(sentinel);
        await db.SaveChangesAsync();
        OtherSentinelId = sentinel.Id;
        var activities = new Dictionary<string, int>();
        foreach (var nis in new[] { OwnNis, OtherNis })
        {
            var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
            var activity = new Pnx.Activities.Activity
            {
                MunicipalityId = municipalityId, Title = "Matrixactiviteit " + nis, Organiser = "Matrix", Categories = Pnx.Newcomers.InterestsAndNeeds.Buddy,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            activities[nis] = activity.Id;
        }

        ActivityIds = activities;
        var samples = await db.Newcomers.AsNoTracking()
            .Where(n => n.Municipality!.NisCode == OwnNis || n.Municipality!.NisCode == OtherNis)
            .GroupBy(n => n.Municipality!.NisCode)
            .Select(g => new { Nis = g.Key, Id = g.Min(n => n.Id) })
            .ToListAsync();
        NewcomerIds = samples.ToDictionary(s => s.Nis, s => s.Id);
        DossierNumbers = await db.Newcomers.AsNoTracking()
            .Where(n => NewcomerIds.Values.Contains(n.Id))
            .Select(n => new { n.Municipality!.NisCode, n.DossierNumber })
            .ToDictionaryAsync(n => n.NisCode, n => n.DossierNumber);
        var enrolments = new Dictionary<string, long>();
        foreach (var (nis, newcomerId) in NewcomerIds)
        {
            var activity = await Pnx.Tests.Trajectories.ParticipationWorld.AddActivityAsync(Web.Database, nis, "Matrixactiviteit " + nis, a =>
            {
                // Meets every need a demo newcomer may state, so matching's hard rules let it through.
                a.Childcare = a.FamilyActivity = a.Free = true;
            });
            enrolments[nis] = await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(
                Web.Database, TimeProvider.System, nis, newcomerId, activity, [(Pnx.Enrolments.EnrolmentStatus.Gestart, null, 3)]);
        }

        EnrolmentIds = enrolments;
        var api = new List<(string?, WebClient)>();
        foreach (var nis in new[] { null, OwnNis })
        {
            await using var write = Web.Database.Open();
            var (registered, _) = await Pnx.Api.Clients.ApiClients.AddAsync(write, TimeProvider.System, "matrix", nis, 100000, "matrix", CancellationToken.None);
            var client = Web.NewClient();
            using var token = await client.PostRawAsync("/api/v1/token", new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = registered!.ClientId, ["client_secret"] = registered.ClientSecret,
            });
            var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(token.Content);
            client.UseBearer(body.GetProperty("access_token").GetString()!);
            api.Add((nis, client));
        }

        ApiPrincipals = api;
    }

    public async Task DisposeAsync()
    {
        foreach (var (_, _, client) in Principals) client.Dispose();
        foreach (var (_, client) in ApiPrincipals) client.Dispose();
        await Web.DisposeAsync();
    }
}
