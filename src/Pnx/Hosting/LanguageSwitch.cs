using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace Pnx.Hosting;

/// <summary>POST /taal: switches between Dutch and English with a cookie, without JavaScript.</summary>
public static class LanguageSwitch
{
    // The token is checked here rather than by form binding, whose failure surfaces as a 500 instead of a 400.
    // A form that cannot be read at all (a NUL in a value) is a bad request too, not a server error.
    public static void Map(WebApplication app) =>
        app.MapPost("/taal", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await IsValidAsync(http, antiforgery)) return Results.StatusCode(StatusCodes.Status400BadRequest);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var chosen = form["culture"] == "en" ? "en" : "nl-BE";
            string? returnUrl = form["returnUrl"];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.LocalRedirect(LocalReturnUrl.Or(returnUrl, "/"));
        }).DisableAntiforgery().AllowAnonymous();

    private static async Task<bool> IsValidAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
