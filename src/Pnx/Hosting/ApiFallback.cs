using Microsoft.AspNetCore.Authorization;

namespace Pnx.Hosting;

/// <summary>
/// An unknown /api/... route answers a 404 as RFC 9457 problem details, not an HTML page: API clients
/// read machine errors. Real API endpoints take precedence (a fallback has the lowest order).
/// </summary>
public static class ApiFallback
{
    public static void Map(WebApplication app) =>
        app.MapFallback("/api/{**rest}", [AllowAnonymous] () => Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not Found",
            detail: "No API resource at this address."));
}
