using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;

namespace Pnx.Municipalities;

/// <summary>`pnx municipality add --nis CODE --name NAME`.</summary>
public static partial class MunicipalityCommands
{
    public static Command Create(CliContext context)
    {
        var nis = new Option<string>("--nis") { Description = "NIS code (five digits)", Required = true };
        var name = new Option<string>("--name") { Description = "Name of the municipality", Required = true };
        var add = new Command("add", "Register a municipality (one workspace).") { nis, name };
        add.SetAction((result, ct) => AddAsync(context, result.GetRequiredValue(nis), result.GetRequiredValue(name), ct));
        return new Command("municipality", "Manage municipalities.") { add };
    }

    [GeneratedRegex("^[1-9][0-9]{4}$")]
    public static partial Regex NisCodePattern();

    private static async Task<int> AddAsync(CliContext context, string nis, string name, CancellationToken ct)
    {
        nis = nis.Trim();
        name = name.Trim();
        if (!NisCodePattern().IsMatch(nis))
        {
            await context.Error.WriteLineAsync($"--nis: \"{nis}\" is not a NIS code (five digits).");
            return ExitCodes.Rejected;
        }

        if (name.Length is 0 or > 100)
        {
            await context.Error.WriteLineAsync("--name: give a name of 1 to 100 characters.");
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Municipalities.AnyAsync(m => m.NisCode == nis, ct))
        {
            await context.Error.WriteLineAsync($"Municipality {nis} already exists.");
            return ExitCodes.Refused;
        }

        db.Municipalities.Add(new Municipality { NisCode = nis, Name = name, CreatedAt = context.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, context.Time, new AuditRecord(context.Actor, "municipality.add", nis, [], AuditPurposes.Exchange), ct);
        await transaction.CommitAsync(ct);
        await context.Out.WriteLineAsync($"{nis} {name}: added");
        return ExitCodes.Done;
    }
}
