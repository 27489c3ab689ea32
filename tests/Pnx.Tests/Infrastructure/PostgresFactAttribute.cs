namespace Pnx.Tests.Infrastructure;

/// <summary>
/// A test of something only PostgreSQL has (its planner's use of an index only it has): on the SQLite run it is skipped,
/// visibly, instead of passing without asserting anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsesPostgres) Skip = "PostgreSQL's query plans, asserted on the PostgreSQL run";
    }
}
