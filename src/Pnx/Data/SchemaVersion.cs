using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Pnx.Hosting;

namespace Pnx.Data;

/// <summary>
/// Whether the database already holds the newest migration of this build: one query on a plain
/// connection, without building the EF Core model or taking the migration lock. A database that is
/// behind, new or unreadable here is left to <see cref="Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(DatabaseFacade, CancellationToken)"/>.
/// </summary>
public static class SchemaVersion
{
    /// <summary>The id of the newest migration compiled into this build for the context's engine.</summary>
    public static string? Newest(PnxDb db) => db.GetService<IMigrationsAssembly>().Migrations.Keys.Max(StringComparer.Ordinal);

    public static async Task<bool> IsCurrentAsync(PnxDb db, PnxSettings settings, CancellationToken ct)
    {
        if (!settings.UsesPostgres && !File.Exists(settings.SqlitePath)) return false;
        var newest = Newest(db);
        if (newest is null) return false;
        await using DbConnection connection = settings.UsesPostgres
            ? new NpgsqlConnection(settings.PostgresConnectionString)
            : new SqliteConnection(PnxDbFactory.SqliteConnectionString(settings));
        await connection.OpenAsync(ct);
        return await LastAppliedAsync(connection, settings.UsesPostgres, ct) == newest;
    }

    private static async Task<string?> LastAppliedAsync(DbConnection connection, bool postgres, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        // The history table may not exist yet: ask the catalogue first, so no error is raised (PostgreSQL would abort nothing here, but logs it).
        command.CommandText = postgres
            ? "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL"
            : "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (await command.ExecuteScalarAsync(ct) is not true and not 1L) return null;
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
