using Pnx.Newcomers;
using static Pnx.Newcomers.InterestsAndNeeds;

namespace Pnx.Demo;

/// <summary>
/// One kind of activity a municipality typically offers to newcomers in its participation trajectory. "{0}" in a
/// title or organiser is the municipality's name. Synthetic, but shaped like real local offers in Flanders.
/// </summary>
internal sealed record DemoActivityTemplate(
    string Title, string Organiser, InterestsAndNeeds Categories, DutchLevel Level, string Description,
    bool Childcare = false, bool Family = false, bool Free = false, string? Languages = null, int? Capacity = null, double? Hours = null);

internal static class DemoActivityTemplates
{
    public static readonly DemoActivityTemplate[] All =
    [
        new("Buddyproject Samen {0}", "Samen {0} vzw", Buddy | PractiseDutch | InformalParticipation, DutchLevel.Geen,
            "Een vrijwillige buddy uit {0} trekt een half jaar met u op: samen boodschappen doen, de stad leren kennen, Nederlands praten.",
            Free: true, Languages: "ar,en,fr", Capacity: 30, Hours: 40),
        new("Taalcafé {0}", "Bibliotheek {0}", PractiseDutch | InformalParticipation, DutchLevel.A1,
            "Elke dinsdagavond Nederlands oefenen bij een koffie, in kleine groepjes met vrijwilligers.", Free: true, Hours: 20),
        new("Voetbalclub KFC {0}", "KFC {0}", SportAndExercise, DutchLevel.Geen,
            "Meetrainen en spelen in de reeks voor volwassenen. Schoenen en uitrusting kunnen geleend worden.", Capacity: 12, Hours: 60),
        new("Vrijwilliger in woonzorgcentrum Sint-Jozef", "Woonzorgcentrum Sint-Jozef", Volunteering | PractiseDutch, DutchLevel.A2,
            "Bewoners gezelschap houden, mee helpen bij de koffienamiddag en uitstappen.", Capacity: 6, Hours: 40),
        new("Kennismakingsstage in de keuken", "Sociaal restaurant De Smaak", InternshipWorkPreparation, DutchLevel.A2,
            "Vier weken meedraaien in een professionele keuken, met een vaste begeleider.", Capacity: 3, Hours: 80),
        new("Naaiatelier en ontmoeting", "Buurthuis De Brug", CultureArtCreativity | InformalParticipation, DutchLevel.Geen,
            "Samen naaien, herstellen en ontwerpen. Kinderen spelen ondertussen in de crèche naast de deur.", Childcare: true, Free: true, Languages: "ar,ti", Capacity: 10, Hours: 24),
        new("Gezinswandeling met de natuurgids", "Natuurpunt {0}", SportAndExercise | InformalParticipation, DutchLevel.Geen,
            "Een maandelijkse wandeling voor het hele gezin, met uitleg over bos en beek.", Family: true, Free: true, Hours: 12),
        new("Repair Café {0}", "Repair Café {0}", Volunteering | InformalParticipation, DutchLevel.A1,
            "Kapotte toestellen, fietsen en kleren samen herstellen. Handige mensen zijn welkom als vrijwilliger.", Free: true, Hours: 16),
        new("Computerles voor beginners", "Digipunt {0}", LearnCourse, DutchLevel.A1,
            "E-mail, itsme, online formulieren: acht lessen in kleine groepen.", Free: true, Languages: "en,fr", Capacity: 8, Hours: 16),
        new("Zwemles voor volwassenen", "Stedelijk zwembad {0}", SportAndExercise | LearnCourse, DutchLevel.A1,
            "Tien lessen leren zwemmen, aparte groepen voor vrouwen en mannen.", Capacity: 10, Hours: 10),
        new("Koor Stemmen van de Wereld", "Koor Stemmen van de Wereld", CultureArtCreativity | PractiseDutch, DutchLevel.A2,
            "Liederen uit alle windstreken en in het Nederlands, elke donderdag.", Hours: 30),
        new("Vrijwilliger bij de voedselbank", "Voedselbank {0}", Volunteering, DutchLevel.Geen,
            "Pakketten klaarzetten en uitdelen op zaterdagvoormiddag.", Languages: "ar,fa,ps", Capacity: 8, Hours: 40),
        new("Fietsles voor vrouwen", "Fietsschool {0}", SportAndExercise | LearnCourse, DutchLevel.Geen,
            "Leren fietsen op een veilige plek, daarna samen de weg op. Kinderopvang is voorzien.", Childcare: true, Free: true, Capacity: 12, Hours: 15),
        new("Moestuinproject De Groene Vinger", "Buurtwerk {0}", InformalParticipation | Volunteering, DutchLevel.Geen,
            "Samen een buurtmoestuin onderhouden en oogsten; ouders en kinderen welkom.", Family: true, Free: true, Hours: 30),
        new("Leesclub in makkelijk Nederlands", "Bibliotheek {0}", PractiseDutch | CultureArtCreativity, DutchLevel.A2,
            "Eén boek per maand in eenvoudig Nederlands, en er samen over praten.", Free: true, Capacity: 12, Hours: 18),
        new("Sollicitatietraining", "Jobpunt {0}", InternshipWorkPreparation | LearnCourse, DutchLevel.B1,
            "Je cv opmaken, een sollicitatiegesprek oefenen en de weg vinden naar vacatures.", Free: true, Capacity: 10, Hours: 12),
        new("Stage in de kinderopvang", "Kinderdagverblijf Het Speelhuis", InternshipWorkPreparation, DutchLevel.B1,
            "Zes weken stage als begeleider, met een mentor uit het team.", Capacity: 2, Hours: 120),
        new("Theaterworkshop Spelen met Taal", "Cultuurcentrum {0}", CultureArtCreativity | PractiseDutch, DutchLevel.A2,
            "Improvisatie en kleine scènes: Nederlands spreken zonder schrik.", Capacity: 15, Hours: 20),
        new("Animator op de speelpleinwerking", "Speelplein {0}", Volunteering, DutchLevel.B1,
            "In de zomer spelletjes begeleiden voor kinderen van 6 tot 12 jaar.", Capacity: 10, Hours: 60),
        new("Ouder-kindkoffie", "Huis van het Kind {0}", InformalParticipation | PractiseDutch, DutchLevel.Geen,
            "Andere ouders ontmoeten terwijl de kleinsten spelen, elke woensdagvoormiddag.", Childcare: true, Family: true, Free: true, Languages: "ar,ro,uk", Hours: 20),
        new("Wandelclub De Stappers", "Wandelclub De Stappers", SportAndExercise | InformalParticipation, DutchLevel.Geen,
            "Wekelijkse wandeling van 8 tot 12 km in de streek.", Hours: 40),
        new("Schilderatelier in de academie", "Academie voor Beeldende Kunsten {0}", CultureArtCreativity | LearnCourse, DutchLevel.A1,
            "Tekenen en schilderen in een open atelier, materiaal ter plaatse.", Capacity: 14, Hours: 50),
        new("Vrijwilliger in het kringloopcentrum", "Kringwinkel {0}", Volunteering | InternshipWorkPreparation, DutchLevel.A1,
            "Sorteren, herstellen en verkopen in de winkel: werkervaring in een vast team.", Capacity: 6, Hours: 80),
        new("Conversatietafel Nederlands", "CVO {0}", PractiseDutch, DutchLevel.A2,
            "Gesprekken over het dagelijkse leven, begeleid door een leerkracht.", Free: true, Capacity: 16, Hours: 24),
        new("Basketbal voor jongvolwassenen", "Basketbalclub {0}", SportAndExercise, DutchLevel.Geen,
            "Twee trainingen per week voor 18- tot 30-jarigen.", Capacity: 15, Hours: 50),
        new("Kookworkshop wereldkeuken", "Buurthuis De Brug", InformalParticipation | CultureArtCreativity, DutchLevel.Geen,
            "Samen koken en eten: elke keer brengt iemand anders een recept mee.", Family: true, Languages: "ar,so,ti", Capacity: 12, Hours: 9),
        new("Jobclub {0}", "OCMW {0}", InternshipWorkPreparation, DutchLevel.A2,
            "Elke week samen vacatures zoeken en solliciteren, met een trajectbegeleider.", Free: true, Hours: 30),
        new("Taalmaatje", "Samen {0} vzw", Buddy | PractiseDutch, DutchLevel.A1,
            "Eén uur per week Nederlands praten met een vaste vrijwilliger, waar en wanneer het past.", Free: true, Capacity: 20, Hours: 25),
        new("Yoga in het buurthuis", "Buurthuis De Brug", SportAndExercise, DutchLevel.Geen,
            "Zachte yoga voor alle leeftijden, matten aanwezig.", Free: true, Capacity: 15, Hours: 10),
        new("Vrijwilliger in de bibliotheek", "Bibliotheek {0}", Volunteering | PractiseDutch, DutchLevel.B1,
            "Boeken terugzetten, helpen bij voorleesuurtjes en activiteiten.", Capacity: 4, Hours: 40),
        new("Digitaal spreekuur", "Digipunt {0}", LearnCourse | InformalParticipation, DutchLevel.Geen,
            "Vrije inloop met hulp bij de smartphone, de bank-app en afspraken online.", Free: true, Languages: "ar,en,fr,uk", Hours: 4),
        new("Schaakclub De Toren", "Schaakclub De Toren", InformalParticipation | LearnCourse, DutchLevel.Geen,
            "Schaken op vrijdagavond, voor beginners en gevorderden.", Hours: 30),
        new("Muziekles op de academie", "Academie voor Muziek, Woord en Dans {0}", CultureArtCreativity | LearnCourse, DutchLevel.A2,
            "Een instrument leren spelen in een groepsles; instrumenten te huur.", Capacity: 8, Hours: 60),
        new("Vrijwilliger bij het Rode Kruis", "Rode Kruis {0}", Volunteering, DutchLevel.B1,
            "Helpen bij bloedinzamelingen en evenementen, na een korte opleiding.", Hours: 30),
    ];
}
