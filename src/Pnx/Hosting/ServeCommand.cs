using System.CommandLine;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Demo;
using Pnx.Hosting.KeyEncryption;

namespace Pnx.Hosting;

/// <summary>`pnx serve [--urls URL] [--demo]`.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Address to listen on", DefaultValueFactory = _ => DefaultUrl };
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with synthetic demo data" };
        var command = new Command("serve", "Serve the web application.") { urls, demo };
        command.SetAction((result, ct) => ServeAsync(context, result.GetRequiredValue(urls), result.GetValue(demo), ct));
        return command;
    }

    private static async Task<int> ServeAsync(CliContext context, string urls, bool demo, CancellationToken ct)
    {
        await PnxDbFactory.MigrateAsync(context.Settings, ct);
        if (demo)
        {
            await DemoData.EnsureAsync(context, ct);
        }

        await using var app = WebHost.Build(context.Settings, context.Time, urls, dailyJobs: true);
        KeyEncryptionSetup.WarnWhenUnset(context.Settings.KeyEncryption, app.Logger);
        await app.StartAsync(ct);
        await context.Out.WriteLineAsync($"ParticipationExchange listens on {string.Join(", ", app.Urls)}");
        var hosting = context.Settings.Hosting;
        if (hosting.IsHttps && hosting.TrustedProxies.Count == 0 && !urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            await context.Out.WriteLineAsync($"note: PNX_PUBLIC_URL is {hosting.BaseUrl} but PNX_TRUSTED_PROXIES is empty: plain-http requests are redirected there.");
        }
        if (demo)
        {
            // New passwords and TOTP secrets on every start: nothing fixed ships, nothing plaintext is stored.
            await using var scope = app.Services.CreateAsyncScope();
            foreach (var account in await DemoAccounts.EnsureAsync(scope.ServiceProvider, context.Time, ct))
            {
                await context.Out.WriteLineAsync(account.Line);
            }
        }

        await context.Out.WriteLineAsync("Press Ctrl+C to stop.");
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: a normal stop.
        }

        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Done;
    }
}
