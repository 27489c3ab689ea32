namespace Pnx.Hosting;

/// <summary>Configuration shared by the CLI and the server (contract §2), read once and validated on start.</summary>
/// <param name="AuditWitnessFile">Where the server writes the audit head it witnesses; null: in the data folder.</param>
public sealed record PnxSettings(string DataDir, string? PostgresConnectionString, string? AuditWitnessFile = null)
{
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.Combine(DataDir, "pnx.db");

    /// <summary>The witness file (PNX_AUDIT_WITNESS), best kept on storage the database's administrators cannot rewrite.</summary>
    public string AuditWitnessPath => AuditWitnessFile ?? Path.Combine(DataDir, "audit-witness.log");

    public HostingSettings Hosting { get; init; } = HostingSettings.Default;

    public WebLimits Limits { get; init; } = new();

    /// <summary>Encrypts the data-protection keys at rest (PNX_KEY_ENCRYPTION_KEY); null: they are stored unencrypted.</summary>
    public KeyEncryption.KeyEncryptionKey? KeyEncryption { get; init; }

    /// <summary>The settings from the environment (or <paramref name="overrides"/>), or every value that is wrong.</summary>
    public static SettingsResult FromEnvironment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        string? Get(string name) =>
            overrides is not null && overrides.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

        var problems = new List<string>();
        var dataDir = Get("PNX_DATA_DIR");
        var witness = NullIfEmpty(Get("PNX_AUDIT_WITNESS"));
        var settings = new PnxSettings(
            Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir),
            NullIfEmpty(Get("PNX_DATABASE")),
            witness is null ? null : Path.GetFullPath(witness))
        {
            Hosting = HostingSettings.Read(Get, problems),
            Limits = WebLimits.Read(Get, problems),
            KeyEncryption = Pnx.Hosting.KeyEncryption.KeyEncryptionKey.Read(Get, problems),
        };
        return new SettingsResult(problems.Count == 0 ? settings : null, problems);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>Either settings to start with, or the problems that stop the start (one line each, naming the variable).</summary>
public sealed record SettingsResult(PnxSettings? Settings, IReadOnlyList<string> Problems);
