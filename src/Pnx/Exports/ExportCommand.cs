using System.CommandLine;
using Pnx.Cli;

namespace Pnx.Exports;

public static class ExportCommand
{
    public static Command Create(CliContext context) => new("export", "Export a municipality's newcomers.");
}
