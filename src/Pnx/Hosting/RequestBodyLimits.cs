using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Pnx.Hosting;

/// <summary>
/// A request body over the limit answers 413 with the error page. Without this, the form reader meets
/// Kestrel's limit halfway: the antiforgery check swallows that as a 400 and model binding turns it into
/// a 500. The limit is the endpoint's (<c>[RequestSizeLimit]</c> on the upload page) or Kestrel's default.
/// </summary>
public static class RequestBodyLimits
{
    private static readonly object RejectedLimitKey = new();

    /// <summary>Runs after routing, so that the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UsePnxRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is null || size.IsReadOnly || IsErrorPage(context))
        {
            await next(context);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } endpointLimit)
        {
            size.MaxRequestBodySize = endpointLimit.MaxRequestBodySize;
        }

        if (size.MaxRequestBodySize is not { } limit)
        {
            await next(context);
        }
        else if (context.Request.ContentLength > limit)
        {
            context.Items[RejectedLimitKey] = limit;
            // Let Kestrel read and discard the rest (it allows that a few seconds) rather than reset the
            // connection, which a browser shows as a network error instead of this answer.
            size.MaxRequestBodySize = null;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
        else if (context.Request.ContentLength is not null || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            await next(context);
        }
        else
        {
            // Without Content-Length (chunked) Kestrel stops the body halfway; notice it, whoever was reading.
            var body = new LimitObservingStream(context.Request.Body);
            context.Request.Body = body;
            await next(context);
            if (body.LimitExceeded && !context.Response.HasStarted)
            {
                context.Items[RejectedLimitKey] = limit;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        }
    });

    /// <summary>The limit a request body was refused for, when it was refused here.</summary>
    public static long? RejectedLimit(HttpContext context) => context.Items.TryGetValue(RejectedLimitKey, out var limit) ? (long?)limit : null;

    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
}
