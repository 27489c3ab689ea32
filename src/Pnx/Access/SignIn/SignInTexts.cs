namespace Pnx.Hosting;

public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] SignIn =
    [
        ("Aanmelden mislukt. Controleer uw e-mailadres en wachtwoord. Na vijf mislukte pogingen blijft een account 15 minuten vergrendeld.",
            "Sign-in failed. Check your e-mail address and password. After five failed attempts an account stays locked for 15 minutes."),
        ("Deze code klopt niet of werd al gebruikt. Wacht op de volgende code in uw app en probeer opnieuw. Na vijf mislukte pogingen blijft een account 15 minuten vergrendeld.",
            "This code is not correct or was used already. Wait for the next code in your app and try again. After five failed attempts an account stays locked for 15 minutes."),
        ("Geen toestel bij de hand? Gebruik een herstelcode.", "No device at hand? Use a recovery code."),
        ("Typ een van de herstelcodes die u bij de activering kreeg, zoals ze gedrukt zijn. Elke herstelcode werkt één keer.",
            "Type one of the recovery codes you received at activation, as printed. Each recovery code works once."),
        ("Herstelcode", "Recovery code"),
        ("Aanmelden met herstelcode", "Sign in with a recovery code"),
    ];
}
