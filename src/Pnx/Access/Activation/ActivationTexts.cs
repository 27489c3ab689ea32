namespace Pnx.Hosting;

public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Activation =
    [
        ("Account activeren", "Activate your account"),
        ("Deze activatielink is niet (meer) geldig: ze is al gebruikt, vervallen (na 24 uur) of onbekend.", "This activation link is not valid (any more): it was used, it expired (after 24 hours) or it is unknown."),
        ("Vraag het toegangsbeheer van het Agentschap om een nieuwe link. Is uw account al actief, meld u dan gewoon aan.", "Ask the agency's access administration for a new link. If your account is already active, just sign in."),
        ("Naar aanmelden", "To sign-in"),
        ("Stap 1 van 2: kies een wachtwoord voor", "Step 1 of 2: choose a password for"),
        ("Minstens 12 tekens. Een zin van enkele woorden is sterk en makkelijk te onthouden. Veelgebruikte wachtwoorden en wachtwoorden met uw naam of e-mailadres worden geweigerd.", "At least 12 characters. A sentence of a few words is strong and easy to remember. Common passwords and passwords containing your name or e-mail address are refused."),
        ("Nieuw wachtwoord", "New password"),
        ("Herhaal het wachtwoord", "Repeat the password"),
        ("Stap 2 van 2: koppel een authenticator-app. Aanmelden vraagt altijd een code uit die app.", "Step 2 of 2: link an authenticator app. Signing in always asks for a code from that app."),
        ("Code uit de app", "Code from the app"),
        ("Activeren", "Activate"),
        ("Uw account is geactiveerd.", "Your account is activated."),
        ("QR-code om te scannen met uw authenticator-app", "QR code to scan with your authenticator app"),
        ("Kunt u niet scannen? Typ deze sleutel in uw app:", "Cannot scan? Type this key into your app:"),
        ("Uw herstelcodes", "Your recovery codes"),
        ("Bewaar deze codes op een veilige plaats. Elke code werkt één keer, als u uw authenticator-app niet bij de hand hebt. Ze worden maar één keer getoond.", "Keep these codes in a safe place. Each code works once, when you do not have your authenticator app at hand. They are shown only once."),
        ("Kies een wachtwoord.", "Choose a password."),
        ("De twee wachtwoorden zijn niet gelijk.", "The two passwords differ."),
        ("Het wachtwoord moet minstens 12 tekens lang zijn.", "The password must be at least 12 characters long."),
        ("Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een ander.", "This password is on the list of common passwords. Choose another."),
        ("Het wachtwoord mag uw e-mailadres niet bevatten, ook niet het deel voor de @.", "The password must not contain your e-mail address, nor the part before the @."),
        ("Het wachtwoord mag uw naam niet bevatten.", "The password must not contain your name."),
        ("Dit wachtwoord voldoet niet aan de regels. Kies een ander.", "This password does not meet the rules. Choose another."),
        ("Deze code klopt niet. Controleer of de app de sleutel hierboven gebruikt en geef de code die nu getoond wordt.", "This code is not correct. Check that the app uses the key above and enter the code it shows now."),
    ];
}
