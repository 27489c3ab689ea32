using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pnx.Backup;

/// <summary>
/// What a backup says about itself (manifest.json in the archive), so that a restore can refuse a foreign,
/// damaged or mismatched file before touching the target. Holds no personal data: names of tables, counts,
/// the schema version and the audit head.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>: a zip that is not ours is refused by this.</param>
/// <param name="Engine">"sqlite" or "postgres": the dump only restores into the same engine.</param>
/// <param name="SchemaVersion">The last migration applied in the copy; a restore migrates forward from it.</param>
/// <param name="Rows">Row count per table in the copy, from the same snapshot as the copy itself.</param>
/// <param name="DatabaseSha256">Hex SHA-256 of the database entry, checked before anything is restored.</param>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Engine,
    string SchemaVersion,
    DateTime CreatedAt,
    string AuditHead,
    IReadOnlyDictionary<string, long> Rows,
    string DatabaseEntry,
    string DatabaseSha256)
{
    public const string FormatName = "pnx-backup";
    public const int CurrentFormatVersion = 1;
    public const string EntryName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string EngineName(Data.DatabaseEngine engine) => engine == Data.DatabaseEngine.Postgres ? "postgres" : "sqlite";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <returns>The manifest, or null with the reason it is not one of ours.</returns>
    public static BackupManifest? Read(Stream stream, out string? problem)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (JsonException)
        {
            problem = "its manifest is not valid JSON of a pnx backup";
            return null;
        }

        problem = manifest switch
        {
            null => "its manifest is empty",
            { Format: not FormatName } => "it is not a pnx backup",
            { FormatVersion: not CurrentFormatVersion } => string.Create(CultureInfo.InvariantCulture, $"its format version {manifest.FormatVersion} is not one this version reads"),
            { Engine: not ("sqlite" or "postgres") } => "its manifest names no known database engine",
            _ when string.IsNullOrEmpty(manifest.SchemaVersion) || manifest.Rows is null || string.IsNullOrEmpty(manifest.DatabaseEntry)
                || manifest.DatabaseSha256 is not { Length: 64 } => "its manifest is incomplete",
            _ => null,
        };
        return problem is null ? manifest : null;
    }
}
