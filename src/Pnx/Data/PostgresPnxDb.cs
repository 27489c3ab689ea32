using Microsoft.EntityFrameworkCore;

namespace Pnx.Data;

public sealed class PostgresPnxDb(DbContextOptions<PostgresPnxDb> options) : PnxDb(options)
{
    public override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
