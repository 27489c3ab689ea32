using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pnx.Api.Docs;

/// <summary>
/// The OpenAPI 3 document at /openapi/v1.json, generated from the endpoints by Microsoft.AspNetCore.OpenApi and
/// completed here with what metadata cannot say: the security schemes, If-Match / ETag, and why each error happens.
/// </summary>
/// <summary>Endpoint metadata: the JSON body an endpoint reads itself, for the document only.</summary>
public sealed record JsonBody(Type Type);

public static class ApiDocument
{
    public const string Name = "v1";

    private static readonly Dictionary<string, string> ErrorDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "Invalid request: problem details; validation problems are listed in `errors` as {index, field, detail}.",
        ["401"] = "No valid bearer token (or, at the token endpoint, wrong client credentials).",
        ["403"] = "The route is outside the client's scope.",
        ["404"] = "Not found for this client: another municipality, a municipality without an active protocol, or no such row.",
        ["409"] = "Refused by the protocol: no active protocol, or a snapshot that would withdraw most newcomers.",
        ["412"] = "The If-Match ETag is stale: the enrolment changed meanwhile.",
        ["422"] = "The status order of the protocol (or a hard matching rule) forbids this change.",
        ["428"] = "If-Match is missing.",
        ["429"] = "Over the client's rate limit; see Retry-After.",
    };

    public static void Add(IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            // The API only: pages and the fallback are no part of the contract.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                document.Info = new OpenApiInfo
                {
                    Title = "ParticipationExchange API",
                    Version = "v1",
                    Description = "Newcomer pushes and the status back-flow for the agency's client tracking system; activities, " +
                        "matches and enrolments for municipalities' case systems. Get a token with OAuth 2.0 client credentials at " +
                        "`POST /api/v1/token`, then send `Authorization: Bearer TOKEN`. Errors are RFC 9457 problem details " +
                        "(`title` in Dutch, `detail` in English).",
                    License = new OpenApiLicense { Name = "EUPL-1.2", Url = new Uri("https://eupl.eu/1.2/en/") },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from POST /api/v1/token (OAuth 2.0 client credentials), valid for at most an hour.",
                };
                document.Components.SecuritySchemes["clientCredentials"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Client credentials issued by the agency (`pnx api-client add`).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/api/v1/token", UriKind.Relative), Scopes = new Dictionary<string, string>() },
                    },
                };
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "Tokens", Description = "OAuth 2.0 client credentials (RFC 6749 §4.4)." },
                    new() { Name = "Agency", Description = "For agency clients: pushes, withdrawals and the status feed." },
                    new() { Name = "Municipality", Description = "For a municipality's own client, on its own NIS code only." },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<JsonBody>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct) },
                        },
                    };
                }

                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                operation.Security = anonymous
                    ? []
                    :
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("clientCredentials", context.Document)] = [] },
                    ];
                if (context.Description.RelativePath?.Contains("{nis}", StringComparison.Ordinal) == true)
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Insert(0, new OpenApiParameter
                    {
                        Name = "nis",
                        In = ParameterLocation.Path,
                        Required = true,
                        Description = "The municipality's NIS code. The route is the only place the municipality is taken from.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{5}$" },
                    });
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (ErrorDescriptions.TryGetValue(status, out var text) && response is OpenApiResponse concrete) concrete.Description = text;
                }

                Describe(operation, context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
            });
        });

    private static void Describe(OpenApiOperation operation, string? name)
    {
        operation.Description = name switch
        {
            "token" => "Form fields `grant_type=client_credentials`, `client_id`, `client_secret` (or the client id and secret as HTTP Basic). " +
                "Errors carry the RFC 6749 §5.2 code in `error` (`invalid_request`, `invalid_client`, `unsupported_grant_type`).",
            "pushNewcomers" => "The fields of the agency's export (contract §4) under the names of §8; any other member is refused. " +
                "`snapshot` (default) withdraws the municipality's newcomers missing from the batch; `upsert` only adds and updates. " +
                "All or nothing: one problem and nothing is written. Pushing the same batch twice changes nothing the second time.",
            "statusChanges" => "Oldest first. Pass `next` back as `after` to continue; `next` is always given, also on an empty page. " +
                "A cursor stays valid across restarts and never skips or repeats a change.",
            "getEnrolment" => "The `ETag` header is the version to send as `If-Match` when changing the status.",
            "changeEnrolmentStatus" => "Forward along voorgesteld → aangemeld → gestart → afgerond or gestopt; `niet gestart` only from " +
                "voorgesteld or aangemeld; `gestopt` needs a reason; hours (steps of 0.5) from gestart on. Answers the new `ETag`.",
            _ => operation.Description,
        };
        if (name == "changeEnrolmentStatus")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag of the enrolment as last read (e.g. \"3\").",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (name is "createEnrolment" or "getEnrolment" or "changeEnrolmentStatus")
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('2') && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers["ETag"] = new OpenApiHeader { Description = "The enrolment's version.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
            }
        }

        if (name is not null && name != "token")
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status == "429" && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
                }
            }
        }
    }

    public static void Map(WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/api", ReferencePage.RenderAsync).AllowAnonymous().ExcludeFromDescription();
    }
}
