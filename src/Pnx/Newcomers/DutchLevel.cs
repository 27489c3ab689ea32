namespace Pnx.Newcomers;

/// <summary>Dutch level on the CEFR scale; <see cref="Geen"/> is below A1. Order matters for matching.</summary>
public enum DutchLevel
{
    Geen = 0,
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}
