using System.CommandLine;
using System.Globalization;
using Pnx.Cli;
using Pnx.Municipalities;

namespace Pnx.Api.Clients;

/// <summary>`pnx api-client add|revoke|list` (contract §8).</summary>
public static class ApiClientCommands
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "What the client is, e.g. the agency's client tracking system", Required = true };
        var agency = new Option<bool>("--agency") { Description = "An agency client: pushes newcomers, reads the status feed" };
        var municipality = new Option<string?>("--municipality") { Description = "A municipal client for this NIS code: activities, matches, enrolments" };
        var rateLimit = new Option<int?>("--rate-limit") { Description = "Requests a minute before 429 (default 600)" };
        var add = new Command("add", "Register an API client; prints its id and its secret (shown once).") { name, agency, municipality, rateLimit };
        add.SetAction((r, ct) => AddAsync(context, r.GetRequiredValue(name), r.GetValue(agency), r.GetValue(municipality), r.GetValue(rateLimit), ct));

        var id = new Option<string>("--id") { Description = "The client_id", Required = true };
        var revoke = new Command("revoke", "Revoke an API client: its tokens stop working at once.") { id };
        revoke.SetAction((r, ct) => RevokeAsync(context, r.GetRequiredValue(id), ct));

        var list = new Command("list", "List API clients: ID SCOPE STATUS RATE-LIMIT NAME.");
        list.SetAction((_, ct) => ListAsync(context, ct));
        return new Command("api-client", "Clients of the REST API (contract §8).") { add, revoke, list };
    }

    private static async Task<int> AddAsync(CliContext context, string name, bool agency, string? nis, int? rateLimit, CancellationToken ct)
    {
        if (agency == (nis is not null))
        {
            await context.Error.WriteLineAsync("Give either --agency or --municipality NIS.");
            return ExitCodes.Usage;
        }

        if (nis is not null && !MunicipalityCommands.NisCodePattern().IsMatch(nis.Trim()))
        {
            await context.Error.WriteLineAsync($"--municipality: \"{nis}\" is not a NIS code (five digits).");
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        var (client, error) = await ApiClients.AddAsync(db, context.Time, name, nis?.Trim(), rateLimit, context.Actor, ct);
        if (client is null)
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.Rejected;
        }

        await context.Out.WriteLineAsync("client_id: " + client.ClientId);
        await context.Out.WriteLineAsync("client_secret: " + client.ClientSecret);
        return ExitCodes.Done;
    }

    private static async Task<int> RevokeAsync(CliContext context, string id, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        if (await ApiClients.RevokeAsync(db, context.Time, id.Trim(), context.Actor, ct) is { } error)
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.Refused;
        }

        await context.Out.WriteLineAsync($"{id.Trim()}: revoked");
        return ExitCodes.Done;
    }

    private static async Task<int> ListAsync(CliContext context, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        foreach (var row in await ApiClients.ListAsync(db, ct))
        {
            var scope = row.MunicipalityNis ?? "agency";
            var status = row.RevokedAt is null ? "active" : "revoked";
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.Id} {scope} {status} {row.RateLimitPerMinute} {row.Name}"));
        }

        return ExitCodes.Done;
    }
}
