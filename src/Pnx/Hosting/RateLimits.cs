using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Pnx.Hosting;

/// <summary>Rate limits answering 429 with Retry-After: sign-in per client address, lists, details and exports per user.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Reads = "reads";

    public static void Add(RateLimiterOptions options, WebLimits limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            // A fixed window knows when it reopens; without that metadata, a whole window is the honest answer.
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Max(1, Math.Ceiling(wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
        // Behind a trusted proxy the forwarded-headers middleware has already put the client's address here.
        options.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        options.AddPolicy(Reads, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ReadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}

/// <summary>
/// Per-minute limits (contract §2: <c>PNX_SIGNINS_PER_MINUTE</c>, <c>PNX_READS_PER_MINUTE</c>); generous for a
/// person, tight for a scraper. Tests and benchmarks pass their own.
/// </summary>
public sealed record WebLimits(int SignInsPerMinute = 20, int ReadsPerMinute = 300)
{
    internal static WebLimits Read(Func<string, string?> get, ICollection<string> problems)
    {
        var defaults = new WebLimits();
        return new WebLimits(
            PositiveInteger(get, "PNX_SIGNINS_PER_MINUTE", defaults.SignInsPerMinute, problems),
            PositiveInteger(get, "PNX_READS_PER_MINUTE", defaults.ReadsPerMinute, problems));
    }

    private static int PositiveInteger(Func<string, string?> get, string name, int fallback, ICollection<string> problems)
    {
        var value = get(name);
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0) return number;
        problems.Add($"{name}: \"{value.Trim()}\" is not a positive whole number (requests a minute)");
        return fallback;
    }
}
