namespace Pnx.Hosting;

public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Errors =
    [
        ("Bestand te groot", "File too large"),
        ("Het bestand is te groot om op te laden: hoogstens {0} MB is toegestaan. Er werd niets verwerkt.", "The file is too large to upload: at most {0} MB is allowed. Nothing was processed."),
        ("Het bestand is te groot om op te laden. Er werd niets verwerkt.", "The file is too large to upload. Nothing was processed."),
    ];
}
