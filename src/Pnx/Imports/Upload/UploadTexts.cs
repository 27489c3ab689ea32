namespace Pnx.Hosting;

public static partial class UiTranslations
{
    /// <summary>The upload page's background check and import: their progress and outcome.</summary>
    public static readonly (string Dutch, string English)[] Upload =
    [
        ("In de wachtrij", "Queued"),
        ("Bezig met verwerken", "Processing"),
        ("Bezig met controleren", "Checking"),
        ("{0} rijen gecontroleerd; ze worden vergeleken met de gedeelde gegevens.", "{0} rows checked; they are being compared with the shared data."),
        ("{0} rijen gecontroleerd ({1} %)", "{0} rows checked ({1} %)"),
        ("{0} rijen gecontroleerd", "{0} rows checked"),
        ("Deze pagina vernieuwt zichzelf. Er wordt niets weggeschreven: na de controle ziet u wat er zou veranderen, en pas na uw bevestiging gebeurt het.",
            "This page refreshes itself. Nothing is written: after the check you see what would change, and only after your confirmation does it happen."),
        ("Het bestand wacht op zijn beurt.", "The file is waiting its turn."),
        ("{0} rijen gelezen; de gegevens worden weggeschreven.", "{0} rows read; the data are being written."),
        ("{0} rijen gelezen ({1} %)", "{0} rows read ({1} %)"),
        ("{0} rijen gelezen", "{0} rows read"),
        ("Deze pagina vernieuwt zichzelf. U kunt ze sluiten: de verwerking gaat door, en er wordt alles of niets weggeschreven.",
            "This page refreshes itself. You may close it: the processing goes on, and all or nothing is written."),
        ("De verwerking is mislukt", "The processing failed"),
        (Imports.Upload.UploadImportService.InterruptedMessage, "The processing was interrupted; upload the file again."),
        (Imports.Upload.UploadImportService.FailedMessage, "The processing failed unexpectedly; nothing was written. Upload the file again."),
        ("De server verwerkt al veel bestanden. Probeer het over enkele minuten opnieuw: laad het bestand opnieuw op.",
            "The server is processing many files already. Try again in a few minutes: upload the file again."),
    ];
}
