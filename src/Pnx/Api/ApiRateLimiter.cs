using System.Globalization;
using System.Threading.RateLimiting;
using Pnx.Api.Clients;

namespace Pnx.Api;

/// <summary>
/// Per-client limits (the client's own requests a minute), applied once the client is known, so one client
/// over its limit never slows another. The token endpoint is limited per address.
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    public const int TokenRequestsPerMinute = 300;

    private readonly PartitionedRateLimiter<(string Key, int Limit)> _limiter =
        PartitionedRateLimiter.Create<(string Key, int Limit), (string, int)>(p => RateLimitPartition.GetFixedWindowLimiter(p, k =>
            new FixedWindowRateLimiterOptions { PermitLimit = k.Item2, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));

    /// <summary>Null when the request may go on, else the seconds to wait (for Retry-After).</summary>
    public int? TryAcquire(HttpContext http)
    {
        var caller = ApiCaller.Of(http);
        var partition = caller is not null
            ? ("client:" + caller.ClientId + ":" + caller.RateLimitPerMinute.ToString(CultureInfo.InvariantCulture), caller.RateLimitPerMinute)
            : ("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), TokenRequestsPerMinute);
        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
    }

    public void Dispose() => _limiter.Dispose();
}
