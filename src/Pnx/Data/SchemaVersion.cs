using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pnx.Hosting;

namespace Pnx.Data;

/// <summary>
/// Whether the database already holds the newest migration of this build: one query, without EF Core's
/// migrator (its model diff and migration lock). A database that is
/// behind, new or unreadable here is left to <see cref="Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(DatabaseFacade, CancellationToken)"/>.
/// </summary>
public static class SchemaVersion
{
    /// <summary>The id of the newest migration compiled into this build for the context's engine.</summary>
    public static string? Newest(PnxDb db) => db.GetService<IMigrationsAssembly>().Migrations.Keys.Max(StringComparer.Ordinal);

    /// <summary>Reads on the context's own connection (opened and closed here), so the verb's first query finds it in the pool.</summary>
    public static async Task<bool> IsCurrentAsync(PnxDb db, PnxSettings settings, CancellationToken ct)
    {
        if (!settings.UsesPostgres && !File.Exists(settings.SqlitePath)) return false;
        var newest = Newest(db);
        if (newest is null) return false;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await LastAppliedAsync(db.Database.GetDbConnection(), settings.UsesPostgres, ct) == newest;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
