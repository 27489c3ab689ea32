using System.Text;
using Pnx.Cli;
using Pnx.Hosting;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var configuration = PnxSettings.FromEnvironment();
if (configuration.Settings is null)
{
    // A wrong setting stops every verb, not only `serve`: the CLI and the server share one configuration.
    foreach (var problem in configuration.Problems) Console.Error.WriteLine($"pnx: {problem}");
    return ExitCodes.Usage;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var context = new CliContext(configuration.Settings, Console.Out, Console.Error, TimeProvider.System);
return await PnxCommandLine.RunAsync(args, context, cancellation.Token);
