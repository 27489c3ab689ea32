namespace Pnx.Demo;

/// <summary>A demo municipality: its real NIS code, postcode and streets, and how many synthetic newcomers it gets.</summary>
internal sealed record DemoMunicipality(string NisCode, string Name, string PostalCode, int Newcomers, int Seed, string[] Streets)
{
    public string ProtocolReference => "AgII-2024-" + Name.ToUpperInvariant();

    public static readonly DemoMunicipality[] All =
    [
        new("23027", "Halle", "1500", 350, 23027,
            ["Basiliekstraat", "Grote Markt", "Ninoofsesteenweg", "Bergensesteenweg", "Edingensesteenweg", "Brusselsesteenweg",
             "Alsembergsesteenweg", "Stationsstraat", "Vondelstraat", "Sint-Rochusstraat", "Possozplein", "Volpestraat",
             "Maandagstraat", "Suikerkaai", "Zuster Bernardastraat", "Kluisstraat"]),
        new("23088", "Vilvoorde", "1800", 250, 23088,
            ["Leuvensestraat", "Mechelsesteenweg", "Schaarbeeklei", "Grote Markt", "Stationlei", "Jean-Baptiste Nowélei",
             "Lange Molensstraat", "Koningslosesteenweg", "Hendrik I-lei", "Leopoldstraat", "Fonteinstraat", "Romeinsesteenweg"]),
        new("12025", "Mechelen", "2800", 200, 12025,
            ["Bruul", "IJzerenleen", "Grote Markt", "Hoogstraat", "Adegemstraat", "Battelsesteenweg", "Brusselsesteenweg",
             "Liersesteenweg", "Lange Schipstraat", "Nekkerspoel", "Tervuursesteenweg", "Guldenstraat", "Sint-Katelijnestraat",
             "Koningin Astridlaan", "Befferstraat", "Frederik de Merodestraat"]),
    ];
}
