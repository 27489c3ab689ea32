using Pnx.Access;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Performance;

/// <summary>
/// The SQL round trips of the case worker's two busiest pages (issue 10, point 6), counted so they cannot silently grow:
/// one query resolves session, grants, municipality and protocol; one query answers the page; the audit append is the
/// rest. Counts, not times: the speed itself is measured by ./bench.sh pages.
/// </summary>
public sealed class PageRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task AListViewIsTheSessionAndWorkspaceQueriesOneDataQueryAndTheAuditAppend()
    {
        var (access, data, audit) = await CountAsync("/gemeenten/23027/inburgeraars?niveau=A1&sorteer=naam");
        Assert.Equal(2, access);
        Assert.Equal(1, data);
        Assert.InRange(audit, 1, 3);
    }

    [Fact]
    public async Task ADetailViewIsTheSessionAndWorkspaceQueriesItsCaseFileQueriesAndTheAuditAppend()
    {
        var id = (await CurrentAsync(_web, "23027")).OrderBy(n => n.Id).First().Id;
        var (access, data, audit) = await CountAsync($"/gemeenten/23027/inburgeraars/{id}");
        Assert.Equal(2, access);
        Assert.InRange(data, 1, DetailDataQueries);
        Assert.InRange(audit, 1, 3);
    }

    /// <summary>The newcomer, then their case file: enrolments and their history, usable activities, assignment, case workers, contact log
    /// (staff names only when some entry has a staff actor). Not yet one query: see the bench README.</summary>
    private const int DetailDataQueries = 7;

    /// <summary>Commands of one view after a first one (which loads what a process keeps: keys, the language list).</summary>
    private async Task<(int Access, int Data, int Audit)> CountAsync(string path)
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var counter = new SqlCommandCounter(_web.Database.Settings);
        // Pooled contexts keep EF Core's answer to "is anyone listening?" for a second (its logging cache time).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await client.GetPageAsync(path);
        counter.Take();
        await client.GetPageAsync(path);
        var commands = counter.Take();
        foreach (var command in commands) output.WriteLine(command.ReplaceLineEndings(" ") + "\n");
        var audit = commands.Count(c => c.Contains("audit_", StringComparison.Ordinal));
        // The session query, and the workspace's (the route's municipality with its protocols: activity and retention terms).
        var access = commands.Count(c => c.Contains("user_sessions", StringComparison.Ordinal)
            || (c.Contains("\"NisCode\" = @nis", StringComparison.Ordinal) && c.Contains("protocols", StringComparison.Ordinal)));
        return (access, commands.Count - audit - access, audit);
    }
}
