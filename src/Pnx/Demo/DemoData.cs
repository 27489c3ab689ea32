using Pnx.Cli;

namespace Pnx.Demo;

public static class DemoData
{
    public static Task EnsureAsync(CliContext context, CancellationToken ct) => Task.CompletedTask;
}
