namespace Pnx.Registers;

/// <summary>Where the registers live; every municipal path carries the NIS code (contract §1).</summary>
public static class RegisterPaths
{
    public const string Agency = "/agentschap/registers";

    public const string CsvType = "text/csv; charset=utf-8";

    public static string Of(string nis) => $"/gemeenten/{nis}/registers";
}
