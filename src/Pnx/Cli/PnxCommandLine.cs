using System.CommandLine;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Exports;
using Pnx.Hosting;
using Pnx.Imports;
using Pnx.Municipalities;
using Pnx.Protocols;
using Pnx.Retention;

namespace Pnx.Cli;

/// <summary>The verbs of contract §3. Each feature builds its own command; this only assembles and runs them.</summary>
public static class PnxCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ParticipationExchange (pnx): protocol-bound sharing of newcomers' data with municipalities.")
        {
            ServeCommand.Create(context),
            MunicipalityCommands.Create(context),
            ProtocolCommands.Create(context),
            ImportCommand.Create(context),
            ExportCommand.Create(context),
            AuditCommands.Create(context),
            RetentionCommand.Create(context),
            UserCommands.Create(context),
            FunctionProfileCommands.Create(context),
            GrantCommands.Create(context),
            Activities.ActivityCommands.Create(context),
            Enrolments.StatusCommands.Create(context),
            Api.Clients.ApiClientCommands.Create(context),
            Backup.BackupCommands.CreateBackup(context),
            Backup.BackupCommands.CreateRestore(context),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync(error.Message);
            }

            await context.Error.WriteLineAsync("Run 'pnx --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("Cancelled; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (Exception exception)
        {
            // Exceptions are bugs or an unreachable database; their messages never carry personal values.
            await context.Error.WriteLineAsync($"pnx: unexpected failure: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
