using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>`pnx grant request|approve|revoke|recertify|list`. The operator acts in the name of the access administrator given by --by.</summary>
public static class GrantCommands
{
    public static Command Create(CliContext context) =>
        new("grant", "Grants: a function profile in a municipality, or an agency role; four eyes, 12 months.")
        {
            RequestCommand(context),
            ChangeCommand(context, "approve", "Approve a requested grant (a second access administrator).", GrantRules.ApproveAsync),
            ChangeCommand(context, "revoke", "Revoke a grant; it stops working on the next request.", GrantRules.RevokeAsync),
            ChangeCommand(context, "recertify", "Extend an active grant by 12 months from now.", GrantRules.RecertifyAsync),
            ListCommand(context),
        };

    private static Command RequestCommand(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "E-mail of the grantee", Required = true };
        var municipality = new Option<string>("--municipality") { Description = "NIS code, with --profile" };
        var profile = new Option<string>("--profile") { Description = "Function profile name in that municipality" };
        var agencyRole = new Option<string>("--agency-role") { Description = "Agency role: " + Roles.SlugList(r => r.IsAgency()) };
        var by = new Option<string>("--by") { Description = "E-mail of the requesting access administrator" };
        var bootstrap = new Option<bool>("--bootstrap") { Description = "Make one of the first two access administrators directly (see src/Pnx/Access/README.md)" };
        var command = new Command("request", "Request a grant; it takes effect when a second access administrator approves it.")
        {
            user, municipality, profile, agencyRole, by, bootstrap,
        };
        command.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (_, db) =>
        {
            var nis = r.GetValue(municipality);
            var profileName = r.GetValue(profile);
            var roleSlug = r.GetValue(agencyRole);
            var byEmail = r.GetValue(by);
            if ((roleSlug is null) == (nis is null || profileName is null) || (roleSlug is not null && (nis is not null || profileName is not null)))
            {
                await context.Error.WriteLineAsync("give either --municipality and --profile, or --agency-role");
                return ExitCodes.Usage;
            }

            if (!r.GetValue(bootstrap) && byEmail is null)
            {
                await context.Error.WriteLineAsync("--by is required (the requesting access administrator)");
                return ExitCodes.Usage;
            }

            var grantee = await AccessCli.UserAsync(context, db, "--user", r.GetRequiredValue(user), ct);
            var actor = byEmail is null ? null : await AccessCli.UserAsync(context, db, "--by", byEmail, ct);
            if (grantee is null || (byEmail is not null && actor is null)) return ExitCodes.Rejected;

            var scope = await ScopeAsync(context, db, nis, profileName, roleSlug, ct);
            if (scope is null) return ExitCodes.Rejected;
            if (r.GetValue(bootstrap))
            {
                if (scope.Role != Role.AgencyAccessAdministrator)
                {
                    await context.Error.WriteLineAsync("--bootstrap makes an access administrator only: use --agency-role agency-access-administrator");
                    return ExitCodes.Rejected;
                }

                return await AccessCli.ReportAsync(context, await GrantBootstrap.BootstrapAsync(db, context.Time, grantee, actor, ct));
            }

            return await AccessCli.ReportAsync(context, await GrantRules.RequestAsync(db, context.Time, grantee, scope, actor!, ct));
        }, ct));
        return command;
    }

    private static async Task<GrantScope?> ScopeAsync(CliContext context, PnxDb db, string? nis, string? profileName, string? roleSlug, CancellationToken ct)
    {
        if (roleSlug is not null)
        {
            if (Roles.TryParseSlug(roleSlug, out var role) && role.IsAgency()) return new GrantScope(role, null, null);
            await context.Error.WriteLineAsync($"--agency-role: \"{roleSlug}\" is not an agency role ({Roles.SlugList(r => r.IsAgency())})");
            return null;
        }

        var name = profileName!.Trim().Normalize(System.Text.NormalizationForm.FormC);
        var found = await db.FunctionProfiles.AsNoTracking()
            .Where(p => p.Municipality.NisCode == nis!.Trim() && p.Name == name)
            .Select(p => new GrantScope(p.Role, p.MunicipalityId, p.Id))
            .SingleOrDefaultAsync(ct);
        if (found is null) await context.Error.WriteLineAsync($"--profile: municipality {nis!.Trim()} has no function profile \"{name}\"");
        return found;
    }

    private static Command ChangeCommand(
        CliContext context, string name, string description, Func<PnxDb, TimeProvider, int, string, CancellationToken, Task<AccessOutcome>> change)
    {
        var id = new Option<int>("--id") { Description = "Grant number", Required = true };
        var by = new Option<string>("--by") { Description = "E-mail of the acting access administrator", Required = true };
        var command = new Command(name, description) { id, by };
        command.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (_, db) =>
        {
            var actor = await AccessCli.UserAsync(context, db, "--by", r.GetRequiredValue(by), ct);
            if (actor is null) return ExitCodes.Rejected;
            return await AccessCli.ReportAsync(context, await change(db, context.Time, r.GetRequiredValue(id), actor, ct));
        }, ct));
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "Only grants in this municipality (NIS code)" };
        var user = new Option<string>("--user") { Description = "Only grants of this user (e-mail)" };
        var due = new Option<int?>("--due-within") { Description = "Only active grants that lapse within this many days" };
        var command = new Command("list", "The list of access rights, as a table.") { municipality, user, due };
        command.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (_, db) =>
        {
            string? userId = null;
            if (r.GetValue(user) is { } email && (userId = await AccessCli.UserAsync(context, db, "--user", email, ct)) is null) return ExitCodes.Rejected;
            if (r.GetValue(due) is < 0)
            {
                await context.Error.WriteLineAsync("--due-within: give a number of days, 0 or more");
                return ExitCodes.Rejected;
            }

            var rows = await GrantList.ListAsync(db, context.Time.GetUtcNow(), r.GetValue(municipality)?.Trim(), userId, r.GetValue(due), ct);
            await context.Out.WriteLineAsync($"{"Id",5} {"Status",-9} {"Role",-28} {"NIS",-5} {"Expires",-16} {"User",-36} Profile");
            foreach (var row in rows)
            {
                await context.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Id,5} {row.Status.ToString().ToLowerInvariant(),-9} {row.Role.Slug(),-28} {row.MunicipalityNis ?? "-",-5} {row.ExpiresAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",-16} {row.UserEmail,-36} {row.Profile ?? "-"}"));
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} grants"));
            return ExitCodes.Done;
        }, ct));
        return command;
    }
}
