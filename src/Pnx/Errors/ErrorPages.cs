namespace Pnx.Errors;

/// <summary>Every error, thrown or answered, ends on the Dutch error page with a real 4xx/5xx status.</summary>
public static class ErrorPages
{
    public static IApplicationBuilder UsePnxErrorPages(this IApplicationBuilder app) => app
        .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/fout", StatusCodeSelector = ErrorStatus.ForException })
        .UseStatusCodePagesWithReExecute("/fout/{0}");
}
