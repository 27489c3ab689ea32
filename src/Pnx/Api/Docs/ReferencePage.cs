using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pnx.Api.Docs;

/// <summary>
/// The readable reference at /api, rendered on the server from the same OpenAPI document the clients read, so
/// the two never disagree; plain HTML under the site's strict content security policy (no script).
/// </summary>
public static class ReferencePage
{
    public static async Task<IResult> RenderAsync(IServiceProvider services, CancellationToken ct)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var html = new StringBuilder();
        var e = HtmlEncoder.Default;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(e.Encode(document.Info.Title ?? "API")).Append("</title><link rel=\"stylesheet\" href=\"/static/pnx.css\"></head><body><main id=\"main\">")
            .Append("<h1>").Append(e.Encode(document.Info.Title ?? "API")).Append(' ').Append(e.Encode(document.Info.Version ?? "")).Append("</h1>")
            .Append("<p>").Append(e.Encode(document.Info.Description ?? "")).Append("</p>")
            .Append("<p>Machine-readable: <a href=\"/openapi/v1.json\">/openapi/v1.json</a> (OpenAPI 3).</p>");
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var anonymous = operation.Security is { Count: 0 };
                html.Append("<section><h2><code>").Append(e.Encode(method.Method)).Append(' ').Append(e.Encode(path)).Append("</code></h2>")
                    .Append("<p><strong>").Append(e.Encode(operation.Summary ?? "")).Append("</strong>")
                    .Append(anonymous ? " (no token)" : " (bearer token)").Append("</p>");
                if (operation.Description is { Length: > 0 } description) html.Append("<p>").Append(e.Encode(description)).Append("</p>");
                if (operation.Parameters is { Count: > 0 } parameters)
                {
                    html.Append("<table><caption>Parameters</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">In</th><th scope=\"col\">Type</th><th scope=\"col\">Required</th></tr></thead><tbody>");
                    foreach (var p in parameters)
                    {
                        html.Append("<tr><td><code>").Append(e.Encode(p.Name ?? "")).Append("</code></td><td>").Append(e.Encode(p.In?.ToString() ?? ""))
                            .Append("</td><td>").Append(e.Encode(TypeName(p.Schema))).Append("</td><td>").Append(p.Required ? "yes" : "no").Append("</td></tr>");
                    }

                    html.Append("</tbody></table>");
                }

                if (operation.RequestBody?.Content is { } content)
                {
                    foreach (var (type, media) in content)
                    {
                        html.Append("<p>Body (<code>").Append(e.Encode(type)).Append("</code>): <code>").Append(e.Encode(TypeName(media.Schema))).Append("</code></p>");
                    }
                }

                html.Append("<ul>");
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    var schema = response.Content?.Values.FirstOrDefault()?.Schema;
                    html.Append("<li><code>").Append(e.Encode(status)).Append("</code> ").Append(e.Encode(response.Description ?? ""));
                    if (schema is not null) html.Append(" — <code>").Append(e.Encode(TypeName(schema))).Append("</code>");
                    html.Append("</li>");
                }

                html.Append("</ul></section>");
            }
        }

        html.Append("<h2>Schemas</h2>");
        foreach (var (name, schema) in document.Components?.Schemas?.OrderBy(s => s.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, IOpenApiSchema>>())
        {
            html.Append("<h3 id=\"").Append(e.Encode(name)).Append("\">").Append(e.Encode(name)).Append("</h3>");
            if (schema.Properties is not { Count: > 0 } properties) continue;
            html.Append("<table><thead><tr><th scope=\"col\">Member</th><th scope=\"col\">Type</th></tr></thead><tbody>");
            foreach (var (member, type) in properties)
            {
                html.Append("<tr><td><code>").Append(e.Encode(member)).Append("</code></td><td>").Append(e.Encode(TypeName(type))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string TypeName(IOpenApiSchema? schema)
    {
        if (schema is null) return "";
        if (schema is OpenApiSchemaReference reference) return reference.Reference.Id ?? "object";
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Array)) return TypeName(schema.Items) + "[]";
        if (schema.OneOf is { Count: > 0 } oneOf) return string.Join(" | ", oneOf.Select(TypeName));
        var name = schema.Type is { } t
            ? string.Join(" | ", Enum.GetValues<JsonSchemaType>().Where(v => v != 0 && t.HasFlag(v)).Select(v => v.ToString().ToLowerInvariant()))
            : "any";
        return schema.Format is { Length: > 0 } format ? $"{name} ({format})" : name;
    }
}
