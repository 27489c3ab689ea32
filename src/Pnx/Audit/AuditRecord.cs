namespace Pnx.Audit;

/// <summary>What a caller wants recorded; the trail adds seq, time and the chain.</summary>
public sealed record AuditRecord(
    string Actor,
    string Action,
    string? Municipality,
    IReadOnlyCollection<string> Subjects,
    string? Purpose = AuditPurposes.Steering,
    string? Detail = null);

/// <summary>The processing purposes of protocol article 2.</summary>
public static class AuditPurposes
{
    public const string Steering = "toeleiding naar participatieactiviteiten";
    public const string Exchange = "gegevensuitwisseling volgens protocol art. 3";
    public const string Retention = "bewaartermijn protocol art. 3";
    public const string Supervision = "toezicht en verantwoording art. 6";
}
