using System.CommandLine;
using Pnx.Cli;

namespace Pnx.Enrolments;

/// <summary>`pnx status import` (contract §7, the status sheet). The verb is filled in by the status-sheet work.</summary>
public static class StatusCommands
{
    public static Command Create(CliContext context)
    {
        _ = context;
        return new Command("status", "Enrolment statuses from the status sheet (contract §7).");
    }
}
