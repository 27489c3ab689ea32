using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Pnx.Hosting;

/// <summary>
/// How requests from outside are read: only the configured Host names are answered (others get 400 from
/// ASP.NET Core's host filtering, which the web host runs first), and X-Forwarded-For/-Proto count only
/// when they come from a configured proxy. Without trusted proxies those headers are ignored entirely,
/// so a client cannot claim https or another address.
/// </summary>
public static class PublicAddress
{
    public static IServiceCollection AddPnxPublicAddress(this IServiceCollection services, HostingSettings hosting) =>
        services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = [.. hosting.AllowedHosts];
            o.IncludeFailureMessage = false;
        });

    /// <summary>First in the pipeline: the scheme and client address it sets decide cookies, HSTS and the sign-in limit.</summary>
    public static IApplicationBuilder UsePnxForwardedHeaders(this IApplicationBuilder app, HostingSettings hosting)
    {
        if (hosting.TrustedProxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Every hop is checked against the trusted list, so a chain of trusted proxies may be walked back in full.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in hosting.TrustedProxies) options.KnownIPNetworks.Add(network);
        return app.UseForwardedHeaders(options);
    }

    /// <summary>
    /// With an https public address, a request that arrived over plain http (and not from a trusted proxy saying
    /// https) is sent there: its Secure cookies could not work. /health stays plain for local monitoring.
    /// </summary>
    public static IApplicationBuilder UsePnxHttpsRedirection(this IApplicationBuilder app, HostingSettings hosting) =>
        !hosting.IsHttps ? app : app.Use((context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)) return next(context);
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = hosting.BaseUrl + context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        });
}
