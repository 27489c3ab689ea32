using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.CaseWork;
using Pnx.Enrolments;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Performance;

/// <summary>
/// The SQL round trips of the case worker's two busiest pages (issue 10, point 6), counted so they cannot silently grow:
/// one query resolves session, grants, municipality and protocols; one query answers the page; the audit append is the
/// rest (plain commands of <c>AuditEntryWriter</c>, which EF Core does not see: the entry it appended is counted instead).
/// Counts, not times: the speed itself is measured by ./bench.sh pages.
/// </summary>
public sealed class PageRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task AListViewIsOneAccessQueryOneDataQueryAndTheAuditAppend()
    {
        var (access, data, audited) = await CountAsync("/gemeenten/23027/inburgeraars?niveau=A1&sorteer=naam");
        Assert.Equal(1, access);
        Assert.Equal(1, data);
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task ADetailViewIsOneAccessQueryItsCaseFileQueriesAndTheAuditAppend()
    {
        var id = (await CurrentAsync(_web, "23027")).OrderBy(n => n.Id).First().Id;
        var (access, data, audited) = await CountAsync($"/gemeenten/23027/inburgeraars/{id}");
        Assert.Equal(1, access);
        Assert.InRange(data, 1, DetailDataQueries);
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task ADetailViewWhereStaffRecordedContactsAndStatusesNamesThemInOneLookup()
    {
        var id = (await CurrentAsync(_web, "23027")).OrderBy(n => n.Id).First().Id;
        var activityId = await Pnx.Tests.Web.Newcomers.CaseWorkWorld.AddActivityAsync(_web, "23027", "Taalcafé De Brug");
        var actor = StaffNames.UserPrefix + await Pnx.Tests.Web.Newcomers.CaseWorkWorld.UserIdAsync(_web, Role.MunicipalCaseWorker, "23027");
        await using (var db = _web.Database.Open())
        {
            var workspace = (await WorkspaceResolver.LoadAsync(db, "23027", BelgianTime.Today(TimeProvider.System), default))!;
            Assert.True((await Enrolling.ProposeAsync(db, TimeProvider.System, workspace, id, activityId, actor, default)).Succeeded);
            Assert.Equal(CaseWorkOutcome.Done, await ContactLog.AddAsync(db, TimeProvider.System, workspace, id, ContactOutcome.Bereikt, null, actor, default));
        }

        var (access, data, audited) = await CountAsync($"/gemeenten/23027/inburgeraars/{id}");
        Assert.Equal(1, access);
        // The contact log's and the history's staff member named by one query, not one per list.
        Assert.InRange(data, 1, DetailDataQueries + 1);
        Assert.Equal(1, audited);
    }

    /// <summary>SQLite's planner, without statistics unless ANALYZE ran, picks an index by the conditions it is given.</summary>
    [SqliteFact]
    public async Task NoQueryOfADetailViewReadsAMunicipalitysWholeHistoryOrContactLogOrEveryCatalogue()
    {
        var id = (await CurrentAsync(_web, "23027")).OrderBy(n => n.Id).First().Id;
        var plans = await PlansAsync($"/gemeenten/23027/inburgeraars/{id}");
        Assert.Contains(plans, p => p.Contains("IX_contact_log_NewcomerId_At", StringComparison.Ordinal));
        Assert.Contains(plans, p => p.Contains("IX_enrolment_status_changes_EnrolmentId", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Contains("IX_contact_log_MunicipalityId", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Contains("IX_enrolment_status_changes_MunicipalityId", StringComparison.Ordinal));
        // The usable activities: the own and the shared by their indexes, never a scan of every municipality's catalogue.
        Assert.Contains(plans, p => p.Contains("IX_activity_shares_MunicipalityId", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p == "SCAN a" || p.StartsWith("SCAN a ", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task TheSessionQueryReadsOnlyTheUsersOwnGrantsAndTheRoutesMunicipality()
    {
        var plans = await PlansAsync("/gemeenten/23027/inburgeraars");
        // By the user's index, not every user's grants in force (by expiry) materialised and then joined.
        Assert.Contains(plans, p => p.Contains("IX_grants_UserId_RevokedAt (UserId=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Contains("IX_grants_ExpiresAt", StringComparison.Ordinal));
        // The route's workspace in the same query: the municipality by its code, its protocols by their municipality.
        Assert.Contains(plans, p => p.Contains("IX_municipalities_NisCode (NisCode=?)", StringComparison.Ordinal));
        Assert.Contains(plans, p => p.StartsWith("SEARCH p0 USING INDEX IX_protocols_MunicipalityId", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.StartsWith("SCAN m", StringComparison.Ordinal) || p.StartsWith("SCAN p", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every sort of the list reads the page in an index's order (the level and civic-orientation sorts by their CASE, through
    /// the expression indexes of migration ListSortIndexes), and counts at most the rows the list pages: no view sorts or
    /// counts a whole municipality.
    /// </summary>
    [SqliteTheory]
    [InlineData("dossier")]
    [InlineData("naam")]
    [InlineData("niveau")]
    [InlineData("mo")]
    [InlineData("contact")]
    [InlineData("uren")]
    public async Task EverySortOfTheListReadsAnIndexInOrder(string sort)
    {
        var plans = await PlansAsync($"/gemeenten/23027/inburgeraars?sorteer={sort}&pagina=2", ListQuery);
        Assert.DoesNotContain(plans, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p == "SCAN n" || p.StartsWith("SCAN n ", StringComparison.Ordinal));
        Assert.Contains(plans, p => p.StartsWith("SEARCH n USING INDEX", StringComparison.Ordinal));
    }

    /// <summary>The level and civic-orientation filters read their rank's index (the same expression the sorts order by), in either order.</summary>
    [SqliteTheory]
    [InlineData("niveau=A1", "IX_newcomers_level_sort")]
    [InlineData("niveau=onbekend&sorteer=niveau", "IX_newcomers_level_sort")]
    [InlineData("mo=geslaagd&sorteer=mo", "IX_newcomers_civic_orientation_sort")]
    [InlineData("mo=ingeschreven", "IX_newcomers_civic_orientation_sort")]
    public async Task TheLevelAndCivicOrientationFiltersReadTheirRanksIndex(string query, string index)
    {
        var plans = await PlansAsync($"/gemeenten/23027/inburgeraars?{query}", ListQuery);
        Assert.Contains(plans, p => p.StartsWith($"SEARCH n USING INDEX {index} (MunicipalityId=? AND <expr>=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>
    /// "Mijn inburgeraars" and "has an enrolment in status X" match a few newcomers of a large municipality. With the statistics
    /// an import leaves (<see cref="PlannerStatistics"/>), their list starts from those few (by the assignments' and the
    /// enrolments' own index, then each newcomer by its key) instead of walking the whole municipality in list order and
    /// probing every newcomer; and the page still shows exactly them.
    /// </summary>
    [SqliteTheory]
    [InlineData("mijn=1")]
    [InlineData("inschrijving=voorgesteld")]
    public async Task InALargeMunicipalityAFilterOnAFewNewcomersStartsFromThem(string query)
    {
        await Pnx.Tests.Web.Newcomers.LargeMunicipality.AddAsync(_web, "23027");
        var caseWorker = await Pnx.Tests.Web.Newcomers.CaseWorkWorld.UserIdAsync(_web, Role.MunicipalCaseWorker, "23027");
        var activityId = await Pnx.Tests.Web.Newcomers.CaseWorkWorld.AddActivityAsync(_web, "23027", "Taalcafé De Brug");
        List<string> expected;
        await using (var db = _web.Database.Open())
        {
            var workspace = (await WorkspaceResolver.LoadAsync(db, "23027", BelgianTime.Today(TimeProvider.System), default))!;
            var ids = await db.Newcomers.Where(n => n.MunicipalityId == workspace.Id && EF.Functions.Like(n.DossierNumber, "ZZ-%"))
                .OrderBy(n => n.Id).Select(n => n.Id).ToListAsync();
            await db.NewcomerAssignments.Where(a => a.MunicipalityId == workspace.Id).ExecuteDeleteAsync();
            await db.Enrolments.Where(e => e.MunicipalityId == workspace.Id).ExecuteDeleteAsync();
            var (assigned, proposed) = (ids.Where((_, i) => i % 800 == 3).ToList(), ids.Where((_, i) => i % 1400 == 5).ToList());
            expected = await db.Newcomers.Where(n => (query == "mijn=1" ? assigned : proposed).Contains(n.Id)).Select(n => n.DossierNumber).ToListAsync();
            var now = DateTime.UtcNow;
            db.NewcomerAssignments.AddRange(assigned.Select(id => new NewcomerAssignment { NewcomerId = id, MunicipalityId = workspace.Id, UserId = caseWorker, AssignedAt = now }));
            await db.SaveChangesAsync();
            foreach (var id in proposed)
            {
                Assert.True((await Enrolling.ProposeAsync(db, TimeProvider.System, workspace, id, activityId, StaffNames.UserPrefix + caseWorker, default)).Succeeded);
            }

            await PlannerStatistics.RefreshAsync(db);
        }

        var plans = await PlansAsync($"/gemeenten/23027/inburgeraars?{query}", ListQuery);
        Assert.Contains(plans, p => p.StartsWith("SEARCH n USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Contains("IX_newcomers_MunicipalityId_DossierNumber", StringComparison.Ordinal));
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var page = await client.GetPageAsync($"/gemeenten/23027/inburgeraars?{query}");
        Assert.Contains($"{expected.Count} inburgeraars", page, StringComparison.Ordinal);
        var shown = System.Text.RegularExpressions.Regex.Matches(page, "ZZ-[0-9]{6}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), shown);
    }

    /// <summary>
    /// A name search in a large municipality reads its candidates from the trigram index of the names (FTS5, migration
    /// NewcomerNameSearchIndex) and then each by its key, instead of testing every newcomer of the municipality; the page
    /// shows exactly the newcomers the search's own condition matches.
    /// </summary>
    [SqliteFact]
    public async Task InALargeMunicipalityANameSearchReadsItsCandidatesFromTheNamesIndex()
    {
        await Pnx.Tests.Web.Newcomers.LargeMunicipality.AddAsync(_web, "23027");
        await using (var db = _web.Database.Open()) await PlannerStatistics.RefreshAsync(db);
        var current = await CurrentAsync(_web, "23027");
        var target = current.OrderBy(n => n.Id).First(n => n.FamilyName!.Length >= 5);
        var word = NewcomerSearch.Normalize(target.FamilyName!);
        var expected = current.Where(n => n.SearchName!.Contains(word, StringComparison.Ordinal)).Select(n => n.DossierNumber).Order(StringComparer.Ordinal).ToList();
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var response = await client.PostFormAsync("/gemeenten/23027/inburgeraars", new Dictionary<string, string> { ["zoek"] = target.FamilyName!.ToLowerInvariant() });
        var location = response.Headers.Location!.OriginalString;

        var plans = await PlansAsync(location, ListQuery);
        Assert.Contains(plans, p => p.Contains("newcomer_search VIRTUAL TABLE", StringComparison.Ordinal));
        Assert.Contains(plans, p => p.StartsWith("SEARCH n USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Contains("IX_newcomers_MunicipalityId_DossierNumber", StringComparison.Ordinal));
        var page = await client.GetPageAsync(location);
        var shown = System.Text.RegularExpressions.Regex.Matches(page, "inburgeraars/[0-9]+[^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, shown);
    }

    /// <summary>
    /// On PostgreSQL a name search in a large municipality reads the GIN trigram index of the names (migration
    /// NewcomerNameTrigramIndex) for its page and its count (planned with the values the view bound), instead of walking
    /// the municipality in its dossier index; the page shows exactly the newcomers whose name has the word,
    /// also for a word with LIKE's own wildcard characters in it.
    /// </summary>
    [PostgresFact]
    public async Task OnPostgresANameSearchInALargeMunicipalityReadsTheNamesTrigramIndex()
    {
        await Pnx.Tests.Web.Newcomers.LargeMunicipality.AddAsync(_web, "23027");
        await using (var db = _web.Database.Open())
        {
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = '{Pnx.Data.Migrations.Postgres.NewcomerNameTrigramIndex.Index}'").SingleAsync());
            // What autovacuum does soon after a large import: statistics, and the index's pending list of new rows merged in.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE newcomers");
        }

        var current = await CurrentAsync(_web, "23027");
        var target = current.OrderBy(n => n.Id).First(n => n.FamilyName!.Length >= 5);
        var word = NewcomerSearch.Normalize(target.FamilyName!);
        var expected = current.Where(n => n.SearchName!.Contains(word, StringComparison.Ordinal)).Select(n => n.DossierNumber).Order(StringComparer.Ordinal).ToList();
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var location = (await client.PostFormAsync("/gemeenten/23027/inburgeraars", new Dictionary<string, string> { ["zoek"] = target.FamilyName!.ToLowerInvariant() }))
            .Headers.Location!.OriginalString;
        var list = (await SecondViewAsync(location)).Commands.Single(c => ListQuery(c.Text));

        await using (var db = _web.Database.Open())
        {
            var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN " + list.Text, connection);
            foreach (var (name, value, type) in list.Parameters) explain.Parameters.Add(new Npgsql.NpgsqlParameter(name, value) { DbType = type });
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            }

            output.WriteLine(string.Join('\n', plan));
            Assert.True(plan.Count(p => p.Contains(Pnx.Data.Migrations.Postgres.NewcomerNameTrigramIndex.Index, StringComparison.Ordinal)) >= 2, "the page and the count read the trigram index");
            Assert.DoesNotContain(plan, p => p.Contains("IX_newcomers_MunicipalityId_DossierNumber", StringComparison.Ordinal));
        }

        var page = await client.GetPageAsync(location);
        var shown = System.Text.RegularExpressions.Regex.Matches(page, "inburgeraars/[0-9]+[^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, shown);

        // LIKE's wildcards in a search word are the characters themselves: "%" and "_" match no name here.
        foreach (var wildcard in new[] { "%", "_", "a%n", "a_n" })
        {
            var none = (await client.PostFormAsync("/gemeenten/23027/inburgeraars", new Dictionary<string, string> { ["zoek"] = wildcard })).Headers.Location!.OriginalString;
            Assert.DoesNotMatch("inburgeraars/[0-9]+", await client.GetPageAsync(none));
        }
    }

    /// <summary>The list's query (page and count), not the access query nor the audit append's.</summary>
    private static bool ListQuery(string select) => System.Text.RegularExpressions.Regex.IsMatch(select, "FROM \"?newcomers\"? AS \"?n\"?\\s");

    /// <summary>SQLite's plans of the SELECTs one view of <paramref name="path"/> runs (after a first view), or of those <paramref name="which"/> picks.</summary>
    private async Task<List<string>> PlansAsync(string path, Func<string, bool>? which = null)
    {
        var commands = (await SecondViewAsync(path)).Commands.Select(c => c.Text);
        var plans = new List<string>();
        await using var db = _web.Database.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var select in commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && (which is null || which(c))))
        {
            // Unbound parameters are NULL to EXPLAIN: the plan is the one the bound statement gets.
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + select;
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) plans.Add(reader.GetString(3));
        }

        output.WriteLine(string.Join('\n', plans));
        return plans;
    }

    /// <summary>The newcomer with assignment and contact log, enrolments with their history, usable activities, case workers
    /// (staff names only when some entry has a staff actor). Not yet one query: see the bench README.</summary>
    private const int DetailDataQueries = 4;

    /// <summary>The access queries (session, grants and workspace in one; a second would be the resolver's own) and the other commands of one view, and the audit entries it appended.</summary>
    private async Task<(int Access, int Data, int Audited)> CountAsync(string path)
    {
        var (bound, audited) = await SecondViewAsync(path);
        var commands = bound.Select(c => c.Text).ToList();
        foreach (var command in commands) output.WriteLine(command.ReplaceLineEndings(" ") + "\n");
        // The session query, and the workspace's (the route's municipality with its protocols: activity and retention terms).
        var access = commands.Count(c => c.Contains("user_sessions", StringComparison.Ordinal)
            || (c.Contains("\"NisCode\" = @nis", StringComparison.Ordinal) && c.Contains("protocols", StringComparison.Ordinal)));
        return (access, commands.Count - access, audited);
    }

    /// <summary>
    /// The commands EF Core sends for one view of <paramref name="path"/> by a case worker after a first one (which loads
    /// what a process keeps: keys, the language list), and the audit entries that view appended.
    /// </summary>
    private async Task<(IReadOnlyList<(string Text, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters)> Commands, int Audited)> SecondViewAsync(string path)
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var counter = new SqlCommandCounter(_web.Database.Settings);
        // Pooled contexts keep EF Core's answer to "is anyone listening?" for a second (its logging cache time).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await client.GetPageAsync(path);
        var entriesBefore = await AuditEntriesAsync();
        counter.Take();
        await client.GetPageAsync(path);
        var commands = counter.Take();
        return (commands, await AuditEntriesAsync() - entriesBefore);
    }

    private async Task<int> AuditEntriesAsync()
    {
        await using var db = _web.Database.Open();
        return await db.AuditEntries.CountAsync();
    }
}
