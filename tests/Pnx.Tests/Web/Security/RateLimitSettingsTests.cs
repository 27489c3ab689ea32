using System.Net;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

/// <summary>PNX_READS_PER_MINUTE and PNX_SIGNINS_PER_MINUTE (contract §2) as the server applies them.</summary>
public sealed class RateLimitSettingsTests
{
    private static WebLimits LimitsFromEnvironment(string reads, string signIns)
    {
        var read = PnxSettings.FromEnvironment(Pnx.Tests.Cli.ConfigurationTests.Environment(("PNX_READS_PER_MINUTE", reads), ("PNX_SIGNINS_PER_MINUTE", signIns)));
        Assert.Empty(read.Problems);
        return read.Settings!.Limits;
    }

    [Fact]
    public async Task ReadsAnswer429WithRetryAfterOnceTheConfiguredLimitIsUsedUp()
    {
        await using var web = await TestWeb.StartAsync(limits: LimitsFromEnvironment(reads: "3", signIns: "50"));
        using var client = await web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        for (var i = 0; i < 3; i++) await client.GetPageAsync("/gemeenten/23027/inburgeraars");
        using var limited = await client.GetAsync("/gemeenten/23027/inburgeraars");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), $"Retry-After was {retryAfter}");
        Assert.Contains("Te veel aanvragen", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInsAnswer429WithRetryAfterOnceTheConfiguredLimitIsUsedUp()
    {
        await using var web = await TestWeb.StartAsync(limits: LimitsFromEnvironment(reads: "300", signIns: "2"));
        using var client = web.NewClient();
        for (var i = 0; i < 2; i++) await client.GetPageAsync("/aanmelden");
        using var limited = await client.GetAsync("/aanmelden");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
    }
}
