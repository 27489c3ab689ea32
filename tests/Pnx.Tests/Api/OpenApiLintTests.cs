using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Pnx.Tests.Api;

/// <summary>The served OpenAPI document passes Redocly CLI's recommended rules (installed by test.sh with `npm ci` in tests/openapi-lint).</summary>
public sealed class OpenApiLintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheOpenApiDocumentPassesAStandardLinter()
    {
        var folder = LintFolder();
        Assert.True(File.Exists(Path.Combine(folder, "node_modules", ".bin", "redocly")),
            $"Redocly CLI is not installed: run `npm ci` in {folder} (test.sh does).");
        await using var world = await ApiWorld.StartAsync();
        using var http = world.NewHttp();
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(world.Web.Database.Settings.DataDir, "openapi.json");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());

        var start = new ProcessStartInfo("npx", ["--no-install", "redocly", "lint", path, "--config", "redocly.yaml", "--format", "stylish"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = Process.Start(start)!;
        var stdout = lint.StandardOutput.ReadToEndAsync();
        var stderr = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(lint.ExitCode == 0, "redocly lint found errors:\n" + await stdout + await stderr);
    }

    private static string LintFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "openapi-lint");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("tests/openapi-lint not found above " + AppContext.BaseDirectory);
    }
}
