using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>What every main page gets: a screenshot kept as an artifact and an axe-core check.</summary>
public sealed class MainPages(ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private readonly List<string> _blocking = [];

    public List<string> Screenshots { get; } = [];

    public async Task CheckAsync(IPage page, string name)
    {
        var file = Path.Combine(Chromium.ScreenshotFolder(), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Screenshots.Add(file);
        var result = await page.RunAxe();
        output.WriteLine($"{name} ({new Uri(page.Url).AbsolutePath}): screenshot {file}; axe: {result.Violations.Length} violations, {result.Passes.Length} passes");
        foreach (var violation in result.Violations)
        {
            var line = $"  [{violation.Impact}] {violation.Id}: {violation.Help} ({string.Join("; ", violation.Nodes.Take(3).Select(n => n.Html))})";
            output.WriteLine(line);
            if (Blocking.Contains(violation.Impact, StringComparer.OrdinalIgnoreCase)) _blocking.Add(name + line);
        }
    }

    /// <summary>Called at the end, so that every page still gets its screenshot when an earlier one fails.</summary>
    public void AssertNoSeriousViolations() =>
        Assert.True(_blocking.Count == 0, "serious or critical accessibility violations:" + Environment.NewLine + string.Join(Environment.NewLine, _blocking));
}
