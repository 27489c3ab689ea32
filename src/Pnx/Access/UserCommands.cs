using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Pnx.Cli;

namespace Pnx.Access;

/// <summary>`pnx user add --email ADDRESS --name NAME [--base-url URL]` and `pnx user disable --email ADDRESS --by ADDRESS`.</summary>
public static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The person's work e-mail address (also the sign-in name)", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "Base URL of the web application for the activation link (default: PNX_PUBLIC_URL)", DefaultValueFactory = _ => context.Settings.Hosting.BaseUrl };
        var add = new Command("add", "Create an account without a password and print a one-time activation link (valid 24 hours).") { email, name, baseUrl };
        add.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (services, db) =>
        {
            var users = services.GetRequiredService<UserManager<PnxUser>>();
            var added = await UserAccounts.AddAsync(db, users, context.Time, r.GetRequiredValue(email), r.GetRequiredValue(name), r.GetRequiredValue(baseUrl), context.Actor, ct);
            if (!added.Outcome.Succeeded) return await AccessCli.ReportAsync(context, added.Outcome);
            await context.Out.WriteLineAsync($"account created: {added.UserId}");
            await context.Out.WriteLineAsync($"activation link (valid 24 hours, once): {added.ActivationLink}");
            return ExitCodes.Done;
        }, ct));

        var disableEmail = new Option<string>("--email") { Description = "The account to disable", Required = true };
        var by = new Option<string>("--by") { Description = "E-mail of the access administrator in whose name the operator acts", Required = true };
        var disable = new Command("disable", "Disable an account: its grants stop working and its sessions end at once.") { disableEmail, by };
        disable.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (services, db) =>
        {
            var target = await AccessCli.UserAsync(context, db, "--email", r.GetRequiredValue(disableEmail), ct);
            var actor = await AccessCli.UserAsync(context, db, "--by", r.GetRequiredValue(by), ct);
            if (target is null || actor is null) return ExitCodes.Rejected;
            var users = services.GetRequiredService<UserManager<PnxUser>>();
            return await AccessCli.ReportAsync(context, await UserAccounts.DisableAsync(db, users, context.Time, target, actor, ct));
        }, ct));

        return new Command("user", "Staff accounts (made by the agency only).") { add, disable };
    }
}
