using Microsoft.Playwright;

namespace Pnx.Tests.Web.Browser;

/// <summary>Debian's Chromium driven by Playwright. Never a downloaded browser: test.sh installs /usr/bin/chromium.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // A missing browser is a broken machine, not a reason to skip: fail loudly.
        Assert.True(File.Exists(ExecutablePath),
            $"{ExecutablePath} is missing: the browser tests need Debian's chromium (./test.sh installs it with apt-get install chromium).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>tests/artifacts/screenshots in the repository (test.sh keeps tests/artifacts).</summary>
    public static string ScreenshotFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pnx.sln"))) folder = folder.Parent;
        var path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "tests", "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
