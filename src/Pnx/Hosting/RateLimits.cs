using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Pnx.Hosting;

/// <summary>Rate limits answering 429: sign-in per client address, lists and exports per user.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Reads = "reads";

    public static void Add(RateLimiterOptions options, WebLimits limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        options.AddPolicy(Reads, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ReadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

}

/// <summary>Per-minute limits; generous for a person, tight for a scraper. Benchmarks raise them.</summary>
public sealed record WebLimits(int SignInsPerMinute = 20, int ReadsPerMinute = 300);
