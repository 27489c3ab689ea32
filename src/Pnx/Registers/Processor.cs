using Pnx.Municipalities;

namespace Pnx.Registers;

/// <summary>
/// A processor a municipality uses for the shared data, under a GDPR art. 28 agreement (protocol art. 6: the
/// municipality keeps a current list and gives it to the agency). Business data only, never a newcomer's.
/// </summary>
public sealed class Processor
{
    public int Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality Municipality { get; set; } = null!;

    /// <summary>The processor's (company's) name.</summary>
    public required string Name { get; set; }

    /// <summary>What it processes the data for, e.g. "hosting van de mailserver".</summary>
    public required string Purpose { get; set; }

    /// <summary>The date of the processing agreement (verwerkersovereenkomst).</summary>
    public DateOnly AgreementDate { get; set; }

    public ProcessorStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum ProcessorStatus
{
    Active,
    Ended,
}

/// <summary>The statuses as the register and its CSV write them.</summary>
public static class ProcessorStatuses
{
    public static string Dutch(this ProcessorStatus status) => status switch
    {
        ProcessorStatus.Active => "actief",
        ProcessorStatus.Ended => "beëindigd",
    };

    public static bool TryParse(string? text, out ProcessorStatus status)
    {
        foreach (var candidate in Enum.GetValues<ProcessorStatus>())
        {
            if (string.Equals(candidate.Dutch(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
