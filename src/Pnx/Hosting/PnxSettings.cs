namespace Pnx.Hosting;

/// <summary>Configuration shared by the CLI and the server (contract §2).</summary>
public sealed record PnxSettings(string DataDir, string? PostgresConnectionString)
{
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.Combine(DataDir, "pnx.db");

    public static PnxSettings FromEnvironment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        string? Get(string name) =>
            overrides is not null && overrides.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

        var dataDir = Get("PNX_DATA_DIR");
        return new PnxSettings(
            Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir),
            NullIfEmpty(Get("PNX_DATABASE")));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
