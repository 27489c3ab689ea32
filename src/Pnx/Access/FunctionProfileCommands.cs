using System.CommandLine;
using System.Globalization;
using Pnx.Cli;

namespace Pnx.Access;

/// <summary>`pnx function-profile add --municipality NIS --name NAME --role SLUG` and `pnx function-profile list --municipality NIS [--format table|csv]`.</summary>
public static class FunctionProfileCommands
{
    public static Command Create(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code of the municipality", Required = true };
        var name = new Option<string>("--name") { Description = "The municipality's job title, e.g. Integratieambtenaar", Required = true };
        var role = new Option<string>("--role") { Description = "Municipal role: " + Roles.SlugList(r => r.IsMunicipal()), Required = true };
        var add = new Command("add", "Add a function profile that grants one municipal role.") { municipality, name, role };
        add.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (_, db) =>
            await AccessCli.ReportAsync(context, await FunctionProfiles.AddAsync(
                db, context.Time, r.GetRequiredValue(municipality), r.GetRequiredValue(name), r.GetRequiredValue(role), context.Actor, ct)), ct));

        var listMunicipality = new Option<string>("--municipality") { Description = "NIS code of the municipality", Required = true };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var list = new Command("list", "List (or export as CSV) a municipality's function profiles.") { listMunicipality, format };
        list.SetAction((r, ct) => AccessCli.InScopeAsync(context, async (_, db) =>
        {
            var rows = await FunctionProfiles.ListAsync(db, r.GetRequiredValue(listMunicipality).Trim(), context.Time.GetUtcNow(), ct);
            if (r.GetRequiredValue(format) == "csv")
            {
                await context.Out.WriteAsync(FunctionProfiles.ToCsv(rows));
                return ExitCodes.Done;
            }

            await context.Out.WriteLineAsync($"{"NIS",-6} {"Role",-24} {"Active",6}  Profile");
            foreach (var row in rows)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.MunicipalityNis,-6} {row.Role.Slug(),-24} {row.ActiveGrants,6}  {row.Name}"));
            }

            return ExitCodes.Done;
        }, ct));

        return new Command("function-profile", "Function profiles (functieprofielen) per municipality, protocol art. 4.") { add, list };
    }
}
