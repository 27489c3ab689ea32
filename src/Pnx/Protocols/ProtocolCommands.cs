using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;

namespace Pnx.Protocols;

/// <summary>`pnx protocol add|list|notice|terminate` (contract §3 and §9).</summary>
public static class ProtocolCommands
{
    public static Command Create(CliContext context) => new("protocol", "Manage data-sharing protocols.")
    {
        AddCommand(context), ListCommand(context), NoticeCommand(context), TerminateCommand(context),
    };

    private static Command AddCommand(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code", Required = true };
        var start = new Option<string>("--start") { Description = "First day (YYYY-MM-DD)", Required = true };
        var end = new Option<string>("--end") { Description = "Last day (YYYY-MM-DD)", Required = true };
        var reference = new Option<string?>("--reference") { Description = "The protocol's reference" };
        var textFile = new Option<string?>("--text-file") { Description = "The published text (plain text or HTML-free Markdown), for the transparency page" };
        var add = new Command("add", "Record a data-sharing protocol with a municipality.") { municipality, start, end, reference, textFile };
        add.SetAction((result, ct) => AddAsync(context, result.GetRequiredValue(municipality), result.GetRequiredValue(start),
            result.GetRequiredValue(end), result.GetValue(reference), result.GetValue(textFile), ct));
        return add;
    }

    private static Command ListCommand(CliContext context)
    {
        var municipality = new Option<string?>("--municipality") { Description = "Only this NIS code" };
        var list = new Command("list", "One line each: ID NIS STATUS START END REFERENCE.") { municipality };
        list.SetAction(async (result, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var nis = result.GetValue(municipality)?.Trim();
            var all = await ProtocolQueries.WithStatusesAsync(db, context.Today, ct);
            foreach (var (p, status) in all.Where(x => nis is null || x.Protocol.Municipality!.NisCode == nis)
                .OrderBy(x => x.Protocol.Municipality!.NisCode).ThenBy(x => x.Protocol.StartDate))
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Id} {p.Municipality!.NisCode} {status.Word()} {p.StartDate:yyyy-MM-dd} {p.EffectiveEndDate:yyyy-MM-dd} {p.Reference ?? "-"}"));
            }

            return ExitCodes.Done;
        });
        return list;
    }

    private static Command NoticeCommand(CliContext context)
    {
        var id = new Option<int>("--id") { Description = "Protocol id", Required = true };
        var date = new Option<string>("--date") { Description = "The day notice was given (YYYY-MM-DD)", Required = true };
        var notice = new Command("notice", "Notice given that day: it ends 3 months later (or at its end, if sooner).") { id, date };
        notice.SetAction(async (result, ct) =>
        {
            var text = result.GetRequiredValue(date);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await context.Error.WriteLineAsync($"--date: \"{text}\" is not a date of the form YYYY-MM-DD.");
                return ExitCodes.Rejected;
            }

            await using var db = await context.OpenDatabaseAsync(ct);
            return await ReportAsync(context, await ProtocolRegistry.GiveNoticeAsync(db, context.Time, result.GetValue(id), day, context.Actor, ct));
        });
        return notice;
    }

    private static Command TerminateCommand(CliContext context)
    {
        var id = new Option<int>("--id") { Description = "Protocol id", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the agency ends it at once (art. 8)", Required = true };
        var terminate = new Command("terminate", "The agency ends the protocol at once (art. 8).") { id, reason };
        terminate.SetAction(async (result, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            return await ReportAsync(context, await ProtocolRegistry.TerminateAsync(db, context.Time, result.GetValue(id), result.GetRequiredValue(reason), context.Actor, ct));
        });
        return terminate;
    }

    private static async Task<int> ReportAsync(CliContext context, ProtocolOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            await context.Error.WriteLineAsync("pnx protocol: " + outcome.Message);
            return outcome.NotFound ? ExitCodes.Rejected : ExitCodes.Refused;
        }

        var p = outcome.Protocol!;
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"protocol {p.Id}: {outcome.Message}; status {ProtocolStatuses.Of(p, context.Today, null).Word()}"));
        return ExitCodes.Done;
    }

    private static async Task<int> AddAsync(CliContext context, string nis, string startText, string endText, string? reference, string? textFile, CancellationToken ct)
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
        if (textFile is not null && !File.Exists(textFile))
            problems.Add($"--text-file: no such file \"{textFile}\".");
        if (problems.Count > 0)
        {
            foreach (var problem in problems) await context.Error.WriteLineAsync(problem);
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.NisCode == nis.Trim(), ct);
        if (municipality is null)
        {
            await context.Error.WriteLineAsync($"--municipality: no municipality with NIS code \"{nis}\"; add it first with 'pnx municipality add'.");
            return ExitCodes.Refused;
        }

        var outcome = await ProtocolRegistry.AddAsync(db, context.Time, new Protocol
        {
            MunicipalityId = municipality.Id,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            StartDate = start,
            EndDate = end,
            PublishedText = textFile is null ? null : await File.ReadAllTextAsync(textFile, ct),
        }, context.Actor, ct);
        if (!outcome.Succeeded)
        {
            await context.Error.WriteLineAsync("pnx protocol: " + outcome.Message);
            return ExitCodes.Rejected;
        }

        var protocol = outcome.Protocol!;
        var state = protocol.IsActiveOn(context.Today) ? "active today" : "not active today";
        await context.Out.WriteLineAsync($"{municipality.NisCode} {municipality.Name}: protocol {protocol.Id} from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} ({state})");
        return ExitCodes.Done;
    }
}
