using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;

namespace Pnx.Errors;

/// <summary>
/// Friendly Dutch error pages, never a stack trace. The status comes from the pipeline (see
/// <see cref="ErrorStatus"/>), never from a form or query value: handlers bind no parameters.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var status = ErrorStatus.Of(HttpContext);
        (Title, Explanation) = status switch
        {
            StatusCodes.Status404NotFound => (T("Pagina niet gevonden"), T("Deze pagina bestaat niet of u hebt er geen toegang toe.")),
            StatusCodes.Status403Forbidden => (T("Geen toegang"), T("Uw account heeft geen toegang tot deze pagina.")),
            StatusCodes.Status429TooManyRequests => (T("Te veel aanvragen"), T("U hebt te veel aanvragen na elkaar gedaan. Wacht even en probeer opnieuw.")),
            StatusCodes.Status413PayloadTooLarge => (T("Bestand te groot"), TooLarge(RequestBodyLimits.RejectedLimit(HttpContext))),
            >= 400 and < 500 => (T("Ongeldige aanvraag"), T("De aanvraag kon niet verwerkt worden. Laad de pagina opnieuw en probeer nog eens.")),
            _ => (T("Er ging iets mis"), T("Er ging iets mis aan onze kant. De fout is gemeld; probeer het later opnieuw.")),
        };
        if (status is not null) Response.StatusCode = status.Value;
    }

    private static string TooLarge(long? limit) => limit is { } bytes
        ? T("Het bestand is te groot om op te laden: hoogstens {0} MB is toegestaan. Er werd niets verwerkt.")
            .Replace("{0}", (bytes / (1024 * 1024)).ToString(CultureInfo.CurrentCulture), StringComparison.Ordinal)
        : T("Het bestand is te groot om op te laden. Er werd niets verwerkt.");
}
