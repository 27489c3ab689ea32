using System.Globalization;

namespace Pnx.Demo;

/// <summary>A short synthetic published text for a demo protocol (art. 10), in the template's words.</summary>
public static class DemoProtocolText
{
    public static string For(string municipality, DateOnly start) => string.Create(CultureInfo.InvariantCulture, $"""
        Protocol tot uitwisseling van persoonsgegevens tussen het Agentschap Integratie en Inburgering en het lokaal bestuur {municipality}
        (synthetische demotekst).

        Artikel 1. Het Agentschap deelt een beperkte set persoonsgegevens van inburgeraars met het lokaal bestuur, zodat het hen kan
        toeleiden naar participatieactiviteiten van het participatie- en netwerktraject. Enkel de status van de activiteit wordt teruggekoppeld.

        Artikel 3. Gedeelde gegevens: naam en voornaam; adres, telefoon en e-mail; contacttaal, niveau Nederlands, status MO, interesses en noden.
        Bewaring tot 6 maanden na het behalen van het inburgeringsattest.

        Artikel 12. Dit protocol treedt in werking op {start:dd/MM/yyyy}. Elke partij kan het opzeggen met een opzegtermijn van 3 maanden.
        """);
}
