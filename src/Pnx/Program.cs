using System.Text;
using Pnx.Cli;
using Pnx.Hosting;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var context = new CliContext(PnxSettings.FromEnvironment(), Console.Out, Console.Error, TimeProvider.System);
return await PnxCommandLine.RunAsync(args, context, cancellation.Token);
