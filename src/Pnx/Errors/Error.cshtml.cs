using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Pnx.Hosting.UiText;

namespace Pnx.Errors;

/// <summary>Friendly Dutch error pages, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Title, Explanation) = status switch
        {
            StatusCodes.Status404NotFound => (T("Pagina niet gevonden"), T("Deze pagina bestaat niet of u hebt er geen toegang toe.")),
            StatusCodes.Status403Forbidden => (T("Geen toegang"), T("Uw account heeft geen toegang tot deze pagina.")),
            StatusCodes.Status429TooManyRequests => (T("Te veel aanvragen"), T("U hebt te veel aanvragen na elkaar gedaan. Wacht even en probeer opnieuw.")),
            StatusCodes.Status400BadRequest => (T("Ongeldige aanvraag"), T("De aanvraag kon niet verwerkt worden. Laad de pagina opnieuw en probeer nog eens.")),
            _ => (T("Er ging iets mis"), T("Er ging iets mis aan onze kant. De fout is gemeld; probeer het later opnieuw.")),
        };
        if (code is not null) Response.StatusCode = status;
    }
}
