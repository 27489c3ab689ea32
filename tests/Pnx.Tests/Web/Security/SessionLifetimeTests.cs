using HttpStatusCode = System.Net.HttpStatusCode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

/// <summary>The database ticket store enforces the limits on the web's TimeProvider; here a fake clock moves.</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync(_time);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static async Task<HttpStatusCode> StatusAsync(WebClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task ASessionEndsAfter20IdleMinutes()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        _time.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/start"));
        _time.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client, "/start"));
    }

    [Fact]
    public async Task ActivityKeepsASessionAliveButNeverPast8Hours()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.75); elapsed += TimeSpan.FromMinutes(15))
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/start"));
        }

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client, "/start"));
    }

    /// <summary>
    /// Requests of one session that all find its touch due at once (a page and its neighbours, a user's tabs) all pass,
    /// and the session's last activity is the moment they came.
    /// </summary>
    [Fact]
    public async Task RequestsOfOneSessionThatFindItsTouchDueAtOnceAllPassAndTouchIt()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        _time.Advance(TimeSpan.FromMinutes(11));
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetAsync("/start")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        await using var db = _web.Database.Open();
        var lastSeen = await db.UserSessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == account.Email))
            .Select(s => s.LastSeenAt).ToListAsync();
        var now = _time.GetUtcNow().UtcDateTime;
        Assert.InRange(Assert.Single(lastSeen), now.AddMilliseconds(-1), now); // PostgreSQL keeps microseconds
        // 26 minutes after signing in, 15 after the touch: still signed in, as the touch moved the idle clock.
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/start"));
    }

    [Fact]
    public async Task ADisabledUsersOldCookieStopsWorkingAtOnce()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/start"));
        var admin = _web.Account(Role.AgencyAccessAdministrator);
        await new PnxCli(_web.Database.Settings, _time).RunExpectingAsync(ExitCodes.Done, "user", "disable", "--email", account.Email, "--by", admin.Email);
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client, "/start"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client, "/account"));
    }

    [Fact]
    public async Task AnExpiredGrantStopsWorkingOnTheNextRequest()
    {
        var account = _web.Account(Role.MunicipalOfferManager, "23027");
        using var client = await _web.SignInAsync(Role.MunicipalOfferManager, "23027");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/start"));
        await using (var db = _web.Database.Open())
        {
            var past = _time.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.Grants.Where(g => g.User.Email == account.Email).ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, past));
        }

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/start"));
    }

    [Fact]
    public async Task ARevokedGrantStopsWorkingOnTheNextRequest()
    {
        var account = _web.Account(Role.AgencyDataSteward);
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/start"));
        int grantId;
        await using (var db = _web.Database.Open())
        {
            grantId = await db.Grants.Where(g => g.User.Email == account.Email).Select(g => g.Id).SingleAsync();
        }

        var admin = _web.Account(Role.AgencyAccessAdministrator);
        await new PnxCli(_web.Database.Settings, _time).RunExpectingAsync(ExitCodes.Done, "grant", "revoke", "--id", grantId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--by", admin.Email);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/start"));
    }
}
