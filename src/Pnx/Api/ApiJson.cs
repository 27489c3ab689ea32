using System.Text.Json;

namespace Pnx.Api;

/// <summary>
/// Reads request bodies by hand rather than by model binding: every unknown member is refused by name (the
/// protocol's whitelist), and every problem is reported with its index and field instead of the first one only.
/// </summary>
public static class ApiJson
{
    private const long MaxBodyBytes = 64L * 1024 * 1024;

    /// <summary>The body's root object, or the 400 that explains why there is none.</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, ApiProblems.InvalidField(null, "Send the body as application/json."));
        if (request.ContentLength > MaxBodyBytes) return (null, ApiProblems.InvalidField(null, "The body is larger than 64 MB."));
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return (document, null);
            document.Dispose();
            return (null, ApiProblems.InvalidField(null, "The body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, ApiProblems.InvalidField(null, $"The body is not valid JSON (line {exception.LineNumber + 1})."));
        }
    }

    /// <summary>Adds an error for every member of <paramref name="item"/> that is not in <paramref name="allowed"/>.</summary>
    public static void RefuseUnknownMembers(JsonElement item, IReadOnlySet<string> allowed, int? index, List<FieldError> errors)
    {
        foreach (var member in item.EnumerateObject())
        {
            if (!allowed.Contains(member.Name))
                errors.Add(new FieldError(index, Shorten(member.Name), "Unknown member: only the members of the protocol's whitelist are accepted."));
        }
    }

    /// <summary>A string member, or null when absent or null; a wrong type adds an error.</summary>
    public static string? Text(JsonElement item, string name, int? index, List<FieldError> errors)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(new FieldError(index, name, "Must be a string."));
        return null;
    }

    // Unknown member names are echoed back, but never at length.
    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
