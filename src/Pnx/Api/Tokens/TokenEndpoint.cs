using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Api.Tokens;

/// <summary>The access token answer of RFC 6749 §5.1.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// `POST /api/v1/token`: OAuth 2.0 client credentials (RFC 6749 §4.4). The client authenticates with HTTP
/// Basic or with `client_id` / `client_secret` form fields (not both); errors carry the §5.2 `error` code
/// inside problem details.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, PnxDb db, SigningKeys keys, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType)
            return Error(http, 400, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
        var form = await http.Request.ReadFormAsync(ct);
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0) return Error(http, 400, "invalid_request", "grant_type is missing.");
        if (grantType != "client_credentials")
            return Error(http, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");

        var basic = ReadBasic(http.Request);
        var formId = form["client_id"].ToString();
        var formSecret = form["client_secret"].ToString();
        if (basic is { Valid: false }) return Error(http, 401, "invalid_client", "The Basic credentials cannot be read.", basic: true);
        if (basic is not null && (formId.Length > 0 || formSecret.Length > 0))
            return Error(http, 400, "invalid_request", "Authenticate with HTTP Basic or with form fields, not both.");
        var (clientId, secret) = basic is not null ? (basic.Id, basic.Secret) : (formId, formSecret);
        if (clientId.Length == 0 || secret.Length == 0)
            return Error(http, 401, "invalid_client", "Client authentication is missing.", basic: basic is not null);

        var client = await ApiClients.AuthenticateAsync(db, clientId, secret, ct);
        if (client is null)
        {
            await audit.RecordAsync(new AuditRecord("anonymous", "api.token.refused", null, [], AuditPurposes.Supervision,
                "invalid client credentials" + (IsPlainId(clientId) ? " for " + clientId : "")), ct);
            return Error(http, 401, "invalid_client", "Unknown client, wrong secret, or a revoked client.", basic: basic is not null);
        }

        var nis = client.MunicipalityId is { } id ? await db.Municipalities.Where(m => m.Id == id).Select(m => m.NisCode).SingleAsync(ct) : null;
        var token = TokenIssuer.Issue(client, nis, await keys.GetAsync(ct), time);
        await audit.RecordAsync(new AuditRecord(client.Actor, "api.token", nis, [], AuditPurposes.Supervision, "access token issued"), ct);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)TokenIssuer.Lifetime.TotalSeconds));
    }

    private sealed record BasicCredentials(bool Valid, string Id, string Secret);

    private static BasicCredentials? ReadBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
            return colon < 0 ? new BasicCredentials(false, "", "")
                : new BasicCredentials(true, Uri.UnescapeDataString(text[..colon].Replace('+', ' ')), Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return new BasicCredentials(false, "", "");
        }
    }

    private static bool IsPlainId(string id) => id.Length <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static ProblemHttpResult Error(HttpContext http, int status, string error, string description, bool basic = false)
    {
        if (basic) http.Response.Headers.WWWAuthenticate = "Basic realm=\"pnx\"";
        return ApiProblems.Problem(status, description, new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description });
    }
}
