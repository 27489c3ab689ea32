using Microsoft.EntityFrameworkCore;

namespace Pnx.Data;

public sealed class SqlitePnxDb(DbContextOptions<SqlitePnxDb> options) : PnxDb(options)
{
    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;
}
