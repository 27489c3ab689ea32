using Pnx.Cli;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>Shared plumbing of the access verbs: a migrated database in one DI scope, and outcomes turned into exit codes.</summary>
internal static class AccessCli
{
    public static async Task<int> InScopeAsync(CliContext context, Func<IServiceProvider, PnxDb, Task<int>> action, CancellationToken ct)
    {
        await PnxDbFactory.MigrateAsync(context.Settings, ct);
        await using var provider = AccessServices.CreateProvider(context.Settings, context.Time);
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<PnxDb>());
    }

    public static async Task<int> ReportAsync(CliContext context, AccessOutcome outcome)
    {
        await (outcome.Succeeded ? context.Out : context.Error).WriteLineAsync(outcome.Message);
        return outcome.Kind switch
        {
            AccessOutcomeKind.Done => ExitCodes.Done,
            AccessOutcomeKind.Rejected => ExitCodes.Rejected,
            AccessOutcomeKind.Refused => ExitCodes.Refused,
        };
    }

    /// <summary>Resolves a user given by e-mail; null (after writing the reason) when there is none.</summary>
    public static async Task<string?> UserAsync(CliContext context, PnxDb db, string option, string email, CancellationToken ct)
    {
        var id = await UserAccounts.IdByEmailAsync(db, email, ct);
        if (id is null) await context.Error.WriteLineAsync($"{option}: no account with e-mail \"{email.Trim()}\"");
        return id;
    }
}
