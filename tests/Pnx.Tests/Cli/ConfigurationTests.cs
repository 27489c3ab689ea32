using System.Diagnostics;
using System.Net;
using Pnx.Cli;
using Pnx.Hosting;

namespace Pnx.Tests.Cli;

/// <summary>Contract §2: one configuration for the CLI and the server, from the environment, validated on start.</summary>
public sealed class ConfigurationTests
{
    private static readonly string[] Names =
        ["PNX_DATA_DIR", "PNX_DATABASE", "PNX_PUBLIC_URL", "PNX_ALLOWED_HOSTS", "PNX_TRUSTED_PROXIES", "PNX_READS_PER_MINUTE", "PNX_SIGNINS_PER_MINUTE", "PNX_KEY_ENCRYPTION_KEY"];

    /// <summary>An environment with only the given variables set, whatever the test process's own environment holds.</summary>
    public static Dictionary<string, string?> Environment(params (string Name, string Value)[] values)
    {
        var environment = Names.ToDictionary(n => n, _ => (string?)null);
        foreach (var (name, value) in values) environment[name] = value;
        return environment;
    }

    [Fact]
    public void NothingSetGivesTheDocumentedDefaults()
    {
        var settings = PnxSettings.FromEnvironment(Environment()).Settings!;
        Assert.Equal(new WebLimits(SignInsPerMinute: 20, ReadsPerMinute: 300), settings.Limits);
        Assert.Equal("http://127.0.0.1:5080", settings.Hosting.BaseUrl);
        Assert.False(settings.Hosting.IsHttps);
        Assert.Empty(settings.Hosting.TrustedProxies);
        Assert.Equal(new[] { "127.0.0.1", "localhost", "[::1]" }.Order(StringComparer.Ordinal), settings.Hosting.AllowedHosts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValuesAreReadFromTheEnvironment()
    {
        var read = PnxSettings.FromEnvironment(Environment(
            ("PNX_READS_PER_MINUTE", " 1200 "),
            ("PNX_SIGNINS_PER_MINUTE", "5"),
            ("PNX_PUBLIC_URL", "https://pnx.agii.be/"),
            ("PNX_TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16;::1")));
        Assert.Empty(read.Problems);
        var settings = read.Settings!;
        Assert.Equal(new WebLimits(SignInsPerMinute: 5, ReadsPerMinute: 1200), settings.Limits);
        Assert.Equal("https://pnx.agii.be", settings.Hosting.BaseUrl);
        Assert.True(settings.Hosting.IsHttps);
        Assert.Contains("pnx.agii.be", settings.Hosting.AllowedHosts);
        Assert.Contains("localhost", settings.Hosting.AllowedHosts);
        Assert.Equal([IPNetwork.Parse("10.0.0.5/32"), IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("::1/128")], settings.Hosting.TrustedProxies);

        var hosts = PnxSettings.FromEnvironment(Environment(("PNX_ALLOWED_HOSTS", "pnx.agii.be; *.agii.be ;[::1]"))).Settings!;
        Assert.Equal(["pnx.agii.be", "*.agii.be", "[::1]"], hosts.Hosting.AllowedHosts);
    }

    [Theory]
    [InlineData("PNX_READS_PER_MINUTE", "0")]
    [InlineData("PNX_READS_PER_MINUTE", "-5")]
    [InlineData("PNX_READS_PER_MINUTE", "1.5")]
    [InlineData("PNX_READS_PER_MINUTE", "99999999999")]
    [InlineData("PNX_SIGNINS_PER_MINUTE", "twintig")]
    [InlineData("PNX_PUBLIC_URL", "pnx.agii.be")]
    [InlineData("PNX_PUBLIC_URL", "ftp://pnx.agii.be")]
    [InlineData("PNX_PUBLIC_URL", "https://pnx.agii.be/pnx")]
    [InlineData("PNX_PUBLIC_URL", "https://user:pw@pnx.agii.be")]
    [InlineData("PNX_ALLOWED_HOSTS", "https://pnx.agii.be")]
    [InlineData("PNX_ALLOWED_HOSTS", "pnx.agii.be:443")]
    [InlineData("PNX_TRUSTED_PROXIES", "10")]
    [InlineData("PNX_TRUSTED_PROXIES", "10.0.0.1/8")]
    [InlineData("PNX_TRUSTED_PROXIES", "proxy.local")]
    public void AnInvalidValueIsRejectedNamingTheVariable(string name, string value)
    {
        var read = PnxSettings.FromEnvironment(Environment((name, value)));
        Assert.Null(read.Settings);
        var problem = Assert.Single(read.Problems);
        Assert.StartsWith(name + ": ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidSettingStopsEveryVerbWithExit2BeforeTouchingTheDatabase()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pnx-test-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Pnx.dll"), "municipality", "add", "--nis", "23027", "--name", "Halle" }) start.ArgumentList.Add(argument);
        start.Environment["PNX_DATA_DIR"] = dataDir;
        start.Environment["PNX_DATABASE"] = "";
        start.Environment["PNX_READS_PER_MINUTE"] = "veel";
        start.Environment["PNX_PUBLIC_URL"] = "pnx.agii.be";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Contains("pnx: PNX_READS_PER_MINUTE: \"veel\" is not a positive whole number", error, StringComparison.Ordinal);
        Assert.Contains("pnx: PNX_PUBLIC_URL: \"pnx.agii.be\"", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDir));
    }
}
