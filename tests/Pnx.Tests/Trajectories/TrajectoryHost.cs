using System.Net;
using WebClient = Pnx.Tests.Infrastructure.WebClient;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Trajectories;

/// <summary>One web host for the trajectory tests; each test works on its own dossier numbers.</summary>
public sealed partial class TrajectoryHost : IAsyncLifetime
{
    public TestWeb Web { get; private set; } = null!;

    public async Task InitializeAsync() => Web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));

    public async Task DisposeAsync() => await Web.DisposeAsync();

    /// <summary>A dossier number no other test uses.</summary>
    public static string NewDossier() => "TRJ-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Searches as the counsellor does and follows the redirect; returns the trajectory page's path.</summary>
    public static async Task<string> FindAsync(WebClient counsellor, string dossier)
    {
        using var search = await counsellor.PostFormAsync("/agentschap/trajecten", new Dictionary<string, string> { ["Dossiernummer"] = dossier });
        Assert.Equal(HttpStatusCode.Redirect, search.StatusCode);
        var location = search.Headers.Location!.OriginalString;
        Assert.Matches(TrajectoryPath(), location);
        return location;
    }

    public async Task<int> VersionAsync(long enrolmentId)
    {
        await using var db = Web.Database.Open();
        return await db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.Version).SingleAsync();
    }

    [GeneratedRegex(@"^/agentschap/trajecten/\d+$")]
    public static partial Regex TrajectoryPath();
}
