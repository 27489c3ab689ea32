using System.Net;

namespace Pnx.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task AClientOverItsLimitGets429WithRetryAfterWhileAnotherClientGoesOn()
    {
        await using var world = await ApiWorld.StartAsync();
        using var limited = await world.ClientAsync(null, rateLimit: 3);
        using var other = await world.ClientAsync(null, rateLimit: 3);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await limited.GetAsync(new Uri("/api/v1/status-changes", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await ApiWorld.AssertProblemAsync(refused!, HttpStatusCode.TooManyRequests);
        Assert.InRange(refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        refused.Dispose();
        using var fine = await other.GetAsync(new Uri("/api/v1/status-changes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
