using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Cli;

/// <summary>What every verb works with: configuration, output streams and the clock.</summary>
public sealed record CliContext(PnxSettings Settings, TextWriter Out, TextWriter Error, TimeProvider Time)
{
    /// <summary>The actor recorded in the audit trail for command-line work.</summary>
    public string Actor => "cli:" + Environment.UserName;

    /// <summary>Opens the database, creating or migrating it first.</summary>
    public Task<PnxDb> OpenDatabaseAsync(CancellationToken cancellationToken) => PnxDbFactory.OpenAsync(Settings, cancellationToken);

    /// <summary>Today in Belgium, the day protocols and retention are judged on.</summary>
    public DateOnly Today => BelgianTime.Today(Time);
}
