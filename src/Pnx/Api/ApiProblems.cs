using Microsoft.AspNetCore.Http.HttpResults;

namespace Pnx.Api;

/// <summary>One problem of a request body: which item (index in the array, null for the request itself) and which member.</summary>
public sealed record FieldError(int? Index, string? Field, string Detail);

/// <summary>
/// Every API error as RFC 9457 problem details: a Dutch `title` for people, an English `detail` for machines,
/// and for validation the list `errors` of {index, field, detail}.
/// </summary>
public static class ApiProblems
{
    public static string Title(int status) => status switch
    {
        400 => "Ongeldige aanvraag",
        401 => "Niet aangemeld",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        409 => "Geweigerd door het protocol",
        412 => "Verouderde versie",
        422 => "Wijziging niet toegestaan",
        428 => "Versie vereist",
        429 => "Te veel aanvragen",
        _ => "Fout",
    };

    public static ProblemHttpResult Problem(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors, string? detail = null) =>
        Problem(StatusCodes.Status400BadRequest,
            detail ?? (errors.Count == 1 ? errors[0].Detail : $"The request has {errors.Count} problems; see errors."),
            new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { index = e.Index, field = e.Field, detail = e.Detail }).ToList() });

    public static ProblemHttpResult InvalidField(string? field, string detail) => Invalid([new FieldError(null, field, detail)]);

    public static ProblemHttpResult NotFound(string detail = "No such resource in this workspace.") => Problem(StatusCodes.Status404NotFound, detail);

    /// <summary>Writes a problem outside an endpoint (authorization, rate limiting).</summary>
    public static Task WriteAsync(HttpContext http, int status, string detail) => Problem(status, detail).ExecuteAsync(http);
}
