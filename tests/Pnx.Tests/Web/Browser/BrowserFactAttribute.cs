using Xunit.Sdk;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// A browser test. test.sh runs the suite twice (SQLite, PostgreSQL); the UI is the same on both, so the
/// browser runs only once: on the PostgreSQL run it is skipped, visibly. A run that fails only because the
/// browser stopped answering (a Playwright timeout) is run once more from the start; see <see cref="BrowserTestCase"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Pnx.Tests.Web.Browser.BrowserFactDiscoverer", "Pnx.Tests")]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Infrastructure.TestDatabase.UsesPostgres) Skip = "browser tests run once, on the SQLite run (PNX_TEST_ENGINE=postgres)";
    }
}
