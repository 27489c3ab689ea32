namespace Pnx.Tests.Web.Browser;

/// <summary>
/// A browser test. test.sh runs the suite twice (SQLite, PostgreSQL); the UI is the same on both, so the
/// browser runs only once: on the PostgreSQL run it is skipped, visibly.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Infrastructure.TestDatabase.UsesPostgres) Skip = "browser tests run once, on the SQLite run (PNX_TEST_ENGINE=postgres)";
    }
}
