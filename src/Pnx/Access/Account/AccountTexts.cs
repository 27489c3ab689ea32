namespace Pnx.Hosting;

public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Account =
    [
        ("Naam", "Name"),
        ("Uw actieve toegangen", "Your active access grants"),
        ("Rol", "Role"),
        ("Geldig tot", "Valid until"),
        ("Wachtwoord wijzigen", "Change password"),
        ("Bevestig met uw huidige wachtwoord en een code uit uw app. Daarna worden al uw andere sessies beëindigd.", "Confirm with your current password and a code from your app. All your other sessions then end."),
        ("Huidig wachtwoord", "Current password"),
        ("Authenticator-app vervangen", "Replace the authenticator app"),
        ("Nieuw toestel of toestel kwijt? Bevestig met uw wachtwoord en een code uit uw app of een herstelcode. U krijgt een nieuwe sleutel en nieuwe herstelcodes.", "New device, or lost it? Confirm with your password and a code from your app or a recovery code. You get a new key and new recovery codes."),
        ("Code uit de app of herstelcode", "Code from the app or recovery code"),
        ("Nieuwe sleutel maken", "Make a new key"),
        ("Nieuwe authenticator-app koppelen", "Link a new authenticator app"),
        ("Scan de code of typ de sleutel in uw app en bevestig met de code die de app toont. Tot dan werken uw herstelcodes nog.", "Scan the code or type the key into your app and confirm with the code the app shows. Until then your recovery codes still work."),
        ("Bevestigen", "Confirm"),
        ("Uw wachtwoord is gewijzigd. Al uw andere sessies zijn beëindigd.", "Your password has been changed. All your other sessions have ended."),
        ("Uw nieuwe authenticator-app is gekoppeld. Uw oude herstelcodes werken niet meer.", "Your new authenticator app is linked. Your old recovery codes no longer work."),
        ("Deze code klopt niet. Controleer of de app de nieuwe sleutel gebruikt en geef de code die nu getoond wordt.", "This code is not correct. Check that the app uses the new key and enter the code it shows now."),
        ("Uw huidige wachtwoord of de code klopt niet. Na te veel pogingen wordt uw account tijdelijk vergrendeld.", "Your current password or the code is not correct. After too many attempts your account is locked for a while."),
    ];
}
