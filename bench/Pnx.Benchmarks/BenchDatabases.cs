using Npgsql;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Protocols;

namespace Pnx.Benchmarks;

/// <summary>A fresh, migrated database per measurement, with Halle (23027) under an active protocol.</summary>
internal static class BenchDatabases
{
    public static async Task<(PnxSettings Settings, int MunicipalityId)> CreateAsync(string? postgresBase)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pnx-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        string? connection = null;
        if (postgresBase is not null)
        {
            var name = "pnx_b_" + Guid.NewGuid().ToString("N");
            await using var admin = new NpgsqlConnection(postgresBase + ";Database=postgres");
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
            connection = postgresBase + ";Database=" + name;
        }

        var settings = new PnxSettings(dataDir, connection);
        await PnxDbFactory.MigrateAsync(settings);
        await using var db = PnxDbFactory.Create(settings);
        var municipality = new Municipality { NisCode = "23027", Name = "Halle", CreatedAt = DateTime.UtcNow };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        db.Protocols.Add(new Protocol { MunicipalityId = municipality.Id, StartDate = new DateOnly(2024, 3, 29), EndDate = new DateOnly(2099, 12, 31), EffectiveEndDate = new DateOnly(2099, 12, 31), CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (settings, municipality.Id);
    }
}
