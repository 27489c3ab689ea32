namespace Pnx.Hosting;

/// <summary>Configuration shared by the CLI and the server (contract §2), read once and validated on start.</summary>
public sealed record PnxSettings(string DataDir, string? PostgresConnectionString)
{
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.Combine(DataDir, "pnx.db");

    public HostingSettings Hosting { get; init; } = HostingSettings.Default;

    public WebLimits Limits { get; init; } = new();

    /// <summary>The settings from the environment (or <paramref name="overrides"/>), or every value that is wrong.</summary>
    public static SettingsResult FromEnvironment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        string? Get(string name) =>
            overrides is not null && overrides.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

        var problems = new List<string>();
        var dataDir = Get("PNX_DATA_DIR");
        var settings = new PnxSettings(
            Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir),
            NullIfEmpty(Get("PNX_DATABASE")))
        {
            Hosting = HostingSettings.Read(Get, problems),
            Limits = WebLimits.Read(Get, problems),
        };
        return new SettingsResult(problems.Count == 0 ? settings : null, problems);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>Either settings to start with, or the problems that stop the start (one line each, naming the variable).</summary>
public sealed record SettingsResult(PnxSettings? Settings, IReadOnlyList<string> Problems);
