using System.CommandLine;
using Pnx.Cli;

namespace Pnx.Activities;

/// <summary>`pnx activity import|export` (contract §7). The verbs are filled in by the catalogue work.</summary>
public static class ActivityCommands
{
    public static Command Create(CliContext context)
    {
        _ = context;
        return new Command("activity", "The activity catalogue of a municipality (contract §7).");
    }
}
