using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Pnx.Tests.Web.Authorization;

/// <summary>One endpoint the app maps, as the matrix sees it: its normalised route and the methods it answers.</summary>
public sealed record AppEndpoint(string Route, RoutePattern Pattern, IReadOnlyList<string> Methods, string DisplayName)
{
    /// <summary>GET when the endpoint answers it; a POST only for endpoints that answer nothing else.</summary>
    public string ProbeMethod => Methods.Contains(HttpMethods.Get) || Methods.Count == 0 ? HttpMethods.Get : Methods[0];

    public bool HasMunicipality => Pattern.Parameters.Any(p => string.Equals(p.Name, "nis", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads every endpoint from the app's own EndpointDataSource, so no page escapes the matrix.</summary>
public static partial class AppEndpoints
{
    public static async Task<IReadOnlyList<AppEndpoint>> ListAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var endpoints = new List<AppEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [];
            if (methods.Count == 0 && endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // Page handlers are only known once the page is loaded (OnGet, OnPostAsync, ...).
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                methods = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
            }

            endpoints.Add(new AppEndpoint(Normalise(endpoint.RoutePattern.RawText ?? ""), endpoint.RoutePattern, methods, endpoint.DisplayName ?? ""));
        }

        // Pages can be registered under more than one route model; one probe per route and method is enough.
        return endpoints.DistinctBy(e => (e.Route, e.ProbeMethod)).OrderBy(e => e.Route, StringComparer.Ordinal).ToList();
    }

    /// <summary><c>gemeenten/{nis:regex(..)}/inburgeraars/{id:long?}</c> becomes <c>/gemeenten/{nis}/inburgeraars/{id}</c>.</summary>
    public static string Normalise(string raw)
    {
        var route = Parameter().Replace(raw.Trim(), m => "{" + m.Groups[1].Value + "}");
        route = "/" + route.Trim('/');
        return route;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex Parameter();
}
