namespace Pnx.Tests.Infrastructure;

/// <summary>
/// A test of something only SQLite has (its query planner's choices, read with EXPLAIN QUERY PLAN): on the PostgreSQL run
/// it is skipped, visibly, instead of passing without asserting anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteFactAttribute : FactAttribute
{
    internal const string OnPostgres = "SQLite's query plans, asserted on the SQLite run (PNX_TEST_ENGINE=postgres)";

    public SqliteFactAttribute()
    {
        if (TestDatabase.UsesPostgres) Skip = OnPostgres;
    }
}

/// <summary>The theory form of <see cref="SqliteFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.UsesPostgres) Skip = SqliteFactAttribute.OnPostgres;
    }
}
