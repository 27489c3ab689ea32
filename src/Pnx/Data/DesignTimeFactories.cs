using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Pnx.Hosting;

namespace Pnx.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without a running host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePnxDb>
{
    public SqlitePnxDb CreateDbContext(string[] args) =>
        new(PnxDbFactory.Configure(new DbContextOptionsBuilder<SqlitePnxDb>(), new PnxSettings(Path.GetTempPath(), null)));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPnxDb>
{
    public PostgresPnxDb CreateDbContext(string[] args) =>
        new(PnxDbFactory.Configure(
            new DbContextOptionsBuilder<PostgresPnxDb>(),
            new PnxSettings(Path.GetTempPath(), "Host=127.0.0.1;Database=pnx_design;Username=postgres")));
}
