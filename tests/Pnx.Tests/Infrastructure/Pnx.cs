using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Hosting;

namespace Pnx.Tests.Infrastructure;

/// <summary>The result of one CLI invocation.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs pnx verbs in process, through the same entry point as the executable.</summary>
public sealed class PnxCli(PnxSettings settings, TimeProvider time)
{
    /// <summary>A fixed "now" that keeps date rules deterministic: 2026-06-15 10:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    public static PnxCli For(TestDatabase database, TimeProvider? time = null) =>
        new(database.Settings, time ?? new FakeTimeProvider(DefaultNow));

    public PnxSettings Settings => settings;

    public TimeProvider Time => time;

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PnxCommandLine.RunAsync(args, new CliContext(settings, output, error, time));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs and fails the test unless the exit code is as expected.</summary>
    public async Task<CliRun> RunExpectingAsync(int exitCode, params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == exitCode, $"pnx {string.Join(' ', args)} should exit {exitCode}:\n{run}");
        return run;
    }

    /// <summary>Adds a municipality with a protocol active around <see cref="DefaultNow"/>.</summary>
    public async Task AddMunicipalityWithProtocolAsync(string nis, string name)
    {
        await RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", nis, "--name", name);
        await RunExpectingAsync(ExitCodes.Done, "protocol", "add", "--municipality", nis, "--start", "2024-03-29", "--end", "2030-12-31", "--reference", "test");
    }
}
