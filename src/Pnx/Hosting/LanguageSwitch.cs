using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Pnx.Hosting;

/// <summary>POST /taal: switches between Dutch and English with a cookie, without JavaScript.</summary>
public static class LanguageSwitch
{
    public static void Map(WebApplication app) =>
        app.MapPost("/taal", ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http) =>
        {
            var chosen = culture == "en" ? "en" : "nl-BE";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            // Only local paths: never an open redirect.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
}
