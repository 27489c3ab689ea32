using System.CommandLine;
using Pnx.Cli;

namespace Pnx.Imports;

public static class ImportCommand
{
    public static Command Create(CliContext context) => new("import", "Import the agency's export of newcomers.");
}
