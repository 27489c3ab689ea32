using Pnx.Access.Web;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Tests.Api;

public sealed class FeedTests
{
    [Fact]
    public async Task TheFeedIsCompleteAndInOrderAcrossPagesWhileChangesAreWrittenConcurrently()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        var halle = await world.AddActivityAsync(ApiWorld.Halle, "Buddy in Halle");
        var vilvoorde = await world.AddActivityAsync(ApiWorld.Vilvoorde, "Buddy in Vilvoorde");
        int before;
        await using (var start = world.Web.Database.Open()) before = await start.EnrolmentStatusChanges.CountAsync();
        var writer = Task.Run(async () =>
        {
            await ProposeAsync(world, ApiWorld.Halle, halle, 0, 40);
            await ProposeAsync(world, ApiWorld.Vilvoorde, vilvoorde, 0, 40);
        });

        var seen = new List<(long Enrolment, string Cursor)>();
        string? cursor = null;
        var emptyAfterWriter = 0;
        while (emptyAfterWriter < 2)
        {
            var done = writer.IsCompleted;
            var page = await PageAsync(agency, cursor, 7);
            var items = page["items"]!.AsArray();
            seen.AddRange(items.Select(i => ((long)i!["enrolmentId"]!, (string)i["cursor"]!)));
            Assert.False(string.IsNullOrEmpty((string?)page["next"]));
            cursor = (string)page["next"]!;
            if (items.Count == 0 && done) emptyAfterWriter++;
        }

        await writer;
        await using var db = world.Web.Database.Open();
        var all = await db.EnrolmentStatusChanges.OrderBy(c => c.Id).Select(c => c.EnrolmentId).ToListAsync();
        Assert.Equal(before + 80, all.Count);
        Assert.Equal(all, seen.Select(s => s.Enrolment).ToList());
        Assert.Equal(seen.Count, seen.Select(s => s.Cursor).Distinct().Count());
    }

    [Fact]
    public async Task TheFeedResumesFromACursorOnAnotherInstanceAfterARestartWithTheSameToken()
    {
        await using var world = await ApiWorld.StartAsync();
        var client = await world.RegisterAsync(null);
        var token = await world.TokenAsync(client);
        var activity = await world.AddActivityAsync(ApiWorld.Halle, "Buddy in Halle");
        await ProposeAsync(world, ApiWorld.Halle, activity, 0, 10);
        string next;
        using (var first = world.Bearer(token))
        {
            var page = await PageAsync(first, null, 4);
            Assert.Equal(4, page["items"]!.AsArray().Count);
            next = (string)page["next"]!;
        }

        await using var second = WebHost.Build(world.Web.Database.Settings, TimeProvider.System, "http://127.0.0.1:0");
        await second.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(second.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var rest = await PageAsync(http, next, 100);
        await using var db = world.Web.Database.Open();
        var ids = await db.EnrolmentStatusChanges.OrderBy(c => c.Id).Select(c => c.EnrolmentId).ToListAsync();
        Assert.Equal(ids.Skip(4).Take(100), rest["items"]!.AsArray().Select(i => (long)i!["enrolmentId"]!));
        await second.StopAsync();
    }

    [Fact]
    public async Task TheFeedRefusesAForgedCursorAndALimitOutOfRangeAndIsClosedToMunicipalClients()
    {
        await using var world = await ApiWorld.StartAsync();
        using var agency = await world.ClientAsync(null);
        foreach (var query in new[] { "after=12", "after=c2MxOi0x", "after=%2A", "limit=0", "limit=1001", "limit=abc" })
        {
            using var response = await agency.GetAsync(new Uri("/api/v1/status-changes?" + query, UriKind.Relative));
            await ApiWorld.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        }

        var empty = await PageAsync(agency, null, null);
        Assert.False(string.IsNullOrEmpty((string?)empty["next"]));
        using var municipal = await world.ClientAsync(ApiWorld.Halle);
        using var refused = await municipal.GetAsync(new Uri("/api/v1/status-changes", UriKind.Relative));
        await ApiWorld.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    private static async Task<JsonNode> PageAsync(HttpClient http, string? after, int? limit)
    {
        var query = string.Join("&", new[] { after is null ? null : "after=" + Uri.EscapeDataString(after), limit is null ? null : "limit=" + limit }.Where(q => q is not null));
        using var response = await http.GetAsync(new Uri("/api/v1/status-changes" + (query.Length > 0 ? "?" + query : ""), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiWorld.ReadAsync(response);
    }

    /// <summary>Proposes the activity to newcomers [skip, skip + count) of the municipality through the one write path.</summary>
    internal static async Task ProposeAsync(ApiWorld world, string nis, int activityId, int skip, int count)
    {
        await using var db = world.Web.Database.Open();
        var workspace = await WorkspaceAsync(db, nis);
        var ids = await CurrentNewcomers.Of(db, workspace.Retention).OrderBy(n => n.Id).Skip(skip).Take(count).Select(n => n.Id).ToListAsync();
        foreach (var id in ids)
        {
            await using var each = world.Web.Database.Open();
            var outcome = await Enrolling.ProposeAsync(each, TimeProvider.System, workspace, id, activityId, "test", CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
    }

    private static async Task<WorkspaceMunicipality> WorkspaceAsync(PnxDb db, string nis) =>
        (await WorkspaceResolver.LoadAsync(db, nis, BelgianTime.Today(TimeProvider.System), CancellationToken.None))!;
}
