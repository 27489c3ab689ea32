using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Pnx.Errors;

/// <summary>
/// The status an error page answers with, taken only from what the pipeline knows: the status-code
/// re-execute feature, the exception handler, or the route of a direct visit (/fout/404). A form field
/// or query value never sets it, and it is always a real 4xx or 5xx.
/// </summary>
public static class ErrorStatus
{
    /// <summary>The status to answer, or null for a plain visit to /fout (which answers 200).</summary>
    public static int? Of(HttpContext http)
    {
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted) return Clamp(reExecuted.OriginalStatusCode);
        if (http.Features.Get<IExceptionHandlerFeature>() is not null) return Clamp(http.Response.StatusCode);
        if (http.GetRouteValue("code") is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return Clamp(code);
        return null;
    }

    /// <summary>The status for an unhandled exception: a request Kestrel refused (body too large, malformed) keeps its 4xx.</summary>
    public static int ForException(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException bad) return Clamp(bad.StatusCode);
        }

        return StatusCodes.Status500InternalServerError;
    }

    private static int Clamp(int status) => status is >= 400 and <= 599 ? status : StatusCodes.Status500InternalServerError;
}
