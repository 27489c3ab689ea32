using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;

namespace Pnx.Protocols;

/// <summary>`pnx protocol add --municipality NIS --start YYYY-MM-DD --end YYYY-MM-DD [--reference TEXT]`.</summary>
public static class ProtocolCommands
{
    public static Command Create(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code", Required = true };
        var start = new Option<string>("--start") { Description = "First day (YYYY-MM-DD)", Required = true };
        var end = new Option<string>("--end") { Description = "Last day (YYYY-MM-DD)", Required = true };
        var reference = new Option<string?>("--reference") { Description = "The protocol's reference" };
        var add = new Command("add", "Record a data-sharing protocol with a municipality.") { municipality, start, end, reference };
        add.SetAction((result, ct) => AddAsync(
            context,
            result.GetRequiredValue(municipality),
            result.GetRequiredValue(start),
            result.GetRequiredValue(end),
            result.GetValue(reference),
            ct));
        return new Command("protocol", "Manage data-sharing protocols.") { add };
    }

    private static async Task<int> AddAsync(CliContext context, string nis, string startText, string endText, string? reference, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            problems.Add($"--start: \"{startText}\" is not a date of the form YYYY-MM-DD.");
        if (!DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            problems.Add($"--end: \"{endText}\" is not a date of the form YYYY-MM-DD.");
        if (problems.Count == 0 && end < start)
            problems.Add("--end: the end lies before the start.");
        if (reference is { Length: > 200 })
            problems.Add("--reference: at most 200 characters.");
        if (problems.Count > 0)
        {
            foreach (var problem in problems) await context.Error.WriteLineAsync(problem);
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.NisCode == nis.Trim(), ct);
        if (municipality is null)
        {
            await context.Error.WriteLineAsync($"--municipality: no municipality with NIS code \"{nis}\"; add it first with 'pnx municipality add'.");
            return ExitCodes.Refused;
        }

        var protocol = new Protocol
        {
            MunicipalityId = municipality.Id,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            StartDate = start,
            EndDate = end,
            CreatedAt = context.Time.GetUtcNow().UtcDateTime,
        };
        db.Protocols.Add(protocol);
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, context.Time, new AuditRecord(context.Actor, "protocol.add", municipality.NisCode, [], AuditPurposes.Exchange, $"protocol {protocol.Id} {startText}..{endText}"), ct);
        await transaction.CommitAsync(ct);
        var state = protocol.IsActiveOn(context.Today) ? "active today" : "not active today";
        await context.Out.WriteLineAsync($"{municipality.NisCode} {municipality.Name}: protocol {protocol.Id} from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} ({state})");
        return ExitCodes.Done;
    }
}
